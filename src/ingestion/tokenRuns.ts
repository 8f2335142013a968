import { SURNAMES } from './personVocabulary';
import type { PreparedText, Sentence, Token } from './preparedText';

/** Whether two neighbouring tokens are separated by exactly one space (no comma, bracket or quote between). */
export function adjacent(text: string, a: Token, b: Token): boolean {
  return b.start - a.end === 1 && text[a.end] === ' ';
}

export const capitalisedWord = (token: Token) => /^\p{Lu}/u.test(token.text) && /^[\p{L}]+$/u.test(token.text);
export const nameWord = (token: Token) => /^\p{Lu}/u.test(token.text) && /^[\p{L}\p{N}]+$/u.test(token.text);

/**
 * Given a sentence and a start token, returns how many tokens from there form a run of words
 * accepted by `accept`, each one space after the previous, at most `max`.
 */
export function runLength(
  prepared: PreparedText,
  sentence: Sentence,
  from: number,
  max: number,
  accept: (token: Token) => boolean,
): number {
  let length = 0;
  while (length < max) {
    const token = sentence.tokens[from + length];
    if (!token || !accept(token)) break;
    const previous = sentence.tokens[from + length - 1];
    if (length > 0 && previous && !adjacent(prepared.text, previous, token)) break;
    length += 1;
  }
  return length;
}

/** Given a sentence and a token range, returns the text it covers and its offsets. */
export function spanOf(
  prepared: PreparedText,
  sentence: Sentence,
  first: number,
  last: number,
): { start: number; end: number; text: string } {
  const start = sentence.tokens[first]?.start ?? sentence.start;
  const end = sentence.tokens[last - 1]?.end ?? start;
  return { start, end, text: prepared.text.slice(start, end) };
}

/**
 * Given a sentence and a position, returns how many tokens form a place's proper name there:
 * 1 to 4 capitalised words, and a number after them ("Hà Giang 1"). The first word may follow
 * its unit after a dot ("TP. Hà Giang").
 */
export function placeNameLength(prepared: PreparedText, sentence: Sentence, from: number): number {
  const run = runLength(prepared, sentence, from, 8, nameWord);
  // "UBND huyện Vị Xuyên Lê Thanh Hải": a family name followed by two more capitalised words starts a person.
  const person = sentence.tokens.slice(from + 1, from + run).findIndex((t, i) => SURNAMES.has(t.folded) && run - (i + 1) >= 3);
  const words = Math.min(4, person >= 0 ? person + 1 : run);
  const after = sentence.tokens[from + words];
  const last = sentence.tokens[from + words - 1];
  if (words > 0 && after && last && /^\d{1,2}$/.test(after.text) && adjacent(prepared.text, last, after)) return words + 1;
  return words;
}

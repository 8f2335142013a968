import { foldWord, WORD_PATTERN } from './foldKey';
import type { Token } from './preparedText';

/** Given normalised text and a range (a sentence), returns its word tokens with offsets into the whole text. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  for (const match of text.slice(start, end).matchAll(WORD_PATTERN)) {
    const word = match[0];
    const from = start + match.index;
    tokens.push({ text: word, folded: foldWord(word), start: from, end: from + word.length, index: tokens.length });
  }
  return tokens;
}

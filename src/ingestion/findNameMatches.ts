import { entryKeys, MAX_KEY_WORDS, type NameKey } from './entryKeys';
import type { GazetteerEntry } from './gazetteer';
import { looseSyllable } from './looseKey';
import type { PreparedText, Sentence } from './preparedText';

/** A place in the text where a name or alias of a gazetteer entry occurs, word for word (folded). */
export interface NameMatch {
  readonly sentence: number;
  /** Token range [first, last) in the sentence. */
  readonly first: number;
  readonly last: number;
  /** Character range [start, end) in the normalised text. */
  readonly start: number;
  readonly end: number;
  readonly entry: GazetteerEntry;
  readonly key: NameKey;
}

const capitalised = (word: string) => /^[\p{Lu}\p{N}]/u.test(word);

/** Loose n-grams are only worth sending for what could be a personal name: 2 to 5 capitalised words. */
function looseWords(sentence: Sentence, from: number, length: number): string[] | undefined {
  if (length < 2 || length > 5) return undefined;
  const tokens = sentence.tokens.slice(from, from + length);
  if (!tokens.every((token) => capitalised(token.text))) return undefined;
  return tokens.map((token) => looseSyllable(token.folded));
}

/**
 * Given prepared text, returns the keys to look up: every run of 1 to MAX_KEY_WORDS folded words
 * inside a sentence, and the loose spelling of capitalised runs (possible personal names).
 * About 8 keys per word before de-duplication.
 */
export function lookupKeysFor(prepared: PreparedText): string[] {
  const keys = new Set<string>();
  for (const sentence of prepared.sentences) {
    const words = sentence.tokens.map((token) => token.folded);
    for (let from = 0; from < words.length; from += 1) {
      for (let length = 1; length <= MAX_KEY_WORDS && from + length <= words.length; length += 1) {
        keys.add(words.slice(from, from + length).join(' '));
        const loose = looseWords(sentence, from, length);
        if (loose) keys.add(loose.join(' '));
      }
    }
  }
  return [...keys];
}

/**
 * Given prepared text and the entries the gazetteer returned, returns every occurrence of their
 * keys in the text: a key longer than MAX_KEY_WORDS is found by its head and then checked word by
 * word; loose keys are compared with the loose spelling of the text.
 */
export function findNameMatches(prepared: PreparedText, entries: readonly GazetteerEntry[]): NameMatch[] {
  const byHead = new Map<string, Array<{ entry: GazetteerEntry; key: NameKey }>>();
  for (const entry of entries) {
    for (const key of entryKeys(entry)) {
      const head = key.words[0] ?? '';
      const list = byHead.get(head) ?? [];
      list.push({ entry, key });
      byHead.set(head, list);
    }
  }
  const matches: NameMatch[] = [];
  for (const sentence of prepared.sentences) {
    const folded = sentence.tokens.map((token) => token.folded);
    const loose = folded.map(looseSyllable);
    sentence.tokens.forEach((token, from) => {
      const candidates = [
        ...(byHead.get(token.folded) ?? []),
        ...(token.folded === loose[from] ? [] : (byHead.get(loose[from] ?? '') ?? [])),
      ];
      for (const { entry, key } of candidates) {
        const words = key.source === 'LOOSE' ? loose : folded;
        const last = from + key.words.length;
        if (last > words.length || !key.words.every((word, i) => words[from + i] === word)) continue;
        if (key.source === 'LOOSE' && looseWords(sentence, from, key.words.length) === undefined) continue;
        const end = sentence.tokens[last - 1]?.end ?? token.end;
        matches.push({ sentence: sentence.index, first: from, last, start: token.start, end, entry, key });
      }
    });
  }
  return dedupe(matches);
}

/** One match per entry and span: a name found by its exact key and its loose key counts once, as the exact one. */
function dedupe(matches: NameMatch[]): NameMatch[] {
  const best = new Map<string, NameMatch>();
  const rank = (m: NameMatch) => ['NAME', 'ALIAS', 'BARE', 'LOOSE'].indexOf(m.key.source);
  for (const match of matches) {
    const id = `${match.entry.id}|${match.start}|${match.end}`;
    const current = best.get(id);
    if (!current || rank(match) < rank(current)) best.set(id, match);
  }
  return [...best.values()];
}

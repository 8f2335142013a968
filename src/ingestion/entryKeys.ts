import { foldedWords } from './foldKey';
import type { GazetteerEntry } from './gazetteer';
import { looseSyllable } from './looseKey';
import { unitWordAt } from './placeUnitWords';

/**
 * Names longer than this many words are looked up by their first words only and then checked
 * word by word against the text; it bounds the n-grams an article sends to the gazetteer
 * (about 8 per word) whatever the longest title in the graph.
 */
export const MAX_KEY_WORDS = 8;

/** Where a key comes from: the name, an alias, a place name without its unit word, or a loose spelling. */
export type KeySource = 'NAME' | 'ALIAS' | 'BARE' | 'LOOSE';

export interface NameKey {
  /** Folded words of the whole name. */
  readonly words: readonly string[];
  /** The key the gazetteer indexes: the first MAX_KEY_WORDS folded words joined by spaces. */
  readonly lookup: string;
  /** The name or alias as written in the graph. */
  readonly surface: string;
  readonly source: KeySource;
}

function key(words: readonly string[], surface: string, source: KeySource): NameKey {
  return { words, lookup: words.slice(0, MAX_KEY_WORDS).join(' '), surface, source };
}

/**
 * Given an entry, returns every key it can be found by: its name and aliases folded; for a place
 * written with its unit ("xã Pải Lủng", "thành phố Hà Giang"), the bare name too ("Pải Lủng"),
 * since news drops the unit; for a person, the loose spelling (looseKey) that finds near-identical
 * namesakes. The same function gives the keys a production index stores.
 */
export function entryKeys(entry: GazetteerEntry): NameKey[] {
  const keys: NameKey[] = [];
  const seen = new Set<string>();
  const add = (words: readonly string[], surface: string, source: KeySource) => {
    const joined = words.join(' ');
    if (words.length === 0 || seen.has(joined)) return;
    seen.add(joined);
    keys.push(key(words, surface, source));
  };
  const written = [entry.name, ...entry.aliases];
  written.forEach((surface, i) => add(foldedWords(surface), surface, i === 0 ? 'NAME' : 'ALIAS'));
  if (entry.label === 'Place') {
    for (const surface of written) {
      const words = foldedWords(surface);
      const unit = unitWordAt(words, 0);
      if (unit && words.length > unit.folded.length) add(words.slice(unit.folded.length), surface, 'BARE');
    }
  }
  if (entry.label === 'Person') {
    for (const surface of written) add(foldedWords(surface).map(looseSyllable), surface, 'LOOSE');
  }
  return keys;
}

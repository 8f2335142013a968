import { foldedWords } from './foldKey';

/**
 * Syllables that sources spell differently for the same Hmong clan name (DOMAIN §5: "Thò/Thào").
 * Data, not a rule: each entry maps a variant to the form used in the loose key.
 */
const SYLLABLE_VARIANTS: Readonly<Record<string, string>> = { tho: 'thao' };

/** Given one folded syllable, returns its loose form: a lone final y written i (mý/mí, ly/li, sỹ/sĩ), clan variants merged. */
export function looseSyllable(folded: string): string {
  const spelled = folded.replace(/^(qu|[^aeiouy]*)y$/, '$1i');
  return SYLLABLE_VARIANTS[spelled] ?? spelled;
}

/**
 * Given a name, returns its loose key: the folded key with each syllable in its loose form, so
 * near-identical spellings of one person ("Thào Mý Ly", "Thò Mí Ly", "Thào Mí Ly") share
 * "thao mi li". The loose key only finds candidates; it never decides a link by itself.
 */
export function looseKey(name: string): string {
  return foldedWords(name).map(looseSyllable).join(' ');
}

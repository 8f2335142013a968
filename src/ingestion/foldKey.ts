import { foldDiacritics } from '../text/foldDiacritics';

/** Word tokens: letters and digits, joined inside a word by & ' ’ . / - (PCCC&CNCH, CSGT-TT, 3/4/2023, T.M.L). */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:[&'’./-][\p{L}\p{N}]+)*/gu;

/** Given one word, returns its folded form: diacritics removed, đ→d, lower case ("Pải" → "pai"). */
export function foldWord(word: string): string {
  return foldDiacritics(word.normalize('NFC')).toLowerCase();
}

/** Given a name, returns its folded words in order, punctuation dropped ("Hội nghị sơ, tổng kết" → [hoi, nghi, so, tong, ket]). */
export function foldedWords(name: string): string[] {
  return [...name.normalize('NFC').matchAll(WORD_PATTERN)].map((match) => foldWord(match[0]));
}

/**
 * Given a name or alias, returns the key the gazetteer is looked up by: folded words joined by one
 * space, punctuation dropped, so "Phòng Cảnh sát PCCC&CNCH, Công an tỉnh Hà Giang" and
 * "phòng cảnh sát pccc&cnch công an tỉnh hà giang" share "phong canh sat pccc&cnch cong an tinh ha giang".
 */
export function foldKey(name: string): string {
  return foldedWords(name).join(' ');
}

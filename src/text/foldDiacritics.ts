/**
 * Given Vietnamese (or any) text, returns it with diacritics removed and đ/Đ folded to d/D, in NFC
 * otherwise unchanged: "Đào Quang Vinh" → "Dao Quang Vinh", "xã Pải Lủng" → "xa Pai Lung".
 * Note: đ is a letter of its own, not d plus a mark, so NFD leaves it alone; it needs the
 * explicit replacement.
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

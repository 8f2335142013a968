/**
 * Given Vietnamese (or any) text, returns it with diacritics removed and đ/Đ folded to d/D, in NFC
 * otherwise unchanged: "Đào Quang Vinh" → "Dao Quang Vinh", "xã Pải Lủng" → "xa Pai Lung".
 * Note: đ is a letter of its own, not d plus a mark, so NFD leaves it alone; it needs the
 * explicit replacement.
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * Cypher, given an expression holding text: the same folding as foldDiacritics, for the write
 * trigger that derives nameAscii and aliasesText in the database (Java's \p{M} is the Unicode
 * mark category, as JavaScript's is). tests/integration/writeValidation.test.ts checks both give
 * the same text for every name and alias of the seeds.
 */
export function cypherFoldDiacritics(text: string): string {
  return `normalize(replace(replace(apoc.text.replace(normalize(${text}, NFD), '\\\\p{M}', ''), 'đ', 'd'), 'Đ', 'D'), NFC)`;
}

/**
 * Given an article's raw text, returns the text every offset of ingestion refers to: Unicode NFC
 * (Vietnamese typed on different keyboards arrives composed or decomposed, and tone marks must
 * compare equal), line breaks as "\n", no byte-order mark or zero-width characters, and
 * no-break spaces as plain spaces. Evidence selectors point into this string, so the story must
 * store exactly this text beside its proposals.
 */
export function normalizeArticleText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u00A0\u202F]/g, ' ');
}

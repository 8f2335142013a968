/** Characters XML 1.0 cannot hold at all, even escaped: C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Given text for an XML file, returns it without the characters XML 1.0 forbids (a stray U+0007
 * pasted into a name would otherwise make the whole file unreadable to Gephi), in NFC so
 * Vietnamese letters compare equal whichever way they were typed. Escaping `<&>"` is the XML
 * writer's job, not this one's.
 */
export function xmlSafe(text: string): string {
  return text.normalize('NFC').replace(NOT_XML, '');
}

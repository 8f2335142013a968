import type { Paragraph } from './preparedText';

/** Given normalised text, returns each non-empty line as a paragraph, trimmed, with its offsets (DOMAIN's P1…P16 count). */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) {
    const line = match[0];
    const leading = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    const start = match.index + leading;
    paragraphs.push({ index: paragraphs.length, start, end: start + trimmed.length });
  }
  return paragraphs;
}

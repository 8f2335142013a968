import { normalizeArticleText } from './normalizeArticleText';
import type { PreparedText, Sentence } from './preparedText';
import { splitParagraphs } from './splitParagraphs';
import { splitSentences } from './splitSentences';
import { tokenize } from './tokenize';

/** Given an article's raw text, returns it normalised (NFC) and cut into paragraphs, sentences and tokens with offsets. */
export function prepareText(raw: string): PreparedText {
  const text = normalizeArticleText(raw);
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphs) {
    for (const [start, end] of splitSentences(text, paragraph.start, paragraph.end)) {
      sentences.push({ index: sentences.length, paragraph: paragraph.index, start, end, tokens: tokenize(text, start, end) });
    }
  }
  return { text, paragraphs, sentences };
}

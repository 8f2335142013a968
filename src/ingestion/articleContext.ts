import type { DateMention } from './extractDates';
import type { GazetteerEntry } from './gazetteer';
import type { PartialDate } from './partialDate';
import type { PreparedText } from './preparedText';

/** Where the article names an entity (a settled link, or the only candidate of a mention). */
export interface Sighting {
  readonly entry: GazetteerEntry;
  readonly sentence: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

/** What the article says around its mentions: the entities it names, where, and the dates it gives. */
export interface ArticleContext {
  readonly prepared: PreparedText;
  readonly publishedAt: string;
  readonly dates: readonly DateMention[];
  readonly sightings: ReadonlyMap<string, readonly Sighting[]>;
}

/** How close a sighting is to a mention: the same sentence counts most, the same paragraph more than elsewhere. */
export function proximity(sentence: number, paragraph: number, at: { sentence: number; paragraph: number }): number {
  if (at.sentence === sentence) return 1.5;
  if (at.paragraph === paragraph) return 1.2;
  return 1;
}

/**
 * Given the context and a sentence, returns the date the sentence speaks of: the first date written
 * in it, else the nearest date written earlier in the same paragraph, else the publication date.
 * Places and agencies are resolved as they were on that date (a 2026 article telling of 3/4/2023
 * means the commune of 2023).
 */
export function referenceDate(context: ArticleContext, sentenceIndex: number): PartialDate {
  const own = context.dates.find((d) => d.sentence === sentenceIndex);
  if (own) return own.value;
  const paragraph = context.prepared.sentences[sentenceIndex]?.paragraph;
  const earlier = context.dates.filter(
    (d) => d.sentence < sentenceIndex && context.prepared.sentences[d.sentence]?.paragraph === paragraph,
  );
  return earlier.at(-1)?.value ?? context.publishedAt;
}

/** Given the context and a sentence, returns the dates written in its paragraph (for "died before the event" checks). */
export function paragraphDates(context: ArticleContext, sentenceIndex: number): DateMention[] {
  const paragraph = context.prepared.sentences[sentenceIndex]?.paragraph;
  return context.dates.filter((d) => context.prepared.sentences[d.sentence]?.paragraph === paragraph);
}

/** Words that speak of the present ("nay", "hiện nay", "hôm nay"): the sentence means the units as they are now. */
const NOW = /(?<!\p{L})nay(?!\p{L})/u;
/** "A và B hợp nhất thành C", "sáp nhập vào": names before the verb are the units that ended. */
const MERGER = /(?<!\p{L})(?:hợp nhất|sáp nhập|nhập|sắp xếp)(?:\s+\S+){0,2}?\s+(?:thành|vào)(?!\p{L})/u;

/**
 * Given the context and a mention's sentence and end, returns the date its places and units are
 * read on: the publication date when the sentence speaks of the present ("nay thuộc xã Bạch Đích"),
 * the day before the sentence's date for the units a merger ends ("tỉnh Hà Giang và tỉnh Tuyên Quang
 * hợp nhất thành …"), and the sentence's date otherwise (referenceDate).
 */
export function mentionDate(context: ArticleContext, sentenceIndex: number, end: number): PartialDate {
  const sentence = context.prepared.sentences[sentenceIndex];
  const text = sentence ? context.prepared.text.slice(sentence.start, sentence.end).toLowerCase() : '';
  const merger = sentence ? MERGER.exec(text) : null;
  const date = referenceDate(context, sentenceIndex);
  if (sentence && merger && end <= sentence.start + merger.index && date.length === 10) {
    return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }
  if (NOW.test(text)) return context.publishedAt;
  return date;
}

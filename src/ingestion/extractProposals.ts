import { referenceDate } from './articleContext';
import { awardProposal } from './awardProposals';
import { buildMentions } from './buildMentions';
import { dateProposals } from './dateProposals';
import { eventProposals } from './eventProposals';
import { extractDates } from './extractDates';
import { findAgencyPatterns } from './findAgencyPatterns';
import { findAwardPatterns } from './findAwardPatterns';
import { findDecisionNumbers } from './findDecisionNumbers';
import { findNameMatches, lookupKeysFor } from './findNameMatches';
import { findPersonPatterns } from './findPersonPatterns';
import { findPlacePatterns } from './findPlacePatterns';
import { foldKey } from './foldKey';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import { IngestionInputError } from './ingestionInputError';
import { issuerOfAgency } from './issuerOfAgency';
import type { Item } from './item';
import { ambiguousProposals, linkProposals } from './linkProposals';
import { matchAwards } from './matchAwards';
import { matchEvents } from './matchEvents';
import { newEntityProposals } from './newEntityProposals';
import type { PatternMention } from './patternMention';
import { isoDate } from './partialDate';
import { prepareText } from './prepareText';
import type { Proposal } from './proposal';
import { readAwards } from './readAwards';
import { relationshipProposals } from './relationshipProposals';
import { selectSpans } from './selectSpans';
import type { Resolution } from './resolveMentions';
import { resolveMentions } from './resolveMentions';

export interface ArticleInput {
  readonly text: string;
  readonly title?: string;
  readonly url?: string;
  /** YYYY-MM-DD; the date places, units and undated days are read against. */
  readonly publishedAt?: string;
}

export interface ExtractOptions {
  /** Used as the publication date when the article has none. */
  readonly now: Date;
  /** The story's own id, never proposed as something it features. */
  readonly storyId?: string;
}

export interface Extraction {
  /** The normalised text every selector points into: store it with the story. */
  readonly text: string;
  readonly referenceDate: string;
  readonly proposals: readonly Proposal[];
  readonly stats: { readonly lookupKeys: number; readonly entries: number; readonly millis: number };
}

function checkDate(publishedAt: string): void {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(publishedAt);
  if (!parts || !isoDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) {
    throw new IngestionInputError('publishedAt', publishedAt, 'must be a calendar date YYYY-MM-DD');
  }
}

/**
 * Given an article, a gazetteer and the time, returns the proposals ingestion makes from it, all
 * PENDING, each with its quote, offsets, extractor, confidence and reasons: links to entities the
 * graph knows (resolved by date and context, AMBIGUOUS when context cannot decide), new people,
 * units, places and awards (checked against who may confer them), dates, and the relationships
 * single sentences state. Two batched gazetteer lookups by name and at most two by id; nothing
 * is written.
 */
export async function extractProposals(
  article: ArticleInput,
  gazetteer: Gazetteer,
  options: ExtractOptions,
): Promise<Extraction> {
  const started = performance.now();
  if (typeof article.text !== 'string' || article.text.trim() === '') {
    throw new IngestionInputError('text', article.text, 'must not be empty');
  }
  const publishedAt = article.publishedAt ?? options.now.toISOString().slice(0, 10);
  checkDate(publishedAt);
  const prepared = prepareText(article.text);
  const { text } = prepared;
  const dates = extractDates(prepared, publishedAt);
  const keys = lookupKeysFor(prepared);
  const title = article.title ? foldKey(article.title) : undefined;
  const isSelf = (e: GazetteerEntry) =>
    e.id === options.storyId || (e.label === 'Story' && title !== undefined && foldKey(e.name) === title);
  const entries = (await gazetteer.lookup(keys)).filter((e) => !isSelf(e));
  const { resolutions, context } = resolveMentions(
    buildMentions(prepared, findNameMatches(prepared, entries)),
    prepared,
    dates,
    publishedAt,
  );

  const awardPatterns = findAwardPatterns(prepared);
  const selected = selectSpans(resolutions, [
    ...findPersonPatterns(prepared),
    ...findAgencyPatterns(prepared),
    ...findPlacePatterns(prepared),
    ...awardPatterns,
  ]);
  const links = selected.flatMap((s) => (s.source === 'GAZETTEER' && s.resolution.outcome === 'LINK' ? [s.resolution] : []));
  const ambiguous = selected.flatMap((s) =>
    s.source === 'GAZETTEER' && s.resolution.outcome === 'AMBIGUOUS' ? [s.resolution] : [],
  );
  const patterns = selected.flatMap((s) => (s.source === 'PATTERN' && s.pattern.kind !== 'Award' ? [s.pattern] : []));

  const linked = linkProposals(text, links);
  const created = newEntityProposals(text, patterns, (sentence) => referenceDate(context, sentence));
  const events = (await matchEvents(gazetteer, context)).filter((e) => !linked.proposals.some((p) => p.entity.id === e.entry.id));
  const readings = readAwards(awardPatterns, linked.items, findDecisionNumbers(prepared, dates), dates, (sentence) =>
    referenceDate(context, sentence),
  );
  const matches = await matchAwards(gazetteer, readings, context, events);
  const awards = readings.map((reading) => {
    const issuerItem = [...linked.items, ...created.items].find(
      (i) =>
        reading.pattern.issuerPhrase &&
        i.start >= reading.pattern.issuerPhrase.start &&
        i.end <= reading.pattern.issuerPhrase.end &&
        i.label === 'Agency',
    );
    const issuer =
      reading.pattern.issuer?.issuerKind ??
      (issuerItem ? issuerOfAgency({ name: issuerItem.name, ...agencyProperties(issuerItem, patterns) }) : undefined);
    const date = reading.decision?.date ?? reading.dates.find((d) => d.length === 10) ?? reading.dates[0];
    return { reading, ...awardProposal(text, reading, matches.get(reading), issuer, date) };
  });

  const eventLinks = eventProposals(prepared, events);
  const items: Item[] = [...linked.items, ...created.items];
  const relationships = relationshipProposals({
    text,
    items,
    awards: awards.map((a) => ({ item: a.item, reading: a.reading })),
    events,
    links: [...linked.proposals, ...eventLinks, ...awards.flatMap((a) => (a.proposal.kind === 'LINK' ? [a.proposal] : []))],
    news: patterns.flatMap((pattern) => {
      const item = created.items.find((i) => i.start === pattern.start && i.end === pattern.end);
      return item ? [{ pattern, item }] : [];
    }),
    innerLinks: innerLinkItems(resolutions),
    sentenceRange: (sentence) => prepared.sentences[sentence] ?? { start: 0, end: 0 },
  });

  const proposals = dedupe([
    ...linked.proposals,
    ...eventLinks,
    ...awards.map((a) => a.proposal),
    ...ambiguousProposals(text, ambiguous),
    ...created.proposals,
    ...dateProposals(text, dates, events),
    ...relationships,
  ]);
  return {
    text,
    referenceDate: publishedAt,
    proposals,
    stats: { lookupKeys: keys.length, entries: entries.length, millis: Math.round(performance.now() - started) },
  };
}

function agencyProperties(item: Item, patterns: readonly PatternMention[]): { kind?: string; level?: string } {
  if (item.entry) {
    return { ...(item.entry.kind ? { kind: item.entry.kind } : {}), ...(item.entry.level ? { level: item.entry.level } : {}) };
  }
  const pattern = patterns.find((p) => p.start === item.start && p.end === item.end);
  return { kind: String(pattern?.properties.kind ?? ''), level: String(pattern?.properties.level ?? '') };
}

/** Links of mentions inside other mentions ("xã Đồng Văn" in "Công an xã Đồng Văn"): not proposed, but a new unit is located in them. */
function innerLinkItems(resolutions: readonly Resolution[]): Item[] {
  return resolutions.flatMap((r): Item[] => {
    if (r.outcome !== 'LINK') return [];
    const entry = r.best.candidate.entry;
    const m = r.mention;
    return [
      {
        ref: { kind: 'ENTITY', id: entry.id, label: entry.label },
        label: entry.label,
        name: entry.name,
        sentence: m.sentence,
        first: m.first,
        last: m.last,
        start: m.start,
        end: m.end,
        confidence: r.confidence,
        entry,
      },
    ];
  });
}

function dedupe(proposals: readonly Proposal[]): Proposal[] {
  const seen = new Set<string>();
  return proposals.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

import { NotFoundError } from '../../errors/domainErrors';
import { DOMAIN_LABELS, type Label } from '../../domain/labels';
import type { Graph } from '../../neo4j/createGraph';
import { array, boolean, decodeRows, nullable, number, object, oneOf, skipMalformed, string } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import { partialInterval } from '../shared/period';
import { compareIds, DEFAULT_BOUNDS, OVERFETCH, rarity, roundScore, type ExpansionBounds } from './relatedScore';
import { graphVersionOf, readRevisionClock } from '../shared/revisionClock';
import type { RelatedAnswerCache } from './relatedAnswerCache';
import { readerContextCacheOf, type GraphVersion } from './readerContextCache';
import type { ReaderContext } from './relatedStoryContext';
import { hubLevelFactor, pathContribution, readerPaths } from './relatedStoryPaths';
import { explainStoryReason, type StoryEvidence, type StoryLink } from './relatedStoryReasons';

export type { StoryEvidence, StoryLink } from './relatedStoryReasons';

/** The links through a node the story features (the others are reader paths, relatedStoryPaths.ts). */
export type FeatureLink = Exclude<StoryLink, StoryPathLinkName>;
type StoryPathLinkName = Exclude<StoryLink, 'FEATURES_IT' | 'FEATURES_NEIGHBOUR' | 'FEATURES_SAME'>;

/** What a featured node is worth before rarity: the entity itself or a node both stories feature
 * counts in full, a neighbour of the entity (an event's participant, place or award) half. */
export const LINK_WEIGHTS: Readonly<Record<FeatureLink, number>> = {
  FEATURES_IT: 1,
  FEATURES_SAME: 1,
  FEATURES_NEIGHBOUR: 0.5,
};

/**
 * Candidates read per source before the reader paths are scored: the paths can lift a story the
 * shared nodes rank low, so the query keeps more than the limit (at least this many).
 */
export const READER_PATH_POOL = 60;

/** Recency halves its distance to the floor (0.5) every this many years. */
export const RECENCY_HALF_LIFE_YEARS = 5;
/** An undated story counts as if it were one half-life old: neither favoured nor buried. */
export const NEUTRAL_RECENCY = 0.5 + 0.5 * 2 ** -1;

export interface StoryReason extends StoryEvidence {
  readonly contribution: number;
  readonly why: string;
}

/** A candidate story and every node it was found through, before scoring. */
export interface StoryCandidate {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly publisher: string | null;
  readonly publishedAt: string | null;
  readonly publishedPeriod: string | null;
  readonly channel: string;
  readonly evidence: readonly StoryEvidence[];
  /** Its reader context, compared with the source's for the reader paths; null when not read. */
  readonly context?: ReaderContext | null;
}

export interface RelatedStory extends Omit<StoryCandidate, 'evidence' | 'context'> {
  readonly recency: number;
  readonly score: number;
  readonly reasons: StoryReason[];
}

/**
 * Given a story's publishedAt and publishedPeriod, returns the day it counts as published: the day
 * when known, else the first day of the period ("2020-10" → 2020-10-01, "2023" → 2023-01-01), else null.
 */
export function publishedOn(publishedAt: string | null, publishedPeriod: string | null): string | null {
  // A malformed stored period ("2023-13") is undated (shared/period.ts), never an invalid day.
  return partialInterval(publishedAt)?.start ?? partialInterval(publishedPeriod)?.start ?? null;
}

/**
 * Given the day a story counts as published (or null) and today's date, returns its recency:
 * 0.5 + 0.5 × 2^(−age in years / 5), so 1 today, 0.75 at five years, towards 0.5 for old stories;
 * NEUTRAL_RECENCY (0.75) when undated; future dates count as today.
 */
export function recencyFactor(published: string | null, today: string): number {
  if (published === null) return NEUTRAL_RECENCY;
  const ageDays = Math.max(0, (Date.parse(today) - Date.parse(published)) / 86_400_000);
  return 0.5 + 0.5 * 2 ** (-(ageDays / 365.25) / RECENCY_HALF_LIFE_YEARS);
}

/** Given how a node links a story and the node's degree, returns weight(link) / ln(2 + degree). */
export function storyReasonContribution(link: FeatureLink, degree: number): number {
  return LINK_WEIGHTS[link] * rarity(degree);
}

/**
 * Given one piece of evidence, returns what it adds before recency: for a feature link,
 * storyReasonContribution, times the level factor when the shared node is an agency or a place other
 * than the entity itself (a provincial police or a province is a hub to a reader, however few
 * relationships it has); for a reader path, pathContribution.
 */
export function evidenceContribution(e: StoryEvidence): number {
  if (e.link === 'FEATURES_IT') return storyReasonContribution(e.link, e.degree);
  if (e.link === 'FEATURES_SAME' || e.link === 'FEATURES_NEIGHBOUR') {
    return storyReasonContribution(e.link, e.degree) * hubLevelFactor(e.node.kind, e.level ?? null);
  }
  return pathContribution(e);
}

/**
 * Given candidate stories, a limit and today's date, returns the top stories: score = recency ×
 * the sum of the reasons' contributions, ordered by score (desc), then the day it counts as
 * published (newest first, undated last), then id; reasons strongest first.
 */
export function rankRelatedStories(
  candidates: readonly StoryCandidate[],
  limit: number,
  today: string,
  source: ReaderContext | null = null,
): RelatedStory[] {
  return (
    candidates
      .map(({ evidence: found, context, ...story }) => {
        const evidence = source && context ? [...found, ...readerPaths(source, context)] : found;
        const reasons = evidence
          .map((e) => ({ ...e, contribution: evidenceContribution(e) }))
          .filter((r) => r.contribution > 0)
          .sort((a, b) => b.contribution - a.contribution || compareIds(a.node.id, b.node.id));
        const published = publishedOn(story.publishedAt, story.publishedPeriod);
        const recency = recencyFactor(published, today);
        const score = roundScore(recency * reasons.reduce((sum, r) => sum + r.contribution, 0));
        return { story, recency, score, reasons, published };
      })
      .sort((a, b) => compareRanked(a.score, b.score, a, b))
      .slice(0, limit)
      // The reasons are put in words for the stories kept only (a request scores some 60).
      .map(({ story, recency, score, reasons }) => ({
        ...story,
        recency: roundScore(recency),
        score,
        reasons: reasons.map((r) => ({ ...r, contribution: roundScore(r.contribution), why: explainStoryReason(r) })),
      }))
  );
}

/** Score (desc), then the day it counts as published (newest first, undated last), then id. */
function compareRanked(
  scoreA: number,
  scoreB: number,
  a: { published: string | null; story: { id: string } },
  b: { published: string | null; story: { id: string } },
): number {
  return (
    scoreB - scoreA ||
    (a.published === b.published
      ? 0
      : a.published === null
        ? 1
        : b.published === null
          ? -1
          : compareIds(b.published, a.published)) ||
    compareIds(a.story.id, b.story.id)
  );
}

/**
 * Per source, one correlated subquery:
 * 1. anchors: for a Story, what it FEATURES; for anything else, the node itself and its direct
 *    neighbours over every non-story relationship (at most $scanCap read), each anchor's degree read
 *    from the degree store; the node itself and then the rarest, $maxAnchors in all, are kept.
 * 2. stories featuring each anchor at or below the hub degree (the source itself is expanded even
 *    when it is a hub, but only $hubDegree stories deep); never the source.
 * 2b. the reader-path candidates: stories inside the units up to two PART_OF levels around the
 *    source's places, and stories of exemplars who share a unit, field or movement with the source's
 *    people; every node above the hub degree skipped, each expansion stopped at $scanCap rows.
 * 3. candidates ranked by the shared-node part of rankRelatedStories's formula (a path-only
 *    candidate starts at 0.05 × recency), cut to $fetch.
 * 4. hub anchors those candidates also feature are added as reasons (Expand(Into) from the story).
 * The reader context (readerContext.cypher) of the source and of each kept candidate is read after, from
 * the process's cache of contexts for this version of the graph or in a second statement
 * (readerContextCache.ts).
 */
export const RELATED_STORIES_CYPHER = loadCypher(__dirname, 'relatedStories.cypher');

interface EvidenceRow {
  link: StoryLink;
  rel: string | null;
  outward: boolean | null;
  degree: number;
  id: string;
  name: string;
  label: Label;
  level: string | null;
}

type CandidateRow = Omit<StoryCandidate, 'evidence' | 'context'> & { evidence: EvidenceRow[] };

/** One row per source id: its label (null when no node has the id), its candidate stories, the graph's version. */
interface SourceRow {
  id: string;
  label: string | null;
  candidates: CandidateRow[] | null;
  version: GraphVersion;
}

const decodeSource = object<SourceRow>({
  id: string,
  label: nullable(string),
  version: nullable(string),
  // A malformed stored candidate is skipped and logged, never the whole answer (neo4j/decode.ts).
  candidates: nullable(
    skipMalformed(
      object<CandidateRow>({
        id: string,
        title: string,
        url: nullable(string),
        publisher: nullable(string),
        publishedAt: nullable(string),
        publishedPeriod: nullable(string),
        channel: string,
        evidence: array(
          object<EvidenceRow>({
            link: oneOf(['FEATURES_IT', 'FEATURES_NEIGHBOUR', 'FEATURES_SAME']),
            rel: nullable(string),
            outward: nullable(boolean),
            degree: number,
            id: string,
            name: string,
            label: oneOf(DOMAIN_LABELS),
            level: nullable(string),
          }),
        ),
      }),
      'related story',
    ),
  ),
});

function toCandidate(row: CandidateRow, context: ReaderContext | null): StoryCandidate {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    publisher: row.publisher,
    publishedAt: row.publishedAt,
    publishedPeriod: row.publishedPeriod,
    channel: row.channel,
    context,
    evidence: row.evidence.map((e) => ({
      link: e.link,
      node: { id: e.id, kind: e.label, name: e.name },
      relationship: e.rel,
      outward: e.outward,
      degree: e.degree,
      level: e.level,
    })),
  };
}

export interface RelatedStoriesOptions {
  /** The day recency is measured from (YYYY-MM-DD); today (UTC) when omitted. */
  readonly today?: string;
  readonly bounds?: ExpansionBounds;
  /**
   * The process's kept answers (relatedAnswerCache.ts): when given, the revision clock is read first
   * (one small round trip) and an id answered at this version of the graph is not computed again.
   */
  readonly answers?: RelatedAnswerCache<RelatedStory[]>;
}

/**
 * Given ids of stories or any other entities and one limit, returns for each id (same order, same
 * length) its related stories, or a NOT_FOUND error in the slot of an unknown id. One statement for
 * the whole batch, and one more for the reader contexts the process has not kept; with
 * options.answers, a small read of the revision clock first, and none more when every id was
 * answered at this version of the graph.
 *
 * Scoring rule: a story is found through the nodes it features. For a story, those are the nodes
 * the story also features (FEATURES_SAME, weight 1); for any other entity, the entity itself
 * (FEATURES_IT, weight 1) and its direct neighbours: an event's participants, places and awards, a
 * person's agencies, events and fields (FEATURES_NEIGHBOUR, weight ½). Each such node adds
 * weight / ln(2 + d), d its relationship count, so a node featured with few others counts more than
 * a province; a shared agency or place other than the entity also counts by its level (a
 * provincial police is a hub to a reader). Then the reader paths (relatedStoryPaths.ts: place
 * hierarchy then and today, finer event kind, agency, field, similar exemplar, time) add their own
 * reasons. The sum is multiplied by recency, 0.5 + 0.5 × 2^(−age in years / 5) from publishedAt
 * (else the first day of publishedPeriod), 0.75 when undated. The source story is never returned.
 * Ties go to the newer story, then the smaller id.
 *
 * Hubs: an anchor with more than bounds.hubDegree relationships is not expanded (the entity itself
 * is, but only bounds.hubDegree stories deep, in no particular order), and only the rarest
 * bounds.maxAnchors anchors are. Recall cost: a story linked only through hubs is not found; one found
 * through a rarer node still gets the hubs it features as reasons.
 */
export async function relatedStoriesBatch(
  graph: Graph,
  ids: readonly string[],
  limit: number,
  options: RelatedStoriesOptions = {},
): Promise<(RelatedStory[] | Error)[]> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  const { answers } = options;
  const keyOf = (id: string) => [id, limit, today, bounds.hubDegree, bounds.maxAnchors, bounds.scanCap].join('\u0000');
  const kept = new Map<string, RelatedStory[]>();
  let version: GraphVersion = null;
  if (answers) {
    version = graphVersionOf(await readRevisionClock(graph));
    answers.observe(version);
    for (const id of new Set(ids)) {
      const answer = answers.get(keyOf(id));
      if (answer !== undefined) kept.set(id, answer);
    }
  }
  const missing = [...new Set(ids)].filter((id) => !kept.has(id));
  if (missing.length > 0) {
    const computed = await computeRelatedStories(graph, missing, limit, today, bounds);
    for (const [id, answer] of computed.answers) {
      kept.set(id, answer);
      answers?.set(keyOf(id), computed.version, answer);
    }
  }
  return ids.map((id) => kept.get(id) ?? new NotFoundError('entity', id));
}

/**
 * Given distinct ids, a limit, today and the bounds, returns the answer of each id that names a node,
 * computed now (two round trips at most), and the version of the graph its candidates were read at.
 */
async function computeRelatedStories(
  graph: Graph,
  ids: readonly string[],
  limit: number,
  today: string,
  bounds: ExpansionBounds,
): Promise<{ answers: Map<string, RelatedStory[]>; version: GraphVersion }> {
  const rows = await graph.read(RELATED_STORIES_CYPHER, {
    ids,
    weights: LINK_WEIGHTS,
    today,
    neutralRecency: NEUTRAL_RECENCY,
    halfLifeYears: RECENCY_HALF_LIFE_YEARS,
    fetch: Math.max(limit * OVERFETCH, READER_PATH_POOL),
    ...bounds,
  });
  const sources = decodeRows('relatedStories', rows, decodeSource);
  const found = sources.filter((row) => row.label !== null && (row.candidates ?? []).length > 0);
  const { contexts } = await readerContextCacheOf(graph).lookup(
    graph,
    sources[0]?.version ?? null,
    found.flatMap((row) => [row.id, ...(row.candidates ?? []).map((c) => c.id)]),
    bounds,
  );
  const answers = new Map<string, RelatedStory[]>();
  for (const row of sources) {
    if (row.label === null) continue;
    const candidates = (row.candidates ?? []).map((c) => toCandidate(c, contexts.get(c.id) ?? null));
    answers.set(row.id, rankRelatedStories(candidates, limit, today, contexts.get(row.id) ?? null));
  }
  return { answers, version: sources[0]?.version ?? null };
}

/**
 * Given one id of a story or any entity and a limit, returns its related stories (what the
 * related-stories widget shows); throws the NOT_FOUND GraphQLError for an unknown id.
 */
export async function relatedStoriesFor(
  graph: Graph,
  id: string,
  limit: number,
  options: RelatedStoriesOptions = {},
): Promise<RelatedStory[]> {
  const [result] = await relatedStoriesBatch(graph, [id], limit, options);
  if (result === undefined || result instanceof Error) throw result ?? new NotFoundError('entity', id);
  return result;
}

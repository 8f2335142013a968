import type { SystemLabel } from '../domain/labels';
import { BadInputError } from '../errors/domainErrors';
import type { Graph, WriteMetadata } from '../neo4j/createGraph';
import { array, boolean, decode, decodeRows, nullable, number, object, string } from '../neo4j/decode';
import type { WidgetEventBatch } from './widgetEvents';

/**
 * The widget's anonymous counts: one `WidgetCount` node (a system label, never an Entity: never
 * searched, walked, validated as a fact or recorded as a revision) per source entity, related
 * story, position, UTC day and kind, holding how many times it happened. No reader is identified:
 * the counts are the only thing stored.
 */
export const WIDGET_COUNT_LABEL = 'WidgetCount' satisfies SystemLabel;

/** Most rows widgetStats answers (stories × positions of one source over the period). */
export const WIDGET_STATS_LIMIT = 500;

/** The write touches WidgetCount nodes only: the write triggers skip it (see WriteMetadata.systemWrite). */
const COUNT_WRITE: WriteMetadata = { actor: 'widget', operation: 'widget:events', systemWrite: true };

const CHECK_CYPHER = `
OPTIONAL MATCH (source:Entity {id: $source})
WITH source
UNWIND $storyIds AS storyId
OPTIONAL MATCH (story:Story {id: storyId})
RETURN source IS NOT NULL AS sourceKnown, [s IN collect(CASE WHEN story IS NULL THEN storyId END) WHERE s IS NOT NULL] AS unknown`;

// The key is unique (a constraint, src/migrations/migrate.ts), so two requests counting the same
// cell at once MERGE one node; the increment reads and writes under the node's write lock.
const COUNT_CYPHER = `
UNWIND $events AS e
MERGE (c:${WIDGET_COUNT_LABEL} {key: e.key})
ON CREATE SET c.source = $source, c.story = e.storyId, c.position = e.position, c.kind = e.kind, c.day = date($day), c.count = e.count
ON MATCH SET c.count = c.count + e.count`;

const STATS_CYPHER = `
MATCH (c:${WIDGET_COUNT_LABEL})
WHERE c.source = $source AND c.day >= date($from) AND c.day <= date($to)
WITH c.story AS storyId, c.position AS position,
     sum(CASE c.kind WHEN 'IMPRESSION' THEN c.count ELSE 0 END) AS impressions,
     sum(CASE c.kind WHEN 'CLICK' THEN c.count ELSE 0 END) AS clicks
OPTIONAL MATCH (s:Story {id: storyId})
RETURN storyId, s.title AS title, position, impressions, clicks
ORDER BY position, impressions DESC, storyId
LIMIT $limit`;

const decodeCheck = object<{ sourceKnown: boolean; unknown: string[] }>({
  sourceKnown: boolean,
  unknown: array(string),
});

/** One related story at one position of the widget, over a period. */
export interface WidgetStoryStats {
  readonly storyId: string;
  /** The story's title, null when it no longer exists. */
  readonly title: string | null;
  readonly position: number;
  readonly impressions: number;
  readonly clicks: number;
  /** clicks / impressions; null without impressions. */
  readonly ctr: number | null;
}

/** The widget's counts for one source entity over a period, per story and position, and in total. */
export interface WidgetStats {
  readonly entity: string;
  readonly from: string;
  readonly to: string;
  readonly impressions: number;
  readonly clicks: number;
  readonly ctr: number | null;
  readonly rows: readonly WidgetStoryStats[];
}

const decodeRow = object<Omit<WidgetStoryStats, 'ctr'>>({
  storyId: string,
  title: nullable(string),
  position: number,
  impressions: number,
  clicks: number,
});

/** Given clicks and impressions, returns the click-through rate (4 decimals), or null without impressions. */
export function clickThroughRate(clicks: number, impressions: number): number | null {
  return impressions === 0 ? null : Math.round((clicks / impressions) * 10_000) / 10_000;
}

/**
 * Given a checked batch of events and the moment they arrived, adds them to that UTC day's counts;
 * throws BadInputError naming `source` or `storyId` when it is no node of the graph, writing
 * nothing. One read and one write transaction, whatever the number of events.
 */
export async function recordWidgetEvents(graph: Graph, batch: WidgetEventBatch, now: Date = new Date()): Promise<void> {
  const storyIds = [...new Set(batch.events.map((e) => e.storyId))];
  const check = decode(
    'widget events check',
    (await graph.read(CHECK_CYPHER, { source: batch.source, storyIds }))[0],
    decodeCheck,
  );
  if (!check.sourceKnown) throw new BadInputError('source', batch.source, 'is no node of the graph');
  const unknown = check.unknown[0];
  if (unknown !== undefined) throw new BadInputError('storyId', unknown, 'is no story of the graph');
  const day = now.toISOString().slice(0, 10);
  const events = batch.events.map((e) => ({ ...e, key: [day, batch.source, e.storyId, e.position, e.kind].join('|') }));
  await graph.write(COUNT_CYPHER, { source: batch.source, day, events }, COUNT_WRITE);
}

/** Given a source entity and a period (ISO days, inclusive, checked by the caller), returns its widget counts. */
export async function widgetStats(graph: Graph, entity: string, from: string, to: string): Promise<WidgetStats> {
  const rows = decodeRows(
    'widgetStats',
    await graph.read(STATS_CYPHER, { source: entity, from, to, limit: WIDGET_STATS_LIMIT }),
    decodeRow,
  ).map((row) => ({ ...row, ctr: clickThroughRate(row.clicks, row.impressions) }));
  const impressions = rows.reduce((sum, row) => sum + row.impressions, 0);
  const clicks = rows.reduce((sum, row) => sum + row.clicks, 0);
  return { entity, from, to, impressions, clicks, ctr: clickThroughRate(clicks, impressions), rows };
}

import type { Graph } from '../neo4j/createGraph';
import { bucketBy, idSet, sortedIds, type AnalysisNode, type Bucket, type IdSet, type PlaceReach } from './figures';
import { AWARD_ON, EVENT_ON, STORY_ON, cypherOverlapsPeriod, overlapsPeriod, partialInterval, yearOf } from './period';
import { ROLLUP_SUBQUERY, hydrateRollups, rollUpPlaces, unitsThen, type CompactRollupRow, type PlaceAnchor, type PlaceRollupRow, type RollupPlace } from './placeRollup';
import { findReplications, type Replication } from './replication';

/**
 * The impact rule. A movement's exemplars are the people and collectives held up as its exemplars
 * (EXEMPLAR_OF) and the named recipients of awards given under it (UNDER_MOVEMENT); an award whose
 * recipients are unresolved is counted as an award and adds no exemplar. Its events are those under
 * it, those its awards were for and those its exemplars took part in; its stories are those that
 * FEATURE the movement, an exemplar, an award or an event. Each fact is kept when its own date
 * overlaps the period (an exemplar by the day of a recognition); with a period, undated facts are
 * listed apart instead. Places reached are the places of those events and where the exemplars are
 * from, rolled up then and now (placeRollup.ts); fields reached are the exemplars' fields with the
 * broader fields they belong to. One database round trip.
 */
export const MOVEMENT_IMPACT_CYPHER = `
MATCH (m:Movement {id: $id})
CALL (m) {
  MATCH (a:Award)-[:UNDER_MOVEMENT]->(m)
  RETURN collect(a {
    .id, .name, .form, .level, .kind, .recipientsResolved, on: ${AWARD_ON('a')},
    recipients: [(x)-[:RECEIVED]->(a) WHERE x:Person OR x:Collective | x.id],
    events: [(a)-[:FOR_EVENT]->(e:Event) | e.id]
  }) AS awards
}
CALL (m) {
  MATCH (x)-[r:EXEMPLAR_OF]->(m) WHERE x:Person OR x:Collective
  RETURN collect({id: x.id, since: toString(r.since)}) AS heldUp
}
CALL (awards) {
  UNWIND awards AS a UNWIND a.recipients AS xid
  RETURN collect(DISTINCT xid) AS awarded
}
CALL (m, heldUp, awarded) {
  UNWIND [h IN heldUp | h.id] + awarded AS xid
  WITH DISTINCT m, xid
  MATCH (x:Entity {id: xid})
  WITH x, [(x)-[r:EXEMPLAR_OF]->(m) WHERE r.since IS NOT NULL | toString(r.since)]
        + [(x)-[:RECEIVED]->(a:Award)-[:UNDER_MOVEMENT]->(m) WHERE ${AWARD_ON('a')} IS NOT NULL | ${AWARD_ON('a')}] AS dates
  RETURN collect(x {
    .id, .name, kind: toUpper([l IN labels(x) WHERE l <> 'Entity'][0]),
    firstRecognised: reduce(first = null, d IN dates | CASE WHEN first IS NULL OR date(d) < date(first) THEN d ELSE first END),
    fields: [(x)-[:ACTIVE_IN]->(f:Field) | f.id],
    homes: [(x)-[:LOCATED_IN]->(p:Place) | p.id],
    events: [(x)-[:TOOK_PART_IN]->(e:Event) | e.id]
  }) AS exemplars
}
CALL (awards) {
  UNWIND awards AS a UNWIND a.events AS eid
  RETURN collect(DISTINCT eid) AS awardEvents
}
CALL (exemplars) {
  UNWIND exemplars AS x UNWIND x.events AS eid
  RETURN collect(DISTINCT eid) AS exemplarEvents
}
CALL (m, awardEvents, exemplarEvents) {
  UNWIND [(e:Event)-[:UNDER_MOVEMENT]->(m) | e.id] + awardEvents + exemplarEvents AS eid
  WITH DISTINCT eid
  MATCH (e:Event {id: eid})
  RETURN collect(e {.id, .name, on: ${EVENT_ON('e')}, places: [(e)-[:OCCURRED_IN]->(p:Place) | p.id]}) AS events
}
CALL (exemplars) {
  UNWIND exemplars AS x
  UNWIND x.fields AS fid
  WITH DISTINCT fid
  MATCH (f:Field {id: fid})
  RETURN collect({id: fid, name: f.name, broader: [(f)-[:PART_OF*1..4]->(b:Field) | b {.id, .name}]}) AS fields
}
CALL (m, awards, exemplars, events) {
  UNWIND [m.id] + [a IN awards | a.id] + [x IN exemplars | x.id] + [e IN events | e.id] AS tid
  MATCH (:Entity {id: tid})<-[:FEATURES]-(s:Story)
  WITH s, collect(tid) AS featured, ${STORY_ON('s')} AS on
  WITH s, featured, on, ${cypherOverlapsPeriod('on')} AS inPeriod
  WHERE inPeriod OR on IS NULL
  RETURN collect(CASE WHEN inPeriod THEN s {
    .id, .name, .channel, .publisher, on: on, featured: featured,
    publishedBy: [(s)-[:PUBLISHED_BY]->(g:Agency) | g {.id, .name}]
  } END) AS stories,
  collect(CASE WHEN NOT inPeriod THEN s.id END) AS undatedStories
}
CALL (events) {
  UNWIND events AS e UNWIND e.places AS p
  RETURN collect({fact: e.id, place: p, day: e.on}) AS eventAnchors
}
CALL (exemplars) {
  UNWIND exemplars AS x UNWIND x.homes AS p
  RETURN collect({fact: x.id, place: p, day: x.firstRecognised}) AS homeAnchors
}
WITH m, awards, heldUp, exemplars, events, fields, stories, undatedStories, eventAnchors + homeAnchors AS anchors
${ROLLUP_SUBQUERY}
RETURN m {.id, .name, kind: 'MOVEMENT'} AS movement, awards, heldUp, exemplars, events, fields, stories, undatedStories, anchors, rollups, rollupPlaces`;

interface AwardRow {
  id: string;
  name: string;
  form: string;
  level: string | null;
  kind: string | null;
  recipientsResolved: boolean | null;
  on: string | null;
  recipients: string[];
  events: string[];
}
interface ExemplarRow extends AnalysisNode {
  firstRecognised: string | null;
  fields: string[];
  homes: string[];
  events: string[];
}
interface EventRow {
  id: string;
  name: string;
  on: string | null;
  places: string[];
}
interface StoryRow {
  id: string;
  name: string;
  channel: string;
  publisher: string | null;
  on: string | null;
  featured: string[];
  publishedBy: { id: string; name: string }[];
}
interface FieldRow {
  id: string;
  name: string;
  broader: { id: string; name: string }[];
}

/** The row MOVEMENT_IMPACT_CYPHER returns, as plain values. */
export interface MovementImpactRow {
  movement: AnalysisNode;
  awards: AwardRow[];
  heldUp: { id: string; since: string | null }[];
  exemplars: ExemplarRow[];
  events: EventRow[];
  fields: FieldRow[];
  stories: StoryRow[];
  undatedStories: string[];
  anchors: PlaceAnchor[];
  rollups: PlaceRollupRow[];
}

export interface MovementImpactPeriod {
  readonly from: string | null;
  readonly to: string | null;
  readonly replicationWindowDays: number;
}

export interface MovementImpact extends MovementImpactPeriod {
  readonly movement: AnalysisNode;
  readonly exemplars: { all: IdSet; people: IdSet; collectives: IdSet; heldUp: IdSet; awarded: IdSet };
  readonly awards: { all: IdSet; unresolvedRecipients: IdSet; byForm: Bucket[]; byLevel: Bucket[]; byKind: Bucket[] };
  readonly stories: { all: IdSet; byChannel: Bucket[]; byPublisher: Bucket[] };
  readonly events: IdSet;
  readonly places: PlaceReach;
  readonly fields: Bucket[];
  readonly timeline: { year: number; exemplars: IdSet; awards: IdSet; events: IdSet; stories: IdSet }[];
  readonly replication: Replication[];
  readonly undated: IdSet;
}

/** Communes and districts: the levels at which two exemplars count as "in the same place". */
const LOCAL_LEVELS = new Set(['COMMUNE', 'DISTRICT']);

/** Given the query's row and the period, returns the impact figures; pure. */
export function summariseImpact(row: MovementImpactRow, period: MovementImpactPeriod): MovementImpact {
  const { from, to } = period;
  const bounded = from !== null || to !== null;
  const inPeriod = (on: string | null) => overlapsPeriod(on, from, to);

  const heldUpSince = new Map(row.heldUp.map((h) => [h.id, h.since]));
  const recognitions = new Map<string, string[]>();
  const recognise = (id: string, on: string | null) => {
    if (on === null) return;
    const list = recognitions.get(id);
    if (list) list.push(on);
    else recognitions.set(id, [on]);
  };
  for (const [id, since] of heldUpSince) recognise(id, since);
  for (const award of row.awards) for (const id of award.recipients) recognise(id, award.on);

  const awards = row.awards.filter((a) => inPeriod(a.on));
  const heldUp = [...heldUpSince].filter(([, since]) => inPeriod(since)).map(([id]) => id);
  const awarded = awards.flatMap((a) => a.recipients);
  const exemplarIds = new Set([...heldUp, ...awarded]);
  const exemplars = row.exemplars.filter((x) => exemplarIds.has(x.id));
  const events = row.events.filter((e) => inPeriod(e.on));
  const counted = new Set([...events.map((e) => e.id), ...exemplars.map((x) => x.id)]);

  const fieldNames = new Map(row.fields.flatMap((f) => [[f.id, f.name] as const, ...f.broader.map((b) => [b.id, b.name] as const)]));
  const broader = new Map(row.fields.map((f) => [f.id, f.broader.map((b) => b.id)]));

  const rollups = new Map(row.rollups.map((r) => [r.place, r]));
  const rolled = new Map<string, string[]>();
  for (const anchor of row.anchors) {
    const roll = rollups.get(anchor.place);
    const local = roll ? unitsThen(roll, anchor.day).filter((p) => LOCAL_LEVELS.has(p.level)).map((p) => p.id) : [];
    const list = rolled.get(anchor.fact);
    if (list) list.push(...local);
    else rolled.set(anchor.fact, local);
  }

  const years = new Map<number, { exemplars: string[]; awards: string[]; events: string[]; stories: string[] }>();
  const addYear = (on: string | null, kind: 'exemplars' | 'awards' | 'events' | 'stories', id: string) => {
    const year = yearOf(on);
    if (year === null || !inPeriod(on)) return;
    const entry = years.get(year) ?? { exemplars: [], awards: [], events: [], stories: [] };
    entry[kind].push(id);
    years.set(year, entry);
  };
  for (const [id, ons] of recognitions) for (const on of ons) addYear(on, 'exemplars', id);
  for (const a of awards) addYear(a.on, 'awards', a.id);
  for (const e of events) addYear(e.on, 'events', e.id);
  for (const s of row.stories) addYear(s.on, 'stories', s.id);

  const undated = bounded
    ? [
        ...row.awards.filter((a) => partialInterval(a.on) === null).map((a) => a.id),
        ...row.exemplars.filter((x) => (recognitions.get(x.id) ?? []).length === 0).map((x) => x.id),
        ...row.events.filter((e) => partialInterval(e.on) === null).map((e) => e.id),
        ...row.undatedStories,
      ]
    : [];

  return {
    ...period,
    movement: row.movement,
    exemplars: {
      all: idSet(exemplarIds),
      people: idSet(exemplars.filter((x) => x.kind === 'PERSON').map((x) => x.id)),
      collectives: idSet(exemplars.filter((x) => x.kind === 'COLLECTIVE').map((x) => x.id)),
      heldUp: idSet(heldUp),
      awarded: idSet(awarded),
    },
    awards: {
      all: idSet(awards.map((a) => a.id)),
      unresolvedRecipients: idSet(awards.filter((a) => a.recipientsResolved === false || a.recipients.length === 0).map((a) => a.id)),
      byForm: bucketBy(awards, (a) => a.id, (a) => a.form),
      byLevel: bucketBy(awards, (a) => a.id, (a) => a.level),
      byKind: bucketBy(awards, (a) => a.id, (a) => a.kind),
    },
    stories: {
      all: idSet(row.stories.map((s) => s.id)),
      byChannel: bucketBy(row.stories, (s) => s.id, (s) => s.channel),
      byPublisher: bucketBy(
        row.stories,
        (s) => s.id,
        (s) => (s.publishedBy.length > 0 ? s.publishedBy.map((g) => g.id) : s.publisher),
        (key, s) => s.publishedBy.find((g) => g.id === key)?.name ?? key,
      ),
    },
    events: idSet(events.map((e) => e.id)),
    places: rollUpPlaces(row.anchors.filter((a) => counted.has(a.fact)), row.rollups),
    fields: bucketBy(
      exemplars,
      (x) => x.id,
      (x) => sortedIds(x.fields.flatMap((f) => [f, ...(broader.get(f) ?? [])])),
      (key) => fieldNames.get(key) ?? key,
    ),
    timeline: [...years.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, ids]) => ({ year, exemplars: idSet(ids.exemplars), awards: idSet(ids.awards), events: idSet(ids.events), stories: idSet(ids.stories) })),
    replication: findReplications(
      row.exemplars.map((x) => ({ ...x, recognitions: recognitions.get(x.id) ?? [], places: sortedIds([x.id, ...x.events].flatMap((f) => rolled.get(f) ?? [])) })),
      row.stories.filter((s): s is StoryRow & { on: string } => s.on !== null).map((s) => ({ id: s.id, kind: 'STORY', name: s.name, on: s.on, featured: s.featured })),
      period.replicationWindowDays,
    ),
    undated: idSet(undated),
  };
}

/**
 * Given a movement id and a period (bounds optional, inclusive ISO days) with a replication
 * window, returns its impact, or null when no movement has that id. One database round trip.
 */
export async function movementImpact(graph: Graph, id: string, period: MovementImpactPeriod): Promise<MovementImpact | null> {
  const rows = await graph.read(MOVEMENT_IMPACT_CYPHER, { id, from: period.from, to: period.to });
  const row = rows[0] as (Omit<MovementImpactRow, 'rollups'> & { rollups: CompactRollupRow[]; rollupPlaces: RollupPlace[] }) | undefined;
  if (!row) return null;
  const { rollupPlaces, ...rest } = row;
  return summariseImpact({ ...rest, rollups: hydrateRollups(row.rollups, rollupPlaces) }, period);
}

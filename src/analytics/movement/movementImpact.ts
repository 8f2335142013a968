import type { Graph } from '../../neo4j/createGraph';
import { bucketBy, idSet, sortedIds, type AnalysisNode, type Bucket, type IdSet, type PlaceReach } from '../shared/figures';
import { AWARD_ON, EVENT_ON, STORY_ON, cypherOverlapsPeriod, overlapsPeriod, partialInterval, yearOf } from '../shared/period';
import { ROLLUP_SUBQUERY, hydrateRollups, rollUpPlaces, unitsThen, type CompactRollupRow, type PlaceAnchor, type PlaceRollupRow, type RollupPlace } from '../shared/placeRollup';
import { findReplications, type Replication } from './replication';

/**
 * A partial date Cypher may compare as text, as overlapsPeriod compares its days: YYYY, YYYY-MM
 * (a real month) or YYYY-MM-DD, from the year 1000. Any other text is left to overlapsPeriod.
 */
const COMPARABLE = `'[1-9][0-9]{3}(-(0[1-9]|1[0-2]))?|[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}'`;

/**
 * Cypher, given a variable holding a fact's partial date or null: false only when overlapsPeriod
 * surely puts the fact outside [$from, $to] (its first day after $to, or its last before $from:
 * as text, YYYY or YYYY-MM before the same prefix of $from); undated and unreadable dates pass.
 */
function cypherMayOverlap(on: string): string {
  return `(CASE WHEN ${on} =~ ${COMPARABLE} THEN ($to IS NULL OR ${on} <= $to) AND ($from IS NULL OR ${on} >= left($from, size(${on}))) ELSE true END)`;
}

/**
 * Cypher, given a variable holding a recognition's partial date or null: false only when the
 * recognition can neither be counted in the period nor follow a story published in it (the
 * replication rule wants it after the story's last day, itself on or after $from). An undated
 * recognition counts only without a period.
 */
function cypherMayReach(on: string): string {
  return `(CASE WHEN ${on} IS NULL THEN $from IS NULL AND $to IS NULL WHEN ${on} =~ ${COMPARABLE} THEN $from IS NULL OR ${on} >= left($from, size(${on})) ELSE true END)`;
}

/**
 * Cypher, given a variable holding rows (lists of the given fields, in order): a map holding one
 * list per field, a column. A field whose name ends in [] holds a list per row; its column is the
 * rows' lists end to end, and the column named with # instead holds each row's count. Written by
 * apoc.convert.toJson, a few long lists of plain values cost far less than a list or map per row
 * (a national movement has hundreds of thousands), and far less again than the driver decoding
 * each value (readColumns turns the columns back into rows).
 */
function cypherColumns(rows: string, fields: readonly string[]): string {
  const columns = fields.map((field, i) =>
    field.endsWith('[]')
      ? `\`${field.slice(0, -2)}\`: apoc.coll.flatten([row IN ${rows} | row[${i}]]), \`${field.slice(0, -2)}#\`: [row IN ${rows} | size(row[${i}])]`
      : `\`${field}\`: [row IN ${rows} | row[${i}]]`,
  );
  return `{${columns.join(', ')}}`;
}

/** Given columns written by cypherColumns and the same fields, returns the rows as objects. */
function readColumns<T>(columns: Record<string, unknown[]>, fields: readonly string[]): T[] {
  const names = fields.map((field) => (field.endsWith('[]') ? field.slice(0, -2) : field));
  const lists = fields.map((field) => field.endsWith('[]'));
  const length = columns[`${names[0]}${lists[0] ? '#' : ''}`]!.length;
  const rows = Array.from({ length }, (): Record<string, unknown> => ({}));
  names.forEach((name, i) => {
    const values = columns[name]!;
    if (!lists[i]) {
      for (let r = 0; r < length; r++) rows[r]![name] = values[r];
      return;
    }
    const counts = columns[`${name}#`] as number[];
    let at = 0;
    for (let r = 0; r < length; r++) rows[r]![name] = values.slice(at, (at += counts[r]!));
  });
  return rows as T[];
}

/** The fields of the rows MOVEMENT_IMPACT_CYPHER sends as columns, in the order its lists hold them. */
const AWARD_FIELDS = ['id', 'on', 'recipients[]', 'form', 'level', 'kind', 'recipientsResolved'] as const;
const HELD_UP_FIELDS = ['id', 'since'] as const;
const EXEMPLAR_FIELDS = ['id', 'name', 'kind', 'fields[]', 'homes[]', 'events[]'] as const;
const EVENT_FIELDS = ['id', 'on', 'places[]'] as const;
const STORY_FIELDS = ['id', 'name', 'channel', 'publisher', 'on', 'featured[]', 'publishers[]', 'publisherNames[]'] as const;
const ROLLUP_FIELDS = ['place', 'lastDay', 'then[]', 'validFrom[]', 'validTo[]', 'now[]'] as const;
const ROLLUP_PLACE_FIELDS = ['id', 'name', 'level'] as const;

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
 *
 * How it reads (the answer does not depend on it). Every award, exemplar and event of the movement
 * is walked once, over all the relationship types wanted at once (a small node's relationships are
 * one chain, which every expansion reads whole), since any of them may bring in a story and any
 * exemplar an event. Details are read only for the facts a figure can use: an award's form, level
 * and kind and an event's places unless its date is surely outside the period (cypherMayOverlap);
 * an exemplar's name, kind, fields, homes and events only when one of its recognitions may reach
 * the period (cypherMayReach) or a dated story in the period features it, since no other exemplar
 * can be counted or take part in a replication (each is still known by its id, from the awards and
 * the held-up links); the places of the events those exemplars took part in; and the rollups of
 * these places. A label that only decides whether a node reaches anything is checked by the step
 * that reads the node once: a home or event place that is not a Place gets no rollup and reaches
 * nothing, an event that is not an Event is dropped from the events. The answer is one JSON text
 * of columns (cypherColumns), so the driver decodes one string, not a value per id.
 */
export const MOVEMENT_IMPACT_CYPHER = `
MATCH (m:Movement {id: $id})
CALL (m) {
  MATCH (a:Award)-[:UNDER_MOVEMENT]->(m)
  WITH a, [(a)-[r:RECEIVED|FOR_EVENT|FEATURES]-(y) | [type(r), startNode(r) = a, y]] AS links
  WITH a, a.id AS aid, ${AWARD_ON('a')} AS on,
       [l IN links WHERE l[0] = 'RECEIVED' AND NOT l[1] | l[2]] AS received,
       [l IN links WHERE l[0] = 'FOR_EVENT' AND l[1] | l[2]] AS events,
       [l IN links WHERE l[0] = 'FEATURES' AND NOT l[1] | l[2]] AS stories
  WITH a, aid, on, [x IN received WHERE x:Person OR x:Collective] AS recipients, events, stories
  WITH a, aid, on, recipients, [x IN recipients | x.id] AS recipientIds, events, stories
  RETURN collect(CASE WHEN ${cypherMayOverlap('on')}
           THEN [aid, on, recipientIds, a.form, a.level, a.kind, a.recipientsResolved]
           ELSE [aid, on, recipientIds, null, null, null, null] END) AS awards,
         collect(CASE WHEN size(recipients) > 0 THEN {nodes: recipients, ids: recipientIds, reach: ${cypherMayReach('on')}} END) AS recipientGroups,
         collect(CASE WHEN size(events) > 0 THEN events END) AS awardEvents,
         collect(CASE WHEN size(stories) > 0 THEN {id: aid, stories: stories} END) AS awardStories
}
CALL (m, recipientGroups) {
  CALL (m, recipientGroups) {
    MATCH (x)-[r:EXEMPLAR_OF]->(m) WHERE x:Person OR x:Collective
    WITH x, x.id AS xid, toString(r.since) AS since
    RETURN x, xid, [xid, since] AS held, ${cypherMayReach('since')} AS reach
    UNION ALL
    UNWIND recipientGroups AS g
    UNWIND range(0, size(g.nodes) - 1) AS i
    RETURN g.nodes[i] AS x, g.ids[i] AS xid, null AS held, g.reach AS reach
  }
  WITH x, xid, collect(held) AS held, max(CASE WHEN reach THEN 1 ELSE 0 END) = 1 AS reach
  WITH x, xid, held, reach, [(x)-[r:TOOK_PART_IN|FEATURES|ACTIVE_IN|LOCATED_IN]-(y) | [type(r), startNode(r) = x, y]] AS links
  WITH x, xid, held, reach, links,
       [l IN links WHERE l[0] = 'TOOK_PART_IN' AND l[1] | l[2]] AS events,
       [l IN links WHERE l[0] = 'FEATURES' AND NOT l[1] | l[2]] AS stories
  WITH x, xid, held, links, events, stories,
       reach OR any(on IN [s IN stories WHERE s:Story | ${STORY_ON('s')}] WHERE on IS NOT NULL AND ${cypherOverlapsPeriod('on')}) AS counts
  WITH x, xid, held, events, stories, counts,
       CASE WHEN counts THEN [l IN links WHERE l[0] = 'ACTIVE_IN' AND l[1] | l[2]] END AS fields,
       CASE WHEN counts THEN [l IN links WHERE l[0] = 'LOCATED_IN' AND l[1] | l[2]] END AS homes
  WITH x, xid, held, events, stories, counts, [f IN fields WHERE f:Field] AS fields, homes, CASE WHEN counts THEN events END AS linked
  RETURN apoc.coll.flatten(collect(held)) AS heldUp,
         collect(CASE WHEN counts THEN
           [xid, x.name, toUpper([l IN labels(x) WHERE l <> 'Entity'][0]), [f IN fields | f.id], [p IN homes | p.id], [e IN linked | e.id]]
         END) AS exemplars,
         collect(CASE WHEN size(events) > 0 THEN events END) AS exemplarEvents,
         collect(CASE WHEN size(stories) > 0 THEN {id: xid, stories: stories} END) AS exemplarStories,
         collect(fields) AS fieldLists, collect(homes) AS homeLists, collect(linked) AS linkedEvents
}
CALL (m, awardEvents, exemplarEvents, linkedEvents) {
  CALL (m, awardEvents, exemplarEvents, linkedEvents) {
    MATCH (e)-[:UNDER_MOVEMENT]->(m) RETURN e, false AS linked
    UNION ALL
    UNWIND awardEvents + exemplarEvents AS es UNWIND es AS e RETURN e, false AS linked
    UNION ALL
    UNWIND linkedEvents AS es UNWIND es AS e RETURN e, true AS linked
  }
  WITH e, max(CASE WHEN linked THEN 1 ELSE 0 END) = 1 AS linked
  WHERE e:Event
  WITH e, linked, [(e)-[r:OCCURRED_IN|FEATURES]-(y) | [type(r), startNode(r) = e, y]] AS links
  WITH e.id AS eid, ${EVENT_ON('e')} AS on, linked, links, [l IN links WHERE l[0] = 'FEATURES' AND NOT l[1] | l[2]] AS stories
  WITH eid, on, stories, CASE WHEN linked OR ${cypherMayOverlap('on')} THEN [l IN links WHERE l[0] = 'OCCURRED_IN' AND l[1] | l[2]] END AS places
  RETURN collect(CASE WHEN places IS NOT NULL THEN [eid, on, [p IN places | p.id]] END) AS events,
         collect(places) AS eventPlaces,
         collect(CASE WHEN size(stories) > 0 THEN {id: eid, stories: stories} END) AS eventStories
}
CALL (m, awardStories, exemplarStories, eventStories) {
  CALL (m, awardStories, exemplarStories, eventStories) {
    MATCH (s)-[:FEATURES]->(m) RETURN s, m.id AS tid
    UNION ALL
    UNWIND awardStories + exemplarStories + eventStories AS f UNWIND f.stories AS s RETURN s, f.id AS tid
  }
  WITH s, collect(tid) AS featured
  WHERE s:Story
  WITH s, featured, ${STORY_ON('s')} AS on
  WITH s, featured, on, ${cypherOverlapsPeriod('on')} AS inPeriod
  WHERE inPeriod OR on IS NULL
  WITH s, featured, on, inPeriod, CASE WHEN inPeriod THEN [(s)-[:PUBLISHED_BY]->(g:Agency) | [g.id, g.name]] END AS publishedBy
  RETURN collect(CASE WHEN inPeriod THEN
    [s.id, s.name, s.channel, s.publisher, on, featured, [g IN publishedBy | g[0]], [g IN publishedBy | g[1]]]
  END) AS stories,
  collect(CASE WHEN NOT inPeriod THEN s.id END) AS undatedStories
}
CALL (fieldLists) {
  UNWIND fieldLists AS fs UNWIND fs AS f
  WITH DISTINCT f
  RETURN collect({id: f.id, name: f.name, broader: [(f)-[:PART_OF*1..4]->(b:Field) | {id: b.id, name: b.name}]}) AS fields
}
CALL (homeLists, eventPlaces) {
  UNWIND homeLists + eventPlaces AS ps UNWIND ps AS p
  WITH DISTINCT p
  RETURN collect({place: p.id}) AS anchors
}
${ROLLUP_SUBQUERY}
WITH m, awards, heldUp, exemplars, events, fields, stories, undatedStories,
     [r IN rollups | [r.place, r.lastDay, [c IN r.then | c.id], [c IN r.then | c.validFrom], [c IN r.then | c.validTo], r.now]] AS rollups,
     [p IN rollupPlaces | [p.id, p.name, p.level]] AS rollupPlaces
RETURN m {.id, .name, kind: 'MOVEMENT'} AS movement, apoc.convert.toJson({
  awards: ${cypherColumns('awards', AWARD_FIELDS)},
  heldUp: ${cypherColumns('heldUp', HELD_UP_FIELDS)},
  exemplars: ${cypherColumns('exemplars', EXEMPLAR_FIELDS)},
  events: ${cypherColumns('events', EVENT_FIELDS)},
  fields: fields,
  stories: ${cypherColumns('stories', STORY_FIELDS)},
  undatedStories: undatedStories,
  rollups: ${cypherColumns('rollups', ROLLUP_FIELDS)},
  rollupPlaces: ${cypherColumns('rollupPlaces', ROLLUP_PLACE_FIELDS)}
}) AS impact`;

/** An award under the movement; form, level, kind and recipientsResolved only when it may be in the period. */
interface AwardRow {
  id: string;
  on: string | null;
  recipients: string[];
  form?: string;
  level?: string | null;
  kind?: string | null;
  recipientsResolved?: boolean | null;
}
interface ExemplarRow extends AnalysisNode {
  fields: string[];
  homes: string[];
  events: string[];
}
interface EventRow {
  id: string;
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

/**
 * What MOVEMENT_IMPACT_CYPHER returns, as plain values. The awards and held-up links are all of
 * them; the exemplars are those whose recognitions may reach the period or that a dated story in it
 * features, the only ones a figure can use (every other exemplar is known by its id alone, from
 * the awards and held-up links); the events are those that may be in the period and those these
 * exemplars took part in; the fields and rollups are those of these exemplars and events.
 */
export interface MovementImpactRow {
  movement: AnalysisNode;
  awards: AwardRow[];
  heldUp: { id: string; since: string | null }[];
  exemplars: ExemplarRow[];
  events: EventRow[];
  fields: FieldRow[];
  stories: StoryRow[];
  undatedStories: string[];
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

  // An exemplar's homes are read on its first recognition: the earliest day held up or awarded.
  const firstRecognised = new Map<string, { on: string; start: string }>();
  const first = (id: string, on: string | null) => {
    const start = partialInterval(on)?.start;
    if (start === undefined) return;
    const kept = firstRecognised.get(id);
    if (!kept || start < kept.start) firstRecognised.set(id, { on: on!, start });
  };
  for (const h of row.heldUp) first(h.id, h.since);
  for (const award of row.awards) for (const id of award.recipients) first(id, award.on);
  const anchors: PlaceAnchor[] = [
    ...row.events.flatMap((e) => e.places.map((place) => ({ fact: e.id, place, day: e.on }))),
    ...row.exemplars.flatMap((x) => x.homes.map((place) => ({ fact: x.id, place, day: firstRecognised.get(x.id)?.on ?? null }))),
  ];

  const fieldNames = new Map(row.fields.flatMap((f) => [[f.id, f.name] as const, ...f.broader.map((b) => [b.id, b.name] as const)]));
  const broader = new Map(row.fields.map((f) => [f.id, f.broader.map((b) => b.id)]));

  // The communes and districts each exemplar's own facts (its homes, its events) were in then, for
  // the replication rule.
  const tied = new Set(row.exemplars.flatMap((x) => [x.id, ...x.events]));
  const rollups = new Map(row.rollups.map((r) => [r.place, r]));
  const rolled = new Map<string, string[]>();
  for (const anchor of anchors) {
    if (!tied.has(anchor.fact)) continue;
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
        // Every exemplar (held up, or named on an award), detailed in the row or not.
        ...[...new Set([...heldUpSince.keys(), ...row.awards.flatMap((a) => a.recipients)])].filter((id) => !recognitions.has(id)),
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
    places: rollUpPlaces(anchors.filter((a) => counted.has(a.fact)), row.rollups),
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
      row.exemplars.map((x) => ({
        id: x.id,
        kind: x.kind,
        name: x.name,
        fields: x.fields,
        recognitions: recognitions.get(x.id) ?? [],
        places: [...new Set([x.id, ...x.events].flatMap((f) => rolled.get(f) ?? []))],
      })),
      row.stories.filter((s): s is StoryRow & { on: string } => s.on !== null).map((s) => ({ id: s.id, kind: 'STORY', name: s.name, on: s.on, featured: s.featured })),
      period.replicationWindowDays,
    ),
    undated: idSet(undated),
  };
}

/**
 * Given the movement and the JSON text MOVEMENT_IMPACT_CYPHER answers with (columns, see
 * cypherColumns), returns the row as summariseImpact reads it; pure.
 */
export function readImpactRow(movement: AnalysisNode, impact: string): MovementImpactRow {
  const columns = JSON.parse(impact) as Record<string, Record<string, unknown[]>> & { fields: FieldRow[]; undatedStories: string[] };
  const rollups = readColumns<{ place: string; lastDay: string | null; then: string[]; validFrom: (string | null)[]; validTo: (string | null)[]; now: string[] }>(
    columns.rollups!,
    ROLLUP_FIELDS,
  ).map(({ place, lastDay, then, validFrom, validTo, now }): CompactRollupRow => ({
    place,
    lastDay,
    then: then.map((unit, i) => ({ id: unit, validFrom: validFrom[i]!, validTo: validTo[i]! })),
    now,
  }));
  return {
    movement,
    awards: readColumns(columns.awards!, AWARD_FIELDS),
    heldUp: readColumns(columns.heldUp!, HELD_UP_FIELDS),
    exemplars: readColumns(columns.exemplars!, EXEMPLAR_FIELDS),
    events: readColumns(columns.events!, EVENT_FIELDS),
    fields: columns.fields,
    stories: readColumns<Omit<StoryRow, 'publishedBy'> & { publishers: string[]; publisherNames: string[] }>(columns.stories!, STORY_FIELDS).map(
      ({ publishers, publisherNames, ...story }) => ({ ...story, publishedBy: publishers.map((publisher, i) => ({ id: publisher, name: publisherNames[i]! })) }),
    ),
    undatedStories: columns.undatedStories,
    rollups: hydrateRollups(rollups, readColumns<RollupPlace>(columns.rollupPlaces!, ROLLUP_PLACE_FIELDS)),
  };
}

/**
 * Given a movement id and a period (bounds optional, inclusive ISO days) with a replication
 * window, returns its impact, or null when no movement has that id. One database round trip.
 */
export async function movementImpact(graph: Graph, id: string, period: MovementImpactPeriod): Promise<MovementImpact | null> {
  const rows = await graph.read(MOVEMENT_IMPACT_CYPHER, { id, from: period.from, to: period.to });
  if (!rows[0]) return null;
  return summariseImpact(readImpactRow(rows[0].movement as AnalysisNode, rows[0].impact as string), period);
}

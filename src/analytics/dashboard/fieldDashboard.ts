import type { Graph } from '../../neo4j/createGraph';
import { bucketBy, byKey, idSet, type AnalysisNode, type Bucket, type IdSet, type PlaceReach } from '../shared/figures';
import { AWARD_ON, EVENT_ON, STORY_ON, cypherOverlapsPeriod, monthKey, overlapsPeriod, previousPeriod } from '../shared/period';
import { CUBE_FORMAT, CUBE_ROOT, WHOLE_YEAR, YEAR_ONLY, scopeKey, type Cell, type CellData, type DictionaryEntry } from './cubeLayout';
import { cellsFor, summariseCells, wholeYears, type CubePeriod } from './summariseCells';
import { ROLLUP_SUBQUERY, hydrateRollups, rollUpPlaces, type CompactRollupRow, type PlaceAnchor, type PlaceRollupRow, type RollupPlace } from '../shared/placeRollup';

/**
 * The dashboard rule. The field counts with its narrower fields (PART_OF, 4 levels down); its
 * exemplars are the people and collectives active in them. An event counts when one of them took
 * part; an award when one of them received it or it was for one of their events; an exemplar when
 * they took part in a counted event or received a counted award; a story when it features the
 * field (without a place) or one of the field's events, awards or exemplars, whatever their date.
 * With a place, events must have happened in it or a unit ever part of it, and awards must be for
 * such an event or to someone from there. Each fact is counted in a period when its own date
 * overlaps it (see period.ts). Top places roll events and awards up then and now
 * (placeRollup.ts); top agencies are those behind the events and awards: taking part in the
 * events, conferring the awards, or counting among their members an exemplar who took part or was
 * recognised. Every figure counts distinct events, awards, stories or exemplars.
 *
 * Live, both periods come from one statement (FIELD_DASHBOARD_CYPHER). For periods of whole months
 * in the whole country or a province, the figures are read from the dashboard cube instead
 * (dashboardCube.ts), which holds the same rule per year; the ids behind the figures are always
 * read live.
 */
export const FIELD_DASHBOARD_CYPHER = `
MATCH (f:Field {id: $field})
OPTIONAL MATCH (pl:Place {id: $place})
WITH f, pl, $place IS NOT NULL AND pl IS NULL AS placeMissing
CALL (f, placeMissing) {
  MATCH (f)<-[:PART_OF*0..4]-(sub:Field) WHERE NOT placeMissing
  RETURN collect(DISTINCT sub) AS fieldNodes
}
CALL (pl) {
  OPTIONAL MATCH (pl)<-[:PART_OF|LOCATED_IN*0..5]-(u:Place)
  WITH DISTINCT u
  RETURN collect(u.id) AS placeIds, collect(u) AS placeNodes
}
CALL (fieldNodes) {
  UNWIND fieldNodes AS sub
  RETURN sum(COUNT { (sub)<-[:ACTIVE_IN]-() }) AS fieldDegree
}
CALL (placeNodes) {
  UNWIND CASE WHEN $place IS NULL THEN [] ELSE placeNodes END AS u
  RETURN sum(COUNT { (u)<-[:OCCURRED_IN]-() } + COUNT { (u)<-[:LOCATED_IN]-() }) AS placeDegree
}
WITH f, pl, placeMissing, fieldNodes, placeIds, placeNodes, [s IN fieldNodes | s.id] AS fieldIds,
     $place IS NOT NULL AND placeDegree < fieldDegree AS byPlace
CALL (fieldNodes, fieldIds, placeIds, placeNodes, byPlace) {
  CALL (fieldNodes, fieldIds, placeIds, placeNodes, byPlace) {
    UNWIND CASE WHEN byPlace THEN [] ELSE fieldNodes END AS sub
    MATCH (sub)<-[:ACTIVE_IN]-(x)-[:TOOK_PART_IN]->(e:Event)
    WHERE (x:Person OR x:Collective)
      AND ($place IS NULL OR EXISTS { (e)-[:OCCURRED_IN]->(p:Place) WHERE p.id IN placeIds })
    RETURN e, x
    UNION
    UNWIND CASE WHEN byPlace THEN placeNodes ELSE [] END AS u
    MATCH (u)<-[:OCCURRED_IN]-(e:Event)
    WITH DISTINCT e
    MATCH (e)<-[:TOOK_PART_IN]-(x)-[:ACTIVE_IN]->(s:Field)
    WHERE (x:Person OR x:Collective) AND s.id IN fieldIds
    RETURN e, x
  }
  WITH e, collect(DISTINCT x.id) AS exemplars
  RETURN collect(e {
    .id, on: ${EVENT_ON('e')}, exemplars: exemplars,
    places: [(e)-[:OCCURRED_IN]->(p:Place) | p.id],
    agencies: [(g:Agency)-[:TOOK_PART_IN]->(e) | g.id]
  }) AS events
}
CALL (fieldNodes, fieldIds, placeIds, placeNodes, byPlace) {
  CALL (fieldNodes, fieldIds, placeNodes, byPlace) {
    UNWIND CASE WHEN byPlace THEN [] ELSE fieldNodes END AS sub
    MATCH (sub)<-[:ACTIVE_IN]-(x)-[:RECEIVED]->(a:Award) WHERE x:Person OR x:Collective
    RETURN a
    UNION
    UNWIND CASE WHEN byPlace THEN [] ELSE fieldNodes END AS sub
    MATCH (sub)<-[:ACTIVE_IN]-(x)-[:TOOK_PART_IN]->(:Event)<-[:FOR_EVENT]-(a:Award) WHERE x:Person OR x:Collective
    RETURN a
    UNION
    UNWIND CASE WHEN byPlace THEN placeNodes ELSE [] END AS u
    CALL (u) {
      MATCH (u)<-[:OCCURRED_IN]-(:Event)<-[:FOR_EVENT]-(a:Award)
      RETURN a
      UNION
      MATCH (u)<-[:LOCATED_IN]-()-[:RECEIVED]->(a:Award)
      RETURN a
    }
    WITH DISTINCT a
    WHERE EXISTS { (a)<-[:RECEIVED]-(x)-[:ACTIVE_IN]->(s:Field) WHERE (x:Person OR x:Collective) AND s.id IN fieldIds }
      OR EXISTS { (a)-[:FOR_EVENT]->(:Event)<-[:TOOK_PART_IN]-(x)-[:ACTIVE_IN]->(s:Field) WHERE (x:Person OR x:Collective) AND s.id IN fieldIds }
    RETURN a
  }
  WITH DISTINCT a
  WHERE ($place IS NULL
      OR EXISTS { (a)-[:FOR_EVENT]->(:Event)-[:OCCURRED_IN]->(p:Place) WHERE p.id IN placeIds }
      OR EXISTS { (a)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) WHERE p.id IN placeIds })
  RETURN collect(a {
    .id, .form, .level, on: ${AWARD_ON('a')},
    recipients: [(x)-[:RECEIVED]->(a) WHERE (x:Person OR x:Collective) AND EXISTS { (x)-[:ACTIVE_IN]->(s:Field) WHERE s.id IN fieldIds } | x.id],
    conferredBy: [(a)-[:CONFERRED_BY]->(g:Agency) | g.id],
    places: reduce(seen = [], id IN [(a)-[:FOR_EVENT]->(:Event)-[:OCCURRED_IN]->(p:Place) | p.id] + [(a)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) | p.id] | CASE WHEN id IN seen THEN seen ELSE seen + id END)
  }) AS awards
}
CALL (events) {
  UNWIND events AS e UNWIND e.exemplars AS xid
  RETURN collect(DISTINCT xid) AS eventExemplars
}
CALL (awards) {
  UNWIND awards AS a UNWIND a.recipients AS xid
  RETURN collect(DISTINCT xid) AS awardExemplars
}
CALL (eventExemplars, awardExemplars) {
  UNWIND eventExemplars + awardExemplars AS xid
  WITH DISTINCT xid
  MATCH (x:Entity {id: xid})
  RETURN collect({id: xid, memberOf: [(x)-[:MEMBER_OF]->(g:Agency) | g.id]}) AS exemplars
}
CALL (events, awards, exemplars) {
  UNWIND [e IN events | e.agencies] + [a IN awards | a.conferredBy] + [x IN exemplars | x.memberOf] AS ids
  UNWIND ids AS gid
  WITH DISTINCT gid
  MATCH (g:Entity {id: gid})
  RETURN collect(g {.id, .name}) AS agencies
}
CALL (fieldNodes, events, awards, exemplars) {
  UNWIND CASE WHEN $place IS NULL THEN [s IN fieldNodes | s.id] ELSE [] END
    + [e IN events | e.id] + [a IN awards | a.id] + [x IN exemplars | x.id] AS tid
  MATCH (:Entity {id: tid})<-[:FEATURES]-(s:Story)
  WITH DISTINCT s, ${STORY_ON('s')} AS on
  WHERE ${cypherOverlapsPeriod('on')}
  RETURN collect({id: s.id, on: on}) AS stories
}
CALL (events) {
  UNWIND events AS e UNWIND e.places AS p
  RETURN collect({fact: e.id, place: p, day: e.on}) AS eventAnchors
}
CALL (awards) {
  UNWIND awards AS a UNWIND a.places AS p
  RETURN collect({fact: a.id, place: p, day: a.on}) AS awardAnchors
}
WITH f, pl, placeMissing, fieldNodes, events, awards, exemplars, agencies, stories, eventAnchors + awardAnchors AS anchors
${ROLLUP_SUBQUERY}
RETURN f {.id, .name, kind: 'FIELD'} AS field, CASE WHEN pl IS NULL THEN NULL ELSE pl {.id, .name, kind: 'PLACE'} END AS place,
       placeMissing, [s IN fieldNodes | s.id] AS fields, events, awards, exemplars, agencies, stories, rollups, rollupPlaces`;

type Named = { id: string; name: string };
interface DashboardRow {
  field: AnalysisNode;
  place: AnalysisNode | null;
  placeMissing: boolean;
  fields: string[];
  events: { id: string; on: string | null; exemplars: string[]; places: string[]; agencies: Named[] }[];
  awards: { id: string; form: string; level: string | null; on: string | null; recipients: string[]; conferredBy: Named[]; places: string[] }[];
  exemplars: { id: string; memberOf: Named[] }[];
  stories: { id: string; on: string }[];
  anchors: PlaceAnchor[];
  rollups: PlaceRollupRow[];
}

/**
 * The row as the query sends it, kept small: agencies by id with their names once, units of the
 * rollup by id with their names once, and no anchors (they are the events' and awards' places).
 */
interface CompactDashboardRow extends Omit<DashboardRow, 'events' | 'awards' | 'exemplars' | 'anchors' | 'rollups'> {
  events: (Omit<DashboardRow['events'][number], 'agencies'> & { agencies: string[] })[];
  awards: (Omit<DashboardRow['awards'][number], 'conferredBy'> & { conferredBy: string[] })[];
  exemplars: { id: string; memberOf: string[] }[];
  agencies: Named[];
  rollups: CompactRollupRow[];
  rollupPlaces: RollupPlace[];
}

/** Given the compact row, returns the full row summariseDashboard reads; pure. */
function hydrateDashboard(row: CompactDashboardRow): DashboardRow {
  const names = new Map(row.agencies.map((g) => [g.id, g.name]));
  const agency = (id: string): Named => ({ id, name: names.get(id) ?? id });
  const anchors: PlaceAnchor[] = [
    ...row.events.flatMap((e) => e.places.map((place) => ({ fact: e.id, place, day: e.on }))),
    ...row.awards.flatMap((a) => a.places.map((place) => ({ fact: a.id, place, day: a.on }))),
  ];
  return {
    field: row.field,
    place: row.place,
    placeMissing: row.placeMissing,
    fields: row.fields,
    events: row.events.map((e) => ({ ...e, agencies: e.agencies.map(agency) })),
    awards: row.awards.map((a) => ({ ...a, conferredBy: a.conferredBy.map(agency) })),
    exemplars: row.exemplars.map((x) => ({ id: x.id, memberOf: x.memberOf.map(agency) })),
    stories: row.stories,
    anchors,
    rollups: hydrateRollups(row.rollups, row.rollupPlaces),
  };
}

export interface DashboardPeriod {
  readonly from: string;
  readonly to: string;
  readonly exemplars: IdSet;
  readonly events: IdSet;
  readonly awards: IdSet;
  readonly awardsByForm: Bucket[];
  readonly awardsByLevel: Bucket[];
  readonly stories: IdSet;
  readonly storiesPerMonth: Bucket[];
  readonly topPlaces: PlaceReach;
  readonly topAgencies: Bucket[];
}

export interface FieldDashboard {
  readonly field: AnalysisNode;
  readonly fields: string[];
  readonly place: AnalysisNode | null;
  readonly current: DashboardPeriod;
  readonly previous: DashboardPeriod;
  readonly change: { exemplars: number; awards: number; events: number; stories: number };
}

/** How many places (then and now) and agencies a dashboard lists. */
export const DASHBOARD_TOP = 10;

function panels(row: DashboardRow, from: string, to: string): DashboardPeriod {
  const within = (on: string | null) => overlapsPeriod(on, from, to);
  const events = row.events.filter((e) => within(e.on));
  const awards = row.awards.filter((a) => within(a.on));
  const exemplarIds = new Set([...events.flatMap((e) => e.exemplars), ...awards.flatMap((a) => a.recipients)]);
  const stories = row.stories.filter((s) => within(s.on));
  const facts = new Set([...events.map((e) => e.id), ...awards.map((a) => a.id)]);
  const members = new Map(row.exemplars.map((x) => [x.id, x.memberOf]));
  const membersOf = (ids: readonly string[]) => ids.flatMap((id) => members.get(id) ?? []);
  const agencyFacts = [
    ...events.flatMap((e) => [...e.agencies, ...membersOf(e.exemplars)].map((agency) => ({ agency, fact: e.id }))),
    ...awards.flatMap((a) => [...a.conferredBy, ...membersOf(a.recipients)].map((agency) => ({ agency, fact: a.id }))),
  ];
  return {
    from,
    to,
    exemplars: idSet(exemplarIds),
    events: idSet(events.map((e) => e.id)),
    awards: idSet(awards.map((a) => a.id)),
    awardsByForm: bucketBy(awards, (a) => a.id, (a) => a.form),
    awardsByLevel: bucketBy(awards, (a) => a.id, (a) => a.level),
    stories: idSet(stories.map((s) => s.id)),
    storiesPerMonth: byKey(bucketBy(stories, (s) => s.id, (s) => monthKey(s.on))),
    topPlaces: rollUpPlaces(row.anchors.filter((a) => facts.has(a.fact)), row.rollups, DASHBOARD_TOP),
    topAgencies: bucketBy(agencyFacts, (x) => x.fact, (x) => x.agency.id, (_key, x) => x.agency.name).slice(0, DASHBOARD_TOP),
  };
}

type Counted = { readonly count: number };
type Headline = { readonly exemplars: Counted; readonly awards: Counted; readonly events: Counted; readonly stories: Counted };

/**
 * Given the field, its narrower fields and the place as read, and the two periods' panels (live or
 * from the cube), returns the dashboard with current minus previous; pure.
 */
function assemble<P extends Headline>(head: { field: AnalysisNode; fields: readonly string[]; place: AnalysisNode | null }, current: P, previous: P) {
  return {
    field: head.field,
    fields: [...head.fields].sort(),
    place: head.place,
    current,
    previous,
    change: {
      exemplars: current.exemplars.count - previous.exemplars.count,
      awards: current.awards.count - previous.awards.count,
      events: current.events.count - previous.events.count,
      stories: current.stories.count - previous.stories.count,
    },
  };
}

/** Given the query's row and the two periods, returns the dashboard; pure. */
export function summariseDashboard(row: DashboardRow, from: string, to: string): FieldDashboard {
  const before = previousPeriod(from, to);
  return assemble(row, panels(row, from, to), panels(row, before.start, before.end));
}

/** Where a dashboard's figures come from, and for the cube when it was built. */
export interface DashboardSource {
  readonly source: 'LIVE' | 'PRECOMPUTED';
  readonly builtAt: string | null;
}

/** A dashboard read from the cube: the same panels, with counts and no ids. */
export interface CubeDashboard extends Omit<FieldDashboard, 'current' | 'previous'> {
  readonly current: CubePeriod;
  readonly previous: CubePeriod;
}

export type FieldDashboardResult =
  | { found: true; dashboard: (FieldDashboard | CubeDashboard) & DashboardSource }
  | { found: false; missing: 'field' | 'place' };

/**
 * The cube's side of a dashboard, in one statement: the field, the place, whether the cube can
 * answer (built, not stale, of this code's layout, and holding the place: the whole country or a province), its dictionary
 * when the caller does not hold this version's yet, and the scope's cells for the years asked: their
 * exemplar counts, and their figures only where \`$figures\` names them (cellsFor).
 */
export const FIELD_DASHBOARD_CUBE_CYPHER = `
MATCH (f:Field {id: $field})
OPTIONAL MATCH (pl:Place {id: $place})
OPTIONAL MATCH (cube:DashboardCube {id: $root})
WITH f, pl, cube, $place IS NOT NULL AND pl IS NULL AS placeMissing,
     cube IS NOT NULL AND NOT coalesce(cube.stale, false) AND cube.format = $format AND ($place IS NULL OR $place IN cube.places) AS usable
RETURN f {.id, .name, kind: 'FIELD'} AS field, CASE WHEN pl IS NULL THEN NULL ELSE pl {.id, .name, kind: 'PLACE'} END AS place,
       placeMissing, COLLECT { MATCH (f)<-[:PART_OF*0..4]-(s:Field) RETURN DISTINCT s.id } AS fields,
       usable, cube.version AS version, toString(cube.builtAt) AS builtAt,
       CASE WHEN usable AND cube.version <> $knownVersion THEN cube.dictionary END AS dictionary,
       CASE WHEN usable THEN COLLECT {
         MATCH (c:DashboardCell {scope: $scope})
         WHERE c.version = cube.version AND c.year >= $first AND c.year <= $last AND (c.month = 0 OR NOT $wholeYears)
         RETURN c {.year, .month, .x, data: CASE WHEN toString(c.year) + '/' + toString(c.month) IN $figures THEN c.data END}
       } ELSE [] END AS cells`;

interface CubeRow {
  field: AnalysisNode;
  place: AnalysisNode | null;
  placeMissing: boolean;
  fields: string[];
  usable: boolean;
  version: string | null;
  builtAt: string | null;
  dictionary: string | null;
  cells: { year: number; month: number; x: string; data: string | null }[];
}

/** The last cube dictionary read per graph (it is the same for every request of a cube version). */
const dictionaries = new WeakMap<Graph, { version: string; entries: DictionaryEntry[] }>();

/**
 * Given a field, an optional place and a period, returns the dashboard from the cube, or `null`
 * when the cube cannot answer it (a period not of whole months, none built yet, stale after an
 * edit, or a place below a province): one round trip, plus the live one when it returns null.
 */
async function fromCube(graph: Graph, field: string, place: string | null, from: string, to: string): Promise<FieldDashboardResult | null> {
  const before = previousPeriod(from, to);
  const plans = [cellsFor(from, to), cellsFor(before.start, before.end)];
  if (!plans[0] || !plans[1]) return null;
  const figures = plans.flatMap((plan) => [
    ...plan!.wholeYears.map((year) => `${year}/${WHOLE_YEAR}`),
    ...plan!.yearOnly.map((year) => `${year}/${YEAR_ONLY}`),
    ...plan!.months.map((index) => `${Math.floor(index / 12)}/${(index % 12) + 1}`),
  ]);
  const known = dictionaries.get(graph);
  const [row] = (await graph.read(FIELD_DASHBOARD_CUBE_CYPHER, {
    field, place, root: CUBE_ROOT, format: CUBE_FORMAT, scope: scopeKey(field, place), knownVersion: known?.version ?? '',
    first: Number(before.start.slice(0, 4)), last: Number(to.slice(0, 4)),
    wholeYears: wholeYears(before.start, to) !== null, figures,
  })) as unknown as CubeRow[];
  if (!row) return { found: false, missing: 'field' };
  if (row.placeMissing) return { found: false, missing: 'place' };
  if (!row.usable || row.version === null) return null;
  let entries = known?.version === row.version ? known.entries : null;
  if (row.dictionary !== null) {
    entries = JSON.parse(row.dictionary) as DictionaryEntry[];
    dictionaries.set(graph, { version: row.version, entries });
  }
  if (!entries) return null;
  const cells: Cell[] = row.cells.map((c) => ({
    year: Number(c.year),
    month: Number(c.month),
    x: JSON.parse(c.x) as number[],
    data: c.data === null ? null : (JSON.parse(c.data) as CellData),
  }));
  const current = summariseCells(cells, entries, from, to, DASHBOARD_TOP);
  const previous = summariseCells(cells, entries, before.start, before.end, DASHBOARD_TOP);
  return { found: true, dashboard: { ...assemble(row, current, previous), source: 'PRECOMPUTED', builtAt: row.builtAt } };
}

/**
 * Given a field id, an optional place id, a period (inclusive ISO days, from ≤ to) and whether the
 * ids behind the figures are wanted, returns the dashboard for it and the previous period of equal
 * length, or which id was not found. Figures alone for whole months in the country or a province
 * come from the cube; everything else is one live statement.
 */
export async function fieldDashboard(graph: Graph, field: string, place: string | null, from: string, to: string, options: { ids: boolean } = { ids: true }): Promise<FieldDashboardResult> {
  if (!options.ids) {
    const cubed = await fromCube(graph, field, place, from, to);
    if (cubed) return cubed;
  }
  const rows = await graph.read(FIELD_DASHBOARD_CYPHER, { field, place, from: previousPeriod(from, to).start, to });
  const row = rows[0] as CompactDashboardRow | undefined;
  if (!row) return { found: false, missing: 'field' };
  if (row.placeMissing) return { found: false, missing: 'place' };
  return { found: true, dashboard: { ...summariseDashboard(hydrateDashboard(row), from, to), source: 'LIVE', builtAt: null } };
}

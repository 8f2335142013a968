import type { Graph } from '../../neo4j/createGraph';
import { array, boolean, decode, json, nullable, number, object, string } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import {
  bucketBy,
  byKey,
  decodeAnalysisNode,
  idSet,
  type AnalysisNode,
  type Bucket,
  type IdSet,
  type PlaceReach,
} from '../shared/figures';
import { monthKey, overlapsPeriod, previousPeriod } from '../shared/period';
import {
  decodeCompactRollupRow,
  decodeRollupPlace,
  hydrateRollups,
  rollUpPlaces,
  type CompactRollupRow,
  type PlaceAnchor,
  type PlaceRollupRow,
  type RollupPlace,
} from '../shared/placeRollup';
import {
  CUBE_FORMAT,
  CUBE_ROOT,
  WHOLE_YEAR,
  YEAR_ONLY,
  decodeCellData,
  decodeDictionary,
  scopeKey,
  type Cell,
  type DictionaryEntry,
} from './cubeLayout';
import { cellsFor, summariseCells, wholeYears, type CubePeriod } from './summariseCells';

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
 * (cubeLayout.ts), which holds the same rule per year; the ids behind the figures are always
 * read live.
 */
export const FIELD_DASHBOARD_CYPHER = loadCypher(__dirname, 'fieldDashboard.cypher');

type Named = { id: string; name: string };
interface DashboardRow {
  field: AnalysisNode;
  place: AnalysisNode | null;
  placeMissing: boolean;
  fields: string[];
  events: { id: string; on: string | null; exemplars: string[]; places: string[]; agencies: Named[] }[];
  awards: {
    id: string;
    form: string;
    level: string | null;
    on: string | null;
    recipients: string[];
    conferredBy: Named[];
    places: string[];
  }[];
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

const named = object<Named>({ id: string, name: string });
const decodeDashboardRow = object<CompactDashboardRow>({
  field: decodeAnalysisNode,
  place: nullable(decodeAnalysisNode),
  placeMissing: boolean,
  fields: array(string),
  events: array(
    object<CompactDashboardRow['events'][number]>({
      id: string,
      on: nullable(string),
      exemplars: array(string),
      places: array(string),
      agencies: array(string),
    }),
  ),
  awards: array(
    object<CompactDashboardRow['awards'][number]>({
      id: string,
      form: string,
      level: nullable(string),
      on: nullable(string),
      recipients: array(string),
      conferredBy: array(string),
      places: array(string),
    }),
  ),
  exemplars: array(object<CompactDashboardRow['exemplars'][number]>({ id: string, memberOf: array(string) })),
  stories: array(object<DashboardRow['stories'][number]>({ id: string, on: string })),
  agencies: array(named),
  rollups: array(decodeCompactRollupRow),
  rollupPlaces: array(decodeRollupPlace),
});

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
  /** Every province reached, then and now, by the same rollup as topPlaces: the dashboard map's figures. */
  readonly provinces: PlaceReach;
  readonly topAgencies: Bucket[];
}

/** Given places reached, returns the provinces among them. */
function provincesOnly(reach: PlaceReach): PlaceReach {
  return { then: reach.then.filter((b) => b.level === 'PROVINCE'), now: reach.now.filter((b) => b.level === 'PROVINCE') };
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
    awardsByForm: bucketBy(
      awards,
      (a) => a.id,
      (a) => a.form,
    ),
    awardsByLevel: bucketBy(
      awards,
      (a) => a.id,
      (a) => a.level,
    ),
    stories: idSet(stories.map((s) => s.id)),
    storiesPerMonth: byKey(
      bucketBy(
        stories,
        (s) => s.id,
        (s) => monthKey(s.on),
      ),
    ),
    topPlaces: rollUpPlaces(
      row.anchors.filter((a) => facts.has(a.fact)),
      row.rollups,
      DASHBOARD_TOP,
    ),
    provinces: provincesOnly(
      rollUpPlaces(
        row.anchors.filter((a) => facts.has(a.fact)),
        row.rollups,
      ),
    ),
    topAgencies: bucketBy(
      agencyFacts,
      (x) => x.fact,
      (x) => x.agency.id,
      (_key, x) => x.agency.name,
    ).slice(0, DASHBOARD_TOP),
  };
}

type Counted = { readonly count: number };
type Headline = { readonly exemplars: Counted; readonly awards: Counted; readonly events: Counted; readonly stories: Counted };

/**
 * Given the field, its narrower fields and the place as read, and the two periods' panels (live or
 * from the cube), returns the dashboard with current minus previous; pure.
 */
function assemble<P extends Headline>(
  head: { field: AnalysisNode; fields: readonly string[]; place: AnalysisNode | null },
  current: P,
  previous: P,
) {
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
  { found: true; dashboard: (FieldDashboard | CubeDashboard) & DashboardSource } | { found: false; missing: 'field' | 'place' };

/**
 * The cube's side of a dashboard, in one statement: the field, the place, whether the cube can
 * answer (built, not stale, of this code's layout, and holding the place: the whole country or a province), its dictionary
 * when the caller does not hold this version's yet, and the scope's cells for the years asked: their
 * exemplar counts, and their figures only where \`$figures\` names them (cellsFor).
 */
export const FIELD_DASHBOARD_CUBE_CYPHER = loadCypher(__dirname, 'fieldDashboardCube.cypher');

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

const decodeCubeRow = object<CubeRow>({
  field: decodeAnalysisNode,
  place: nullable(decodeAnalysisNode),
  placeMissing: boolean,
  fields: array(string),
  usable: boolean,
  version: nullable(string),
  builtAt: nullable(string),
  dictionary: nullable(string),
  cells: array(object<CubeRow['cells'][number]>({ year: number, month: number, x: string, data: nullable(string) })),
});

/** The last cube dictionary read per graph (it is the same for every request of a cube version). */
const dictionaries = new WeakMap<Graph, { version: string; entries: DictionaryEntry[] }>();

/**
 * Given a field, an optional place and a period, returns the dashboard from the cube, or `null`
 * when the cube cannot answer it (a period not of whole months, none built yet, stale after an
 * edit, or a place below a province): one round trip, plus the live one when it returns null.
 */
async function fromCube(
  graph: Graph,
  field: string,
  place: string | null,
  from: string,
  to: string,
): Promise<FieldDashboardResult | null> {
  const before = previousPeriod(from, to);
  const plans = [cellsFor(from, to), cellsFor(before.start, before.end)];
  if (!plans[0] || !plans[1]) return null;
  const figures = plans.flatMap((plan) => [
    ...plan!.wholeYears.map((year) => `${year}/${WHOLE_YEAR}`),
    ...plan!.yearOnly.map((year) => `${year}/${YEAR_ONLY}`),
    ...plan!.months.map((index) => `${Math.floor(index / 12)}/${(index % 12) + 1}`),
  ]);
  const known = dictionaries.get(graph);
  const rows = await graph.read(FIELD_DASHBOARD_CUBE_CYPHER, {
    field,
    place,
    root: CUBE_ROOT,
    format: CUBE_FORMAT,
    scope: scopeKey(field, place),
    knownVersion: known?.version ?? '',
    first: Number(before.start.slice(0, 4)),
    last: Number(to.slice(0, 4)),
    wholeYears: wholeYears(before.start, to) !== null,
    figures,
  });
  const row = rows[0] === undefined ? undefined : decode('fieldDashboardCube', rows[0], decodeCubeRow);
  if (!row) return { found: false, missing: 'field' };
  if (row.placeMissing) return { found: false, missing: 'place' };
  if (!row.usable || row.version === null) return null;
  let entries = known?.version === row.version ? known.entries : null;
  if (row.dictionary !== null) {
    entries = decode('fieldDashboardCube', row.dictionary, json(decodeDictionary));
    dictionaries.set(graph, { version: row.version, entries });
  }
  if (!entries) return null;
  const cells: Cell[] = row.cells.map((c) => ({
    year: c.year,
    month: c.month,
    x: decode('fieldDashboardCube', c.x, json(array(number))),
    data: c.data === null ? null : decode('fieldDashboardCube', c.data, json(decodeCellData)),
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
export async function fieldDashboard(
  graph: Graph,
  field: string,
  place: string | null,
  from: string,
  to: string,
  options: { ids: boolean; runLive?: <T>(work: () => Promise<T>) => Promise<T> } = { ids: true },
): Promise<FieldDashboardResult> {
  if (!options.ids) {
    const cubed = await fromCube(graph, field, place, from, to);
    if (cubed) return cubed;
  }
  // The live statement is the costly one: the server runs it under its heavy-analytics limit.
  const live = () => graph.read(FIELD_DASHBOARD_CYPHER, { field, place, from: previousPeriod(from, to).start, to });
  const rows = await (options.runLive ? options.runLive(live) : live());
  const row = rows[0] === undefined ? undefined : decode('fieldDashboard', rows[0], decodeDashboardRow);
  if (!row) return { found: false, missing: 'field' };
  if (row.placeMissing) return { found: false, missing: 'place' };
  return { found: true, dashboard: { ...summariseDashboard(hydrateDashboard(row), from, to), source: 'LIVE', builtAt: null } };
}

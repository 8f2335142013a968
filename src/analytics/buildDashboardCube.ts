import { randomUUID } from 'node:crypto';
import type { Graph } from '../neo4j/createGraph';
import { buildCells, type CubeFact, type CubeStory, type DictionaryEntry } from './dashboardCube';
import { AWARD_ON, EVENT_ON, STORY_ON, yearOf } from './period';
import { ROLLUP_SUBQUERY, hydrateRollups, unitsThen, type CompactRollupRow, type PlaceRollupRow, type RollupPlace } from './placeRollup';

/**
 * Builds the dashboard cube (dashboardCube.ts) from the whole graph and swaps it in: every field
 * with its narrower fields, in the whole country and in each province (PROVINCE level, including
 * provinces merged away), per year and month. Communes and districts are small enough to answer live.
 *
 * The facts are read once in a few bulk statements and grouped in memory, so the cost is one pass
 * over events, awards and stories, not one dashboard query per scope. The new cells are written
 * under a fresh version beside the old ones and the root node `(:DashboardCube {id: 'current'})`
 * is switched to them in one statement, so a reader sees either the old cube or the new one, never
 * a mix; the old cells are deleted after. A write through the API while the cube is built (counted
 * in `changes`, see markDashboardCubeStale) leaves it stale, and stale cubes are not read.
 */

/** The id of the cube's root node. */
export const CUBE_ROOT = 'current';
/**
 * The layout of the cells this code writes and reads (2: year, month and year-only cells). A cube
 * of another layout is neither read nor taken as current: it is rebuilt.
 */
export const CUBE_FORMAT = 2;
/** Cells written per statement. */
const WRITE_BATCH = 500;
/** How long one statement of a build may take. */
const BUILD_TIMEOUT_MS = 30 * 60_000;
/** Old cells deleted per statement. */
const DELETE_BATCH = 5_000;

/** The scope key of a cell: a field and optionally a province. */
export function scopeKey(field: string, place: string | null): string {
  return `${field}|${place ?? ''}`;
}

export interface CubeReport {
  readonly version: string;
  readonly scopes: number;
  readonly cells: number;
  readonly stale: boolean;
  readonly millis: number;
}

interface FieldRow {
  id: string;
  broader: string[];
}
interface ExemplarRow {
  id: string;
  fields: string[];
  memberOf: string[];
}
interface EventRow {
  id: string;
  on: string | null;
  places: string[];
  agencies: string[];
  participants: string[];
}
interface AwardRow {
  id: string;
  on: string | null;
  form: string | null;
  level: string | null;
  conferredBy: string[];
  recipients: string[];
  events: string[];
  homes: string[];
}
interface StoryRow {
  id: string;
  on: string | null;
  features: string[];
}

/**
 * A fact as read, with what does not depend on the field already keyed: a CubeFact without the
 * field's exemplars, its agencies those that took part or conferred (members are added per field).
 */
interface PreparedFact extends Omit<CubeFact, 'exemplars'> {
  /** Provinces any of its places was ever part of: the place scopes it counts in. */
  readonly provinces: string[];
}

/** Given a list, returns it without repeats, in first-seen order. */
function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

async function readInput(graph: Graph) {
  const [fields, exemplars, events, awards, stories, agencies, places] = await Promise.all([
    graph.read(`MATCH (f:Field) RETURN f.id AS id, COLLECT { MATCH (f)-[:PART_OF*1..4]->(b:Field) RETURN DISTINCT b.id } AS broader`),
    graph.read(`
      MATCH (x) WHERE (x:Person OR x:Collective) AND EXISTS { (x)-[:ACTIVE_IN]->(:Field) }
      RETURN x.id AS id, [(x)-[:ACTIVE_IN]->(f:Field) | f.id] AS fields, [(x)-[:MEMBER_OF]->(g:Agency) | g.id] AS memberOf`),
    graph.read(`
      MATCH (e:Event)
      RETURN e.id AS id, ${EVENT_ON('e')} AS on, [(e)-[:OCCURRED_IN]->(p:Place) | p.id] AS places,
             [(g:Agency)-[:TOOK_PART_IN]->(e) | g.id] AS agencies,
             [(x)-[:TOOK_PART_IN]->(e) WHERE x:Person OR x:Collective | x.id] AS participants`),
    graph.read(`
      MATCH (a:Award)
      RETURN a.id AS id, ${AWARD_ON('a')} AS on, a.form AS form, a.level AS level,
             [(a)-[:CONFERRED_BY]->(g:Agency) | g.id] AS conferredBy,
             [(x)-[:RECEIVED]->(a) WHERE x:Person OR x:Collective | x.id] AS recipients,
             [(a)-[:FOR_EVENT]->(e:Event) | e.id] AS events,
             [(a)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) | p.id] AS homes`),
    graph.read(`MATCH (s:Story) RETURN s.id AS id, ${STORY_ON('s')} AS on, [(s)-[:FEATURES]->(t) | t.id] AS features`),
    graph.read('MATCH (g:Agency) RETURN g.id AS id, g.name AS name'),
    graph.read(`MATCH (p:Place) WITH collect({place: p.id}) AS anchors ${ROLLUP_SUBQUERY} RETURN rollups, rollupPlaces`),
  ]);
  const placeRow = places[0] as { rollups: CompactRollupRow[]; rollupPlaces: RollupPlace[] };
  return {
    fields: fields as unknown as FieldRow[],
    exemplars: exemplars as unknown as ExemplarRow[],
    events: events as unknown as EventRow[],
    awards: awards as unknown as AwardRow[],
    stories: stories as unknown as StoryRow[],
    agencies: agencies as unknown as { id: string; name: string }[],
    rollups: hydrateRollups(placeRow.rollups, placeRow.rollupPlaces),
    rollupPlaces: placeRow.rollupPlaces,
  };
}

type Input = Awaited<ReturnType<typeof readInput>>;

/** A fact of one field: the fact and the exemplars it counts for that field. */
interface FieldFact {
  readonly fact: PreparedFact;
  readonly exemplars: string[];
  readonly memberAgencies: string[];
}

/** The cube's plan: its dictionary and province scopes, and what each field's scopes are made of. */
export interface CubePlan {
  readonly dictionary: DictionaryEntry[];
  readonly provinces: string[];
  readonly fields: readonly string[];
  /** Given a field, returns its scopes (country-wide and per province) with their facts and stories. */
  scopesOf(field: string): Map<string, { facts: CubeFact[]; stories: CubeStory[] }>;
}

/**
 * Given everything read, returns the cube's plan; pure apart from memory. Follows the dashboard
 * rule of fieldDashboard.ts fact by fact. Scopes are made one field at a time (scopesOf), so only
 * one field's scopes are in memory at once.
 */
export function planCube(input: Input): CubePlan {
  const dictionary: DictionaryEntry[] = [
    ...input.rollupPlaces.map((p) => ({ id: p.id, name: p.name, level: p.level })),
    ...input.agencies.map((g) => ({ id: g.id, name: g.name, level: null })),
  ];
  const index = new Map(dictionary.map((entry, i) => [entry.id, i]));
  const keys = (ids: Iterable<string>) => distinct([...ids].map((id) => index.get(id)).filter((k): k is number => k !== undefined));
  const rollups = new Map<string, PlaceRollupRow>(input.rollups.map((row) => [row.place, row]));
  const provinces = input.rollupPlaces.filter((p) => p.level === 'PROVINCE').map((p) => p.id);
  const provinceSet = new Set(provinces);
  // A place counts for a province when it was ever part of it (validity ignored), as in the live rule.
  const provincesOf = new Map(input.rollups.map((row) => [row.place, row.then.map((c) => c.id).filter((id) => provinceSet.has(id))]));

  // Fields: each field with the broader ones it counts for (itself first).
  const closure = new Map(input.fields.map((f) => [f.id, [f.id, ...f.broader]]));
  const narrower = new Map<string, string[]>();
  for (const [field, up] of closure) for (const broader of up) narrower.set(broader, [...(narrower.get(broader) ?? []), field]);
  const exemplarFields = new Map<string, string[]>();
  const memberOf = new Map<string, string[]>();
  for (const x of input.exemplars) {
    exemplarFields.set(x.id, distinct(x.fields.flatMap((f) => closure.get(f) ?? [f])));
    memberOf.set(x.id, x.memberOf);
  }
  /** Given exemplars, returns them grouped by every field they count for. */
  const byField = (ids: readonly string[]): Map<string, string[]> => {
    const grouped = new Map<string, string[]>();
    for (const id of distinct(ids)) {
      for (const field of exemplarFields.get(id) ?? []) {
        const list = grouped.get(field);
        if (list) list.push(id);
        else grouped.set(field, [id]);
      }
    }
    return grouped;
  };

  const prepare = (id: string, kind: 'event' | 'award', on: string | null, placeIds: string[], agencies: string[], form: string | null, level: string | null): PreparedFact => {
    const then: string[] = [];
    const now: string[] = [];
    for (const place of placeIds) {
      const row = rollups.get(place);
      if (!row) continue;
      then.push(...unitsThen(row, on).map((u) => u.id));
      now.push(...row.now.map((u) => u.id));
    }
    return {
      id, kind, year: yearOf(on), month: on !== null && on.length >= 7 && yearOf(on) !== null ? Number(on.slice(5, 7)) : null, form, level,
      then: keys(then), now: keys(now), agencies: keys(agencies),
      provinces: distinct(placeIds.flatMap((p) => provincesOf.get(p) ?? [])),
    };
  };

  const perField = new Map<string, FieldFact[]>();
  const add = (field: string, fact: PreparedFact, exemplars: string[]) => {
    const entry = { fact, exemplars, memberAgencies: exemplars.flatMap((x) => memberOf.get(x) ?? []) };
    const list = perField.get(field);
    if (list) list.push(entry);
    else perField.set(field, [entry]);
  };

  // Events: one counts for a field when someone active in it took part.
  const eventFields = new Map<string, string[]>();
  const eventPlaces = new Map<string, string[]>();
  for (const e of input.events) {
    eventPlaces.set(e.id, e.places);
    const grouped = byField(e.participants);
    eventFields.set(e.id, [...grouped.keys()]);
    if (grouped.size === 0) continue;
    const fact = prepare(e.id, 'event', e.on, e.places, e.agencies, null, null);
    for (const [field, exemplars] of grouped) add(field, fact, exemplars);
  }
  // Awards: to someone active in the field, or for an event someone active in it took part in.
  for (const a of input.awards) {
    const recipients = byField(a.recipients);
    const fields = new Set(recipients.keys());
    for (const e of a.events) for (const field of eventFields.get(e) ?? []) fields.add(field);
    if (fields.size === 0) continue;
    const placeIds = distinct([...a.events.flatMap((e) => eventPlaces.get(e) ?? []), ...a.homes]);
    const fact = prepare(a.id, 'award', a.on, placeIds, a.conferredBy, a.form, a.level);
    for (const field of fields) add(field, fact, recipients.get(field) ?? []);
  }

  // Stories: those featuring the field (country-wide only), a fact of the scope or one of its exemplars.
  const featuredBy = new Map<string, CubeStory[]>();
  for (const s of input.stories) {
    const story = { id: s.id, on: s.on };
    for (const target of distinct(s.features)) {
      const list = featuredBy.get(target);
      if (list) list.push(story);
      else featuredBy.set(target, [story]);
    }
  }

  const scopesOf = (field: string) => {
    const drafts = new Map<string, { facts: CubeFact[]; featured: Set<string> }>();
    for (const { fact, exemplars, memberAgencies } of perField.get(field) ?? []) {
      const { provinces: _provinces, ...common } = fact;
      const cubeFact: CubeFact = { ...common, exemplars, agencies: distinct([...fact.agencies, ...keys(memberAgencies)]) };
      for (const place of [null, ...fact.provinces]) {
        const key = scopeKey(field, place);
        let draft = drafts.get(key);
        if (!draft) {
          draft = { facts: [], featured: new Set<string>(place === null ? narrower.get(field) ?? [field] : []) };
          drafts.set(key, draft);
        }
        draft.facts.push(cubeFact);
        draft.featured.add(fact.id);
        for (const x of exemplars) draft.featured.add(x);
      }
    }
    const scopes = new Map<string, { facts: CubeFact[]; stories: CubeStory[] }>();
    for (const [key, draft] of drafts) scopes.set(key, { facts: draft.facts, stories: [...draft.featured].flatMap((id) => featuredBy.get(id) ?? []) });
    return scopes;
  };
  return { dictionary, provinces, fields: [...closure.keys()], scopesOf };
}

/**
 * Given a graph, builds the dashboard cube from its current facts and swaps it in; returns what it
 * wrote. Safe to run while the API serves: readers keep the old cube until the switch.
 */
export async function buildDashboardCube(apiGraph: Graph, log: (line: string) => void = () => {}): Promise<CubeReport> {
  const started = Date.now();
  // Whole-graph reads outlast a request's timeout (QUERY_TIMEOUT_MS).
  const graph = apiGraph.withTimeout(BUILD_TIMEOUT_MS);
  const [root] = await graph.read(`OPTIONAL MATCH (c:DashboardCube {id: $root}) RETURN coalesce(c.changes, 0) AS changes`, { root: CUBE_ROOT });
  const changesAtStart = Number(root?.changes ?? 0);
  // Sortable, so an older build finishing late never replaces a newer cube.
  const version = `${new Date().toISOString()}-${randomUUID().slice(0, 8)}`;

  const input = await readInput(graph);
  log(`read ${input.events.length} events, ${input.awards.length} awards, ${input.stories.length} stories, ${input.exemplars.length} exemplars in ${Date.now() - started} ms`);
  const plan = planCube(input);

  let cells = 0;
  let batch: { scope: string; year: number; month: number; data: string; x: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await graph.write(`UNWIND $rows AS row CREATE (:DashboardCell {version: $version, scope: row.scope, year: row.year, month: row.month, data: row.data, x: row.x})`, { rows: batch, version });
    cells += batch.length;
    batch = [];
  };
  let scopes = 0;
  for (const field of plan.fields) {
    for (const [scope, { facts, stories }] of plan.scopesOf(field)) {
      scopes += 1;
      for (const cell of buildCells(facts, stories)) {
        batch.push({ scope, year: cell.year, month: cell.month, data: JSON.stringify(cell.data), x: JSON.stringify(cell.x) });
        if (batch.length >= WRITE_BATCH) await flush();
      }
    }
  }
  await flush();

  const [switched] = await graph.write(
    `MERGE (c:DashboardCube {id: $root})
     WITH c, c.version IS NULL OR c.version < $version AS newer
     SET c.version = CASE WHEN newer THEN $version ELSE c.version END,
         c.builtAt = CASE WHEN newer THEN datetime() ELSE c.builtAt END,
         c.places = CASE WHEN newer THEN $places ELSE c.places END,
         c.dictionary = CASE WHEN newer THEN $dictionary ELSE c.dictionary END,
         c.stale = CASE WHEN newer THEN coalesce(c.changes, 0) <> $changesAtStart ELSE c.stale END,
         c.buildMillis = CASE WHEN newer THEN $buildMillis ELSE c.buildMillis END,
         c.format = CASE WHEN newer THEN $format ELSE c.format END
     RETURN c.version AS version, c.stale AS stale`,
    { root: CUBE_ROOT, version, places: plan.provinces, dictionary: JSON.stringify(plan.dictionary), changesAtStart, buildMillis: Date.now() - started, format: CUBE_FORMAT },
  );
  const current = String(switched?.version);
  for (;;) {
    const [deleted] = await graph.write(
      `MATCH (c:DashboardCell) WHERE c.version < $current OR (c.version = $version AND $version <> $current)
       WITH c LIMIT ${DELETE_BATCH} DELETE c RETURN count(*) AS n`,
      { current, version },
    );
    if (Number(deleted?.n ?? 0) === 0) break;
  }
  return { version: current, scopes, cells, stale: switched?.stale === true, millis: Date.now() - started };
}

/** Given a graph, returns its cube's state: none, stale (or of another layout), or current with how long it took to build. */
export async function dashboardCubeState(graph: Graph): Promise<{ built: boolean; stale: boolean; buildMillis: number | null }> {
  const [row] = await graph.read(
    `OPTIONAL MATCH (c:DashboardCube {id: $root})
     RETURN c IS NOT NULL AS built, coalesce(c.stale, false) OR coalesce(c.format, 0) <> $format AS stale, c.buildMillis AS buildMillis`,
    { root: CUBE_ROOT, format: CUBE_FORMAT },
  );
  return { built: row?.built === true, stale: row?.stale === true, buildMillis: typeof row?.buildMillis === 'number' ? row.buildMillis : null };
}

/**
 * Given a graph, records that its facts changed (an editor's write), so the cube is not read until
 * it is rebuilt; a build already running will finish stale.
 */
export async function markDashboardCubeStale(graph: Graph): Promise<void> {
  await graph.write(`MATCH (c:DashboardCube {id: $root}) SET c.changes = coalesce(c.changes, 0) + 1, c.stale = true`, { root: CUBE_ROOT });
}

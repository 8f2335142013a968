import path from 'node:path';
import type { Graph } from '../../neo4j/createGraph';
import { decode, decodeRows, json, nullable, number, object, string, type Decoder } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import { CUBE_FORMAT, CUBE_ROOT, decodeDictionary, scopeKey } from '../../analytics/dashboard/cubeLayout';
import { buildCells } from './buildCells';
import { CUBE_WRITE } from './cubeWrite';
import { planCube } from './planCube';
import { CUBE_INPUT_CYPHER, CUBE_INPUT_DECODERS, decodePlaces } from './readCubeInput';

/** The statements that read the facts of a few fields only (cypher/cubeScope*.cypher). */
const CYPHER = path.join(__dirname, 'cypher');
export const CUBE_SCOPE_CYPHER = {
  exemplars: loadCypher(CYPHER, 'cubeScopeExemplars.cypher'),
  events: loadCypher(CYPHER, 'cubeScopeEvents.cypher'),
  awards: loadCypher(CYPHER, 'cubeScopeAwards.cypher'),
  stories: loadCypher(CYPHER, 'cubeScopeStories.cypher'),
  places: loadCypher(CYPHER, 'cubeScopePlaces.cypher'),
};

/** What an incremental update did, or why the cube must be rebuilt whole instead. */
export type FieldsRefresh =
  | {
      readonly refreshed: true;
      readonly fields: number;
      readonly written: number;
      readonly deleted: number;
      readonly millis: number;
    }
  | { readonly refreshed: false; readonly reason: string };

const decodeRoot = object<{ version: string | null; format: number | null; dictionary: string | null }>({
  version: nullable(string),
  format: nullable(number),
  dictionary: nullable(string),
});
const decodeStored = object<{ scope: string; year: number; month: number; data: string; x: string }>({
  scope: string,
  year: number,
  month: number,
  data: string,
  x: string,
});

/**
 * Given a cell's JSON, returns it with every object's keys sorted: a cell's keyed counts (forms,
 * levels, months) follow the order its facts were read in, which differs between the full build
 * and an update, and equal cells must not be rewritten for it.
 */
export function canonical(text: string): string {
  return JSON.stringify(JSON.parse(text) as unknown, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

async function rows<T>(graph: Graph, what: string, cypher: string, params: Record<string, unknown>, decoder: Decoder<T>) {
  return decodeRows(`cube ${what}`, await graph.read(cypher, params), decoder);
}

/**
 * Given a graph and fields whose facts changed (with the broader fields they count for), rewrites
 * those fields' cells of the current cube, country-wide and per province, from the facts as they
 * are now, by the rule and code of the full build (planCube, buildCells): it reads the facts of
 * those fields alone, builds their scopes' cells with the cube's own dictionary, and writes only
 * the cells that differ from the stored ones (deleting those that no longer hold anything). The
 * caller keeps the cube out of readers' way meanwhile (cubeMaintenance.ts). Answers
 * `refreshed: false` without writing when the cube must be rebuilt whole: none built, another
 * layout, or a place or agency its dictionary lacks.
 */
export async function refreshCubeFields(graph: Graph, fields: readonly string[]): Promise<FieldsRefresh> {
  const started = Date.now();
  const [rootRow] = await graph.read(
    'OPTIONAL MATCH (c:DashboardCube {id: $root}) RETURN c.version AS version, c.format AS format, c.dictionary AS dictionary',
    { root: CUBE_ROOT },
  );
  const root = decode('cube root', rootRow ?? {}, decodeRoot);
  if (root.version === null || root.dictionary === null) return { refreshed: false, reason: 'no cube built' };
  if (root.format !== CUBE_FORMAT) return { refreshed: false, reason: `a cube of layout ${String(root.format)}` };
  if (fields.length === 0) return { refreshed: true, fields: 0, written: 0, deleted: 0, millis: Date.now() - started };
  const dictionary = decode('cube dictionary', root.dictionary, json(decodeDictionary));

  const params = { fields };
  const [allFields, exemplars, events, awards] = await Promise.all([
    rows(graph, 'fields', CUBE_INPUT_CYPHER.fields, {}, CUBE_INPUT_DECODERS.fields),
    rows(graph, 'exemplars', CUBE_SCOPE_CYPHER.exemplars, params, CUBE_INPUT_DECODERS.exemplars),
    rows(graph, 'events', CUBE_SCOPE_CYPHER.events, params, CUBE_INPUT_DECODERS.events),
    rows(graph, 'awards', CUBE_SCOPE_CYPHER.awards, params, CUBE_INPUT_DECODERS.awards),
  ]);
  const narrower = new Set(fields);
  for (const f of allFields) if (f.broader.some((b) => narrower.has(b))) narrower.add(f.id);
  const featured = [...narrower, ...exemplars.map((x) => x.id), ...events.map((e) => e.id), ...awards.map((a) => a.id)];
  const places = [...new Set([...events.flatMap((e) => e.places), ...awards.flatMap((a) => a.homes)])];
  const [stories, placeRows] = await Promise.all([
    rows(graph, 'stories', CUBE_SCOPE_CYPHER.stories, { ids: featured }, CUBE_INPUT_DECODERS.stories),
    graph.read(CUBE_SCOPE_CYPHER.places, { places }),
  ]);
  const { rollups, rollupPlaces } = decodePlaces(placeRows[0]);
  const plan = planCube(
    { fields: allFields, exemplars, events, awards, stories, agencies: [], rollups, rollupPlaces },
    { dictionary },
  );

  const fresh = new Map<string, { scope: string; year: number; month: number; data: string; x: string }>();
  const scopes: string[] = [];
  for (const field of fields) {
    scopes.push(scopeKey(field, null), ...plan.provinces.map((p) => scopeKey(field, p)));
    for (const [scope, { facts, stories: scopeStories }] of plan.scopesOf(field)) {
      for (const cell of buildCells(facts, scopeStories)) {
        fresh.set(`${scope}/${cell.year}/${cell.month}`, {
          scope,
          year: cell.year,
          month: cell.month,
          data: JSON.stringify(cell.data),
          x: JSON.stringify(cell.x),
        });
      }
    }
  }
  if (plan.missing.size > 0) {
    return { refreshed: false, reason: `places or agencies the cube does not know: ${[...plan.missing].slice(0, 5).join(', ')}` };
  }

  const stored = await rows(
    graph,
    'cells',
    `UNWIND $scopes AS scope
     MATCH (c:DashboardCell {scope: scope}) WHERE c.version = $version
     RETURN c.scope AS scope, c.year AS year, c.month AS month, c.data AS data, c.x AS x`,
    { scopes, version: root.version },
    decodeStored,
  );
  const remove: { scope: string; year: number; month: number }[] = [];
  for (const cell of stored) {
    const key = `${cell.scope}/${cell.year}/${cell.month}`;
    const now = fresh.get(key);
    if (now && canonical(now.data) === canonical(cell.data) && now.x === cell.x) fresh.delete(key);
    else remove.push({ scope: cell.scope, year: cell.year, month: cell.month });
  }
  const write = [...fresh.values()];
  if (remove.length > 0 || write.length > 0) {
    await graph.write(
      `CALL () {
         UNWIND $remove AS cell
         MATCH (c:DashboardCell {scope: cell.scope}) WHERE c.version = $version AND c.year = cell.year AND c.month = cell.month
         DELETE c
       }
       UNWIND $write AS row
       CREATE (:DashboardCell {version: $version, scope: row.scope, year: row.year, month: row.month, data: row.data, x: row.x})`,
      { remove, write, version: root.version },
      CUBE_WRITE,
    );
  }
  // Cells that changed in place were removed and written again: count them once, as written.
  const rewritten = new Set(write.map((w) => `${w.scope}/${w.year}/${w.month}`));
  const replaced = remove.filter((r) => rewritten.has(`${r.scope}/${r.year}/${r.month}`)).length;
  return {
    refreshed: true,
    fields: fields.length,
    written: write.length,
    deleted: remove.length - replaced,
    millis: Date.now() - started,
  };
}

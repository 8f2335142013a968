import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Graph } from '../../neo4j/createGraph';
import { boolean, decode, nullable, object, string } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import { CUBE_FORMAT, CUBE_ROOT } from '../../analytics/dashboard/cubeLayout';
import { buildCells } from './buildCells';
import { CUBE_WRITE } from './cubeWrite';
import { planCube } from './planCube';
import { readCubeInput } from './readCubeInput';

/** Switches the root to a newly written version (cypher/switchCube.cypher). */
const SWITCH_CUBE_CYPHER = loadCypher(path.join(__dirname, 'cypher'), 'switchCube.cypher');
const decodeSwitched = object<{ version: string; stale: boolean | null }>({ version: string, stale: nullable(boolean) });

/**
 * Builds the dashboard cube (analytics/dashboard/cubeLayout.ts) from the whole graph and swaps it in: every field
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

/** Cells written per statement. */
const WRITE_BATCH = 500;
/** How long one statement of a build may take. */
const BUILD_TIMEOUT_MS = 30 * 60_000;
/** Old cells deleted per statement. */
const DELETE_BATCH = 5_000;

export interface CubeReport {
  readonly version: string;
  readonly scopes: number;
  readonly cells: number;
  readonly stale: boolean;
  readonly millis: number;
}
/**
 * Given a graph, builds the dashboard cube from its current facts and swaps it in; returns what it
 * wrote. Safe to run while the API serves: readers keep the old cube until the switch.
 */
export async function buildDashboardCube(apiGraph: Graph, log: (line: string) => void = () => {}): Promise<CubeReport> {
  const started = Date.now();
  // Whole-graph reads outlast a request's timeout (QUERY_TIMEOUT_MS).
  const graph = apiGraph.withTimeout(BUILD_TIMEOUT_MS);
  const [root] = await graph.read(`OPTIONAL MATCH (c:DashboardCube {id: $root}) RETURN coalesce(c.changes, 0) AS changes`, {
    root: CUBE_ROOT,
  });
  const changesAtStart = Number(root?.changes ?? 0);
  // Sortable, so an older build finishing late never replaces a newer cube.
  const version = `${new Date().toISOString()}-${randomUUID().slice(0, 8)}`;

  const input = await readCubeInput(graph);
  log(
    `read ${input.events.length} events, ${input.awards.length} awards, ${input.stories.length} stories, ${input.exemplars.length} exemplars in ${Date.now() - started} ms`,
  );
  const plan = planCube(input);

  let cells = 0;
  let batch: { scope: string; year: number; month: number; data: string; x: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await graph.write(
      `UNWIND $rows AS row CREATE (:DashboardCell {version: $version, scope: row.scope, year: row.year, month: row.month, data: row.data, x: row.x})`,
      { rows: batch, version },
      CUBE_WRITE,
    );
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
    SWITCH_CUBE_CYPHER,
    {
      root: CUBE_ROOT,
      version,
      places: plan.provinces,
      dictionary: JSON.stringify(plan.dictionary),
      changesAtStart,
      buildMillis: Date.now() - started,
      format: CUBE_FORMAT,
    },
    CUBE_WRITE,
  );
  const current = decode('switchCube', switched, decodeSwitched);
  for (;;) {
    const [deleted] = await graph.write(
      `MATCH (c:DashboardCell) WHERE c.version < $current OR (c.version = $version AND $version <> $current)
       WITH c LIMIT ${DELETE_BATCH} DELETE c RETURN count(*) AS n`,
      { current: current.version, version },
      CUBE_WRITE,
    );
    if (Number(deleted?.n ?? 0) === 0) break;
  }
  return { version: current.version, scopes, cells, stale: current.stale === true, millis: Date.now() - started };
}

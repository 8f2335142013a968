import type { Graph } from '../../neo4j/createGraph';
import { CUBE_FORMAT, CUBE_ROOT } from './cubeLayout';

/** Given a graph, returns its cube's state: none, stale (or of another layout), or current with how long it took to build. */
export async function dashboardCubeState(graph: Graph): Promise<{ built: boolean; stale: boolean; buildMillis: number | null }> {
  const [row] = await graph.read(
    `OPTIONAL MATCH (c:DashboardCube {id: $root})
     RETURN c IS NOT NULL AS built, coalesce(c.stale, false) OR coalesce(c.format, 0) <> $format AS stale, c.buildMillis AS buildMillis`,
    { root: CUBE_ROOT, format: CUBE_FORMAT },
  );
  return {
    built: row?.built === true,
    stale: row?.stale === true,
    buildMillis: typeof row?.buildMillis === 'number' ? row.buildMillis : null,
  };
}

/**
 * Given a graph, records that its facts changed (an editor's write), so the cube is not read until
 * it is rebuilt; a build already running will finish stale.
 */
export async function markDashboardCubeStale(graph: Graph): Promise<void> {
  await graph.write(`MATCH (c:DashboardCube {id: $root}) SET c.changes = coalesce(c.changes, 0) + 1, c.stale = true`, {
    root: CUBE_ROOT,
  });
}

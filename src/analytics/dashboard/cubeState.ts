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

/** What marking the cube stale found: whether it was stale already, and the change count and version it left. */
export interface CubeMark {
  readonly wasStale: boolean;
  readonly changes: number;
  readonly version: string | null;
}

/**
 * Given a graph, records that its facts changed (an editor's write), so the cube is not read until
 * it is rebuilt or updated (clearDashboardCubeStale); a build already running will finish stale.
 * Returns what it found, or null when no cube is built.
 */
export async function markDashboardCubeStale(graph: Graph): Promise<CubeMark | null> {
  const [row] = await graph.write(
    `MATCH (c:DashboardCube {id: $root})
     WITH c, coalesce(c.stale, false) OR coalesce(c.format, 0) <> $format AS wasStale
     SET c.changes = coalesce(c.changes, 0) + 1, c.stale = true
     RETURN wasStale, c.changes AS changes, c.version AS version`,
    { root: CUBE_ROOT, format: CUBE_FORMAT },
  );
  if (!row) return null;
  return {
    wasStale: row.wasStale === true,
    changes: Number(row.changes),
    version: typeof row.version === 'string' ? row.version : null,
  };
}

/**
 * Given a graph and the mark an edit left, makes the cube readable again once its cells were
 * updated for that edit: only if no other edit marked it since (same change count) and no build
 * switched in another version. Returns whether it did, and whether the version moved on.
 */
export async function clearDashboardCubeStale(
  graph: Graph,
  mark: CubeMark,
): Promise<{ cleared: boolean; versionChanged: boolean }> {
  const [row] = await graph.write(
    `MATCH (c:DashboardCube {id: $root})
     WITH c, c.changes = $changes AND c.version = $version AS ours
     SET c.stale = CASE WHEN ours THEN false ELSE c.stale END
     RETURN ours, c.version <> $version AS versionChanged`,
    { root: CUBE_ROOT, changes: mark.changes, version: mark.version },
  );
  return { cleared: row?.ours === true, versionChanged: row?.versionChanged !== false };
}

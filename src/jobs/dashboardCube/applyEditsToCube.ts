import path from 'node:path';
import type { Graph } from '../../neo4j/createGraph';
import { array, decode, decodeRows, object, string } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import { clearDashboardCubeStale, dashboardCubeState, markDashboardCubeStale } from '../../analytics/dashboard/cubeState';
import {
  decodeRevision,
  REVISION_CLOCK_ID,
  REVISION_CLOCK_LABEL,
  REVISION_LABEL,
  type Revision,
} from '../../writes/revisionLayout';
import { revisionsSince } from '../../writes/revisionsSince';
import { buildDashboardCube } from './buildDashboardCube';
import { editScope, INCREMENTAL_REVISIONS } from '../../writes/editScope';
import { refreshCubeFields, type FieldsRefresh } from './refreshCubeFields';

/** The fields whose scopes the nodes an edit names may have changed (cypher/cubeTouchedFields.cypher). */
export const CUBE_TOUCHED_FIELDS_CYPHER = loadCypher(path.join(__dirname, 'cypher'), 'cubeTouchedFields.cypher');

/**
 * Given a graph and the revisions of one or more edits, brings the dashboard cube's cells up to
 * date with them by updating only the fields they touch (refreshCubeFields), or answers why the
 * cube must be rebuilt whole instead (writes/editScope.ts: a large import, a change to places or
 * agencies). The edits must be committed; the caller keeps the cube from readers meanwhile.
 */
export async function applyRevisionsToCube(graph: Graph, revisions: readonly Revision[]): Promise<FieldsRefresh> {
  const scope = editScope(revisions);
  if (scope.whole) return { refreshed: false, reason: scope.reason };
  const [row] = await graph.read(CUBE_TOUCHED_FIELDS_CYPHER, { ids: scope.ids });
  const touched = row === undefined ? [] : decode('cubeTouchedFields', row, object({ fields: array(string) })).fields;
  return refreshCubeFields(graph, [...new Set([...scope.fields, ...touched])].sort());
}

/** An API request that wrote: its id and when it started (writes/requestWrites.ts). */
export interface WritingRequest {
  readonly requestId: string;
  readonly startedAt: string;
}

/**
 * Given a graph and requests that changed facts, returns the revisions they left (matched by
 * request id, written since each started, with the same minute's margin as requestChangedFacts).
 */
export async function revisionsOfRequests(graph: Graph, requests: readonly WritingRequest[]): Promise<Revision[]> {
  const rows = await graph.read(
    `UNWIND $requests AS q
     MATCH (r:${REVISION_LABEL} {requestId: q.requestId}) WHERE r.at >= datetime(q.startedAt) - duration('PT1M')
     RETURN DISTINCT r {.*} AS revision`,
    { requests: requests.map((q) => ({ requestId: q.requestId, startedAt: q.startedAt })) },
  );
  return decodeRows(
    'revisionsOfRequests',
    rows.map((r) => r.revision),
    decodeRevision,
  );
}

/** Given a graph, returns the number of the last transaction that left revisions (0 before any). */
export async function lastRevisionTx(graph: Graph): Promise<number> {
  const [row] = await graph.read(`OPTIONAL MATCH (c:${REVISION_CLOCK_LABEL} {id: $id}) RETURN coalesce(c.tx, 0) AS tx`, {
    id: REVISION_CLOCK_ID,
  });
  return Number(row?.tx ?? 0);
}

/**
 * Given a graph and the last revision transaction before an import, brings the dashboard cube up
 * to date with what the import changed: nothing when it changed nothing, the touched fields' cells
 * for a small import (at most INCREMENTAL_REVISIONS revisions, the cube current), else a whole
 * rebuild. Returns what it did, in words.
 */
export async function refreshCubeAfterImport(graph: Graph, sinceTx: number): Promise<string> {
  const rebuild = async (why: string) => {
    const report = await buildDashboardCube(graph);
    return `rebuilt whole (${why}): ${report.cells} cells in ${report.millis} ms`;
  };
  const state = await dashboardCubeState(graph);
  if (!state.built || state.stale) return rebuild(state.built ? 'it was stale' : 'none built');
  const [row] = await graph.read(`MATCH (r:${REVISION_LABEL}) WHERE r.tx > $since RETURN count(r) AS n`, { since: sinceTx });
  const count = Number(row?.n ?? 0);
  if (count === 0) return 'unchanged: the import changed no fact';
  if (count > INCREMENTAL_REVISIONS) return rebuild(`${count} revisions`);
  const mark = await markDashboardCubeStale(graph);
  if (!mark) return rebuild('none built');
  const { revisions } = await revisionsSince(graph, sinceTx, INCREMENTAL_REVISIONS);
  const result = await applyRevisionsToCube(graph, revisions);
  if (!result.refreshed) return rebuild(result.reason);
  const { cleared, versionChanged } = await clearDashboardCubeStale(graph, mark);
  if (!cleared && versionChanged) return rebuild('another build switched in meanwhile');
  return `updated: ${result.fields} fields, ${result.written} cells written, ${result.deleted} deleted in ${result.millis} ms`;
}

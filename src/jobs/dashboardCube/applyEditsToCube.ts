import path from 'node:path';
import type { Graph } from '../../neo4j/createGraph';
import { array, decode, decodeRows, object, string } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import { decodeRevision, REVISION_LABEL, type Revision } from '../../writes/revisionLayout';
import { cubeEditScope } from './cubeEditScope';
import { refreshCubeFields, type FieldsRefresh } from './refreshCubeFields';

/** The fields whose scopes the nodes an edit names may have changed (cypher/cubeTouchedFields.cypher). */
export const CUBE_TOUCHED_FIELDS_CYPHER = loadCypher(path.join(__dirname, 'cypher'), 'cubeTouchedFields.cypher');

/**
 * Given a graph and the revisions of one or more edits, brings the dashboard cube's cells up to
 * date with them by updating only the fields they touch (refreshCubeFields), or answers why the
 * cube must be rebuilt whole instead (cubeEditScope: a large import, a change to places or
 * agencies). The edits must be committed; the caller keeps the cube from readers meanwhile.
 */
export async function applyRevisionsToCube(graph: Graph, revisions: readonly Revision[]): Promise<FieldsRefresh> {
  const scope = cubeEditScope(revisions);
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

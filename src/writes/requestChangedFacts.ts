import type { Graph } from '../neo4j/createGraph';
import type { RequestWrites } from './requestWrites';
import { REVISION_LABEL } from './revisionLayout';

/**
 * Given the graph and a request's write scope, returns whether the request changed any fact:
 * whether a revision carries its request id, written since it started (a client may send an id
 * it used before; a minute's margin allows for the database's clock differing from ours: at
 * worst a reused id costs one extra rebuild). A refused mutation (rolled back), one that matched nothing, or one that set
 * values they already had leaves no revision, and answers false.
 */
export async function requestChangedFacts(graph: Graph, writes: RequestWrites): Promise<boolean> {
  const [row] = await graph.read(
    `RETURN EXISTS { MATCH (r:${REVISION_LABEL} {requestId: $requestId}) WHERE r.at >= datetime($since) - duration('PT1M') } AS changed`,
    { requestId: writes.requestId, since: writes.startedAt },
  );
  return row?.changed === true;
}

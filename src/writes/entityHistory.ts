import type { Graph } from '../neo4j/createGraph';
import { decodeRows } from '../neo4j/decode';
import { decodeRevision, REVISION_LABEL, type Revision } from './revisionLayout';

export interface HistoryPage {
  /** Newest first. */
  readonly revisions: readonly Revision[];
  /** Pass as `after` for the older revisions; null when there are none. */
  readonly nextCursor: number | null;
}

/**
 * Given the graph, any node id (deleted nodes keep their history), how many revisions and the
 * cursor of the last page (a transaction number: revisions older than it), returns the node's
 * revisions, newest first. One indexed read (revision_entity).
 */
export async function entityHistory(graph: Graph, id: string, limit: number, after: number | null): Promise<HistoryPage> {
  const rows = await graph.read(
    `MATCH (r:${REVISION_LABEL} {entityId: $id}) WHERE $after IS NULL OR r.tx < $after
     RETURN r {.*} AS revision ORDER BY r.tx DESC LIMIT $fetch`,
    { id, after, fetch: limit + 1 },
  );
  const revisions = decodeRows(
    'history',
    rows.map((row) => row.revision),
    decodeRevision,
  );
  const page = revisions.slice(0, limit);
  return { revisions: page, nextCursor: revisions.length > limit ? (page[page.length - 1]?.tx ?? null) : null };
}

/** Given the graph and a revision id, returns the revision, or null when there is none. */
export async function revisionById(graph: Graph, id: string): Promise<Revision | null> {
  const rows = await graph.read(`MATCH (r:${REVISION_LABEL} {id: $id}) RETURN r {.*} AS revision`, { id });
  return (
    decodeRows(
      'revision',
      rows.map((row) => row.revision),
      decodeRevision,
    )[0] ?? null
  );
}

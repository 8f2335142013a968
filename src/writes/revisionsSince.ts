import type { Graph } from '../neo4j/createGraph';
import { decodeRows } from '../neo4j/decode';
import { decodeRevision, REVISION_LABEL, type Revision } from './revisionLayout';

export interface RevisionBatch {
  /** Whole transactions, in commit order (tx ascending), each transaction's revisions by entity id. */
  readonly revisions: readonly Revision[];
  /** The cursor to pass next time: the last transaction read (the one given when nothing is new). */
  readonly cursor: number;
}

/**
 * What changed since a cursor, for consumers that maintain derived figures from the history
 * (the incremental dashboards): given the last transaction number read (0 at first) and how
 * many transactions at most, returns every revision of the next transactions, whole, and the new
 * cursor. Transaction numbers follow commit order (revisionLayout.ts), so nothing committed later
 * ever has a smaller number than the cursor. Reads the revision_tx index.
 */
export async function revisionsSince(graph: Graph, cursor: number, maxTransactions = 100): Promise<RevisionBatch> {
  const rows = await graph.read(
    `MATCH (r:${REVISION_LABEL}) WHERE r.tx > $cursor
     WITH DISTINCT r.tx AS tx ORDER BY tx LIMIT $maxTransactions
     MATCH (r:${REVISION_LABEL} {tx: tx})
     RETURN r {.*} AS revision ORDER BY r.tx, r.entityId`,
    { cursor, maxTransactions },
  );
  const revisions = decodeRows(
    'revisionsSince',
    rows.map((row) => row.revision),
    decodeRevision,
  );
  return { revisions, cursor: revisions.reduce((last, r) => Math.max(last, r.tx), cursor) };
}

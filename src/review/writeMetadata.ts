import type { Graph, Tx } from '../neo4j/createGraph';

/**
 * Who writes, on what source, in which request and doing what: the transaction metadata the
 * write path records in each Revision (docs/ARCHITECTURE.md, The write path). `actor` is the
 * token's subject; `source` the story a decision rests on.
 */
export interface WriteMetadata {
  readonly actor: string;
  readonly source?: string;
  readonly requestId?: string;
  readonly operation: string;
}

/**
 * Runs one decision (an ingestion, an accept, a reject, a merge) as one write transaction, all
 * or nothing, carrying its metadata. Every write of src/review goes through here, so when
 * Graph.writeTransaction takes the metadata (the write path's revisions) this is the one line to
 * change; until then the metadata is checked and kept with the decision's own record.
 */
export function decisionTransaction<T>(graph: Graph, metadata: WriteMetadata, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (metadata.actor.trim() === '' || metadata.operation.trim() === '') {
    throw new Error('a decision needs an actor and an operation');
  }
  return graph.writeTransaction(work);
}

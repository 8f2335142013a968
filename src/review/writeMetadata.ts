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
 * or nothing, carrying its metadata to the database: the write triggers validate every fact it
 * writes and record a Revision per changed entity with this actor, operation, source and request.
 */
export function decisionTransaction<T>(graph: Graph, metadata: WriteMetadata, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (metadata.actor.trim() === '' || metadata.operation.trim() === '') {
    throw new Error('a decision needs an actor and an operation');
  }
  return graph.writeTransaction(work, { ...metadata });
}

import type { Neo4jGraphQLContext } from '@neo4j/graphql';
import { createLoaders, type Loaders } from '../loaders/createLoaders';
import type { Logger } from '../logging/createLogger';
import type { Graph } from '../neo4j/createGraph';
import { createRequestWrites, requestWriteMetadata, type RequestWrites } from '../writes/requestWrites';
import type { RequestScope } from './requestScope';

/** What every resolver receives: the library's context plus the project's graph door, loaders and request scope. */
export interface Context extends Neo4jGraphQLContext {
  readonly graph: Graph;
  /** Per-request DataLoaders: custom fields under a list cost one query, not one per parent. */
  readonly loaders: Loaders;
  /** The request's id (x-request-id), in every log line of the request. */
  readonly requestId: string;
  readonly log: Logger;
  /** What this request's writes carry into their revisions (writes/requestWrites.ts). */
  readonly writes: RequestWrites;
}

/** Given the request's scope and Authorization header, returns a fresh per-request context with fresh loaders. */
export function createContext(graph: Graph, scope: RequestScope, authorization: string | undefined, timeoutMs: number): Context {
  return {
    graph,
    loaders: createLoaders(graph),
    requestId: scope.requestId,
    log: scope.log,
    token: authorization,
    sessionConfig: { database: graph.database },
    writes: createRequestWrites(scope.requestId),
    // A getter, read by @neo4j/graphql for each root field after it has verified the token
    // (context.jwt): the generated mutations' transactions carry who writes (the token's subject)
    // as metadata, which the revision trigger records. Apollo copies the context with its property
    // descriptors, so `this` is the copy the library set jwt on.
    get transaction() {
      return { timeout: timeoutMs, metadata: { ...requestWriteMetadata(this.writes, this.jwt) } };
    },
  };
}

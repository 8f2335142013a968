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

/**
 * One request's context. `transaction` is a getter on the class (the prototype), read by
 * @neo4j/graphql for each root field after it has verified the token (context.jwt): the generated
 * mutations' transactions carry who writes (the token's subject) and which operation as metadata,
 * which the revision trigger records. On the prototype because Apollo copies the context with
 * Object.assign, which would freeze an own getter's value before the token is read.
 */
class RequestContext implements Context {
  readonly loaders: Loaders;
  readonly requestId: string;
  readonly log: Logger;
  readonly sessionConfig: { database: string };
  readonly writes: RequestWrites;
  jwt?: Context['jwt'];

  constructor(
    readonly graph: Graph,
    scope: RequestScope,
    readonly token: string | undefined,
    private readonly timeoutMs: number,
  ) {
    this.loaders = createLoaders(graph);
    this.requestId = scope.requestId;
    this.log = scope.log;
    this.sessionConfig = { database: graph.database };
    this.writes = createRequestWrites(scope.requestId);
  }

  get transaction(): { timeout: number; metadata: Record<string, unknown> } {
    return { timeout: this.timeoutMs, metadata: { ...requestWriteMetadata(this.writes, this.jwt) } };
  }
}

/** Given the request's scope and Authorization header, returns a fresh per-request context with fresh loaders. */
export function createContext(graph: Graph, scope: RequestScope, authorization: string | undefined, timeoutMs: number): Context {
  return new RequestContext(graph, scope, authorization, timeoutMs);
}

import type { Neo4jGraphQLContext } from '@neo4j/graphql';
import type { RelatedAnswerCache } from '../analytics/related/relatedAnswerCache';
import type { RelatedStory } from '../analytics/related/relatedStories';
import type { Identity } from '../auth/createTokenVerifier';
import { createLoaders, type Loaders } from '../loaders/createLoaders';
import type { Logger } from '../logging/createLogger';
import type { Graph } from '../neo4j/createGraph';
import { createRequestWrites, requestWriteMetadata, type RequestWrites } from '../writes/requestWrites';
import type { HeavyLimiter } from './heavyLimiter';
import type { RequestScope } from './requestScope';

/** What every resolver receives: the library's context plus the project's graph door, loaders and request scope. */
export interface Context extends Neo4jGraphQLContext {
  readonly graph: Graph;
  /** Per-request DataLoaders: custom fields under a list cost one query, not one per parent. */
  readonly loaders: Loaders;
  /** The request's id (x-request-id), in every log line of the request. */
  readonly requestId: string;
  readonly log: Logger;
  /** Runs a heavy analytic under the server's concurrency limit, or refuses it (OVERLOADED, 503). */
  readonly heavy: HeavyLimiter;
  /** What this request's writes carry into their revisions (writes/requestWrites.ts). */
  readonly writes: RequestWrites;
}

/**
 * One request's context. A verified token's claims go to @neo4j/graphql as `jwt` (it trusts a
 * context jwt as already verified, src/auth/createTokenVerifier.ts); the raw token is never handed
 * on, so the library cannot accept a token our claim checks refused. `transaction` is a getter on
 * the class (the prototype), read by @neo4j/graphql for each root field: the generated mutations'
 * transactions carry who writes (the token's subject) and which operation as metadata, which the
 * revision trigger records. On the prototype because Apollo copies the context with Object.assign,
 * which would freeze an own getter's value at the copy.
 */
class RequestContext implements Context {
  readonly loaders: Loaders;
  readonly requestId: string;
  readonly log: Logger;
  readonly sessionConfig: { database: string };
  readonly writes: RequestWrites;
  readonly heavy: HeavyLimiter;
  /** The driver for @neo4j/graphql's generated fields (main.ts builds the schema before the database is up, without one). */
  readonly executionContext: Graph['driver'];
  jwt?: Context['jwt'];

  constructor(
    readonly graph: Graph,
    scope: RequestScope,
    identity: Identity,
    private readonly timeoutMs: number,
    heavy: HeavyLimiter,
    relatedAnswers: RelatedAnswerCache<RelatedStory[]> | undefined,
  ) {
    this.loaders = createLoaders(graph, relatedAnswers);
    this.requestId = scope.requestId;
    this.log = scope.log;
    this.heavy = heavy;
    this.executionContext = graph.driver;
    this.sessionConfig = { database: graph.database };
    this.writes = createRequestWrites(scope.requestId);
    if (identity.kind === 'verified') this.jwt = { ...identity.claims };
  }

  get transaction(): { timeout: number; metadata: Record<string, unknown> } {
    return { timeout: this.timeoutMs, metadata: { ...requestWriteMetadata(this.writes, this.jwt) } };
  }
}

/**
 * Given the request's scope, who is calling and the process's shared parts (the query timeout, the
 * heavy analytics' limiter, the kept related-stories answers), returns a fresh per-request context
 * with fresh loaders.
 */
export function createContext(
  graph: Graph,
  scope: RequestScope,
  identity: Identity,
  options: { timeoutMs: number; heavy: HeavyLimiter; relatedAnswers?: RelatedAnswerCache<RelatedStory[]> },
): Context {
  return new RequestContext(graph, scope, identity, options.timeoutMs, options.heavy, options.relatedAnswers);
}

import type { Neo4jGraphQLContext } from '@neo4j/graphql';
import type { Identity } from '../auth/createTokenVerifier';
import { createLoaders, type Loaders } from '../loaders/createLoaders';
import type { Logger } from '../logging/createLogger';
import type { Graph } from '../neo4j/createGraph';
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
}

/**
 * Given the request's scope and who is calling, returns a fresh per-request context with fresh
 * loaders. A verified token's claims go to @neo4j/graphql as `jwt` (it trusts a context jwt as
 * already verified, src/auth/createTokenVerifier.ts); the raw token is never handed on, so the
 * library cannot accept a token our claim checks refused.
 */
export function createContext(
  graph: Graph,
  scope: RequestScope,
  identity: Identity,
  options: { timeoutMs: number; heavy: HeavyLimiter },
): Context {
  return {
    graph,
    loaders: createLoaders(graph),
    requestId: scope.requestId,
    log: scope.log,
    heavy: options.heavy,
    ...(identity.kind === 'verified' ? { jwt: { ...identity.claims } } : {}),
    // The driver for @neo4j/graphql's generated fields (main.ts builds the schema before the database is up, without one).
    executionContext: graph.driver,
    sessionConfig: { database: graph.database },
    transaction: { timeout: options.timeoutMs },
  };
}

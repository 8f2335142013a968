import type { Neo4jGraphQLContext } from '@neo4j/graphql';
import { createLoaders, type Loaders } from '../loaders/createLoaders';
import type { Graph } from '../neo4j/createGraph';

/** What every resolver receives: the library's context plus the project's graph door and loaders. */
export interface Context extends Neo4jGraphQLContext {
  readonly graph: Graph;
  /** Per-request DataLoaders: custom fields under a list cost one query, not one per parent. */
  readonly loaders: Loaders;
}

/** Given the request's Authorization header, returns a fresh per-request context with fresh loaders. */
export function createContext(graph: Graph, authorization: string | undefined, timeoutMs: number): Context {
  return {
    graph,
    loaders: createLoaders(graph),
    token: authorization,
    sessionConfig: { database: graph.database },
    transaction: { timeout: timeoutMs },
  };
}

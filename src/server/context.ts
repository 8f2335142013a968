import type { Neo4jGraphQLContext } from '@neo4j/graphql';
import type { Graph } from '../neo4j/createGraph';

/** What every resolver receives: the library's context plus the project's graph door. */
export interface Context extends Neo4jGraphQLContext {
  readonly graph: Graph;
}

/** Given the request's Authorization header, returns a fresh per-request context. */
export function createContext(graph: Graph, authorization: string | undefined, timeoutMs: number): Context {
  return {
    graph,
    token: authorization,
    sessionConfig: { database: graph.database },
    transaction: { timeout: timeoutMs },
  };
}

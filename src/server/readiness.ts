import type { Graph } from '../neo4j/createGraph';

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: { readonly neo4j: string; readonly shuttingDown: boolean };
}

/** Tracks whether the API can serve: Neo4j answers a round trip and no shutdown has begun. */
export interface Readiness {
  check(): Promise<ReadinessReport>;
  /** Flips readiness to false for good, so load balancers stop routing before the drain. */
  beginShutdown(): void;
}

/** Given the graph, returns a Readiness whose check pings Neo4j on every call (one cheap round trip). */
export function createReadiness(graph: Graph): Readiness {
  let shuttingDown = false;
  return {
    async check() {
      if (shuttingDown) return { ready: false, checks: { neo4j: 'not checked', shuttingDown } };
      try {
        await graph.ping();
        return { ready: true, checks: { neo4j: 'ok', shuttingDown } };
      } catch (error) {
        return { ready: false, checks: { neo4j: `unreachable: ${(error as Error).message}`, shuttingDown } };
      }
    },
    beginShutdown() {
      shuttingDown = true;
    },
  };
}

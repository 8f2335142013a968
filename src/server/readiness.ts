import type { Logger } from '../logging/createLogger';
import type { Graph } from '../neo4j/createGraph';

/** What /readyz says: nothing about the database's internals, only whether to send traffic here. */
export type ReadinessStatus = 'ready' | 'unavailable' | 'draining';

/** Tracks whether the API can serve: Neo4j answers a round trip in time and no shutdown has begun. */
export interface Readiness {
  check(): Promise<ReadinessStatus>;
  /** Flips readiness to `draining` for good, so load balancers stop routing before the listener closes. */
  beginShutdown(): void;
}

/** The probe's deadline: /readyz answers within a second even when the database hangs. */
export const READINESS_PROBE_MS = 800;

/**
 * Given the graph, returns a Readiness whose check pings Neo4j (one cheap round trip) with a
 * short deadline. Checks that arrive while a probe is out share it, so a hung database never
 * piles probes up. Why the database is unreachable is logged (at warn, once per change), never
 * answered: the body of /readyz is for load balancers, not for the public.
 */
export function createReadiness(graph: Graph, options: { logger?: Logger; probeMs?: number } = {}): Readiness {
  const probeMs = options.probeMs ?? READINESS_PROBE_MS;
  let shuttingDown = false;
  let inFlight: Promise<ReadinessStatus> | undefined;
  let last: ReadinessStatus = 'ready';

  const probe = async (): Promise<ReadinessStatus> => {
    try {
      await graph.ping(probeMs);
      if (last !== 'ready') options.logger?.info('Neo4j answers again: ready');
      return (last = 'ready');
    } catch (error) {
      if (last === 'ready') {
        options.logger?.warn({ reason: error instanceof Error ? error.message : String(error) }, 'Neo4j unreachable: not ready');
      }
      return (last = 'unavailable');
    }
  };

  return {
    check() {
      if (shuttingDown) return Promise.resolve('draining');
      inFlight ??= probe().finally(() => (inFlight = undefined));
      return inFlight;
    },
    beginShutdown() {
      shuttingDown = true;
    },
  };
}

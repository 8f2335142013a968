import { fieldDashboard } from '../analytics/dashboard/fieldDashboard';
import { movementImpact } from '../analytics/movement/movementImpact';
import { influenceNetwork } from '../analytics/network/influenceNetwork';
import { connectionPath } from '../analytics/path/connectionPath';
import type { Logger } from '../logging/createLogger';
import type { Graph } from '../neo4j/createGraph';

/** An id no node has: each statement runs to its first MATCH, finds nothing, and costs only its planning. */
const NOBODY = '__warm-up__';
/** Planning the largest statements takes seconds on a busy machine; this is not a request's budget. */
const WARM_UP_TIMEOUT_MS = 120_000;

/**
 * Given the graph, plans the heaviest request-time statements once, so that no client's request
 * pays for it: Neo4j plans each statement anew for every combination of parameter types (a
 * period given or null), and movementImpact took 4 to 10 s to plan on this machine, enough for a
 * first request after a start, a restart or a cleared cache to run past QUERY_TIMEOUT_MS (the
 * fuzz suite found it). Runs the statements with ids that match nothing (cheap at any scale), one
 * at a time, in the background; failures are logged and change nothing. Returns the time taken.
 */
export async function warmUpPlans(apiGraph: Graph, logger: Logger): Promise<number> {
  const started = Date.now();
  const graph = apiGraph.withTimeout(WARM_UP_TIMEOUT_MS);
  const periods = [
    { from: null, to: null },
    { from: '2000-01-01', to: '2000-12-31' },
    { from: '2000-01-01', to: null },
    { from: null, to: '2000-12-31' },
  ];
  const work: (() => Promise<unknown>)[] = [
    ...periods.map((period) => () => movementImpact(graph, `movement:${NOBODY}`, { ...period, replicationWindowDays: 365 })),
    ...[null, `place:${NOBODY}`].flatMap((place) => [
      () => fieldDashboard(graph, `field:${NOBODY}`, place, '2000-01-01', '2000-12-31', { ids: true }),
      () => fieldDashboard(graph, `field:${NOBODY}`, place, '2000-01-01', '2000-12-31', { ids: false }),
    ]),
  ];
  // The network analytic also warms the Graph Data Science library (its first projection took
  // 10 s here): around one real person, one hop, a small limit, cheap at any scale.
  const [person] = await graph.read('MATCH (p:Person) RETURN p.id AS id LIMIT 1').catch(() => []);
  if (typeof person?.id === 'string') {
    for (const depth of [1, 2]) {
      work.push(() =>
        influenceNetwork(graph, { ids: [person.id as string] }, { depth, limit: 20, engine: null, recompute: true }),
      );
    }
  }
  work.push(() => connectionPath(graph, `person:${NOBODY}`, `event:${NOBODY}`, 6, false));
  for (const run of work) {
    await run().catch((error: unknown) => logger.warn({ err: error }, 'warming a query plan failed'));
  }
  return Date.now() - started;
}

import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { buildDashboardCube, markDashboardCubeStale } from '../analytics/buildDashboardCube';
import type { Graph } from '../neo4j/createGraph';

/**
 * Keeps the dashboard cube true to the graph when editors write through the API: every mutation
 * marks the cube stale before its response is sent (so no dashboard read after it sees older
 * figures; they are answered live meanwhile), then a rebuild runs in the background, once for a
 * burst of mutations (debounced) and never two at a time in this process.
 */
export function cubeRefreshPlugin(graph: Graph, log: (message: string, detail?: unknown) => void, delayMs = 1_000): ApolloServerPlugin {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const rebuild = (): void => {
    timer = undefined;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = buildDashboardCube(graph)
      .then((report) => log(`Dashboard cube rebuilt: ${report.cells} cells in ${report.millis} ms${report.stale ? ' (stale again: more edits came in)' : ''}`))
      .catch((error: unknown) => log('Dashboard cube rebuild failed; dashboards are answered live until the next one', error))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = (): void => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(rebuild, delayMs);
  };

  return {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse({ operation }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          await markDashboardCubeStale(graph);
          schedule();
        },
      });
    },
    serverWillStart() {
      return Promise.resolve({
        async serverWillStop() {
          stopped = true;
          clearTimeout(timer);
          await running;
        },
      });
    },
  };
}

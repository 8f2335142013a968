import { spawn, type ChildProcess } from 'node:child_process';
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { markDashboardCubeStale } from '../analytics/dashboard/cubeState';
import { buildDashboardCube } from '../jobs/dashboardCube/buildDashboardCube';
import { connectionEnvironment, type DatabaseConfig } from '../config';
import { DASHBOARD_CUBE_MAIN } from '../jobs/dashboardCube/jobEntry';
import type { Logger } from '../logging/createLogger';
import type { Graph } from '../neo4j/createGraph';
import { requestChangedFacts } from '../writes/requestChangedFacts';
import type { Context } from './context';

/** Builds the dashboard cube and says how it went, in one line. */
export type CubeBuilder = () => Promise<string>;

/** Given a graph, returns a builder that builds the cube in this process (fine for seed-sized graphs and tests). */
export function inProcessCubeBuilder(graph: Graph): CubeBuilder {
  return async () => {
    const report = await buildDashboardCube(graph);
    return `${report.cells} cells in ${report.millis} ms${report.stale ? ' (stale again: more edits came in)' : ''}`;
  };
}

/** A build over 1M nodes peaks near 4 GB RSS (measured at L), at Node's default heap limit on this machine; leave room. */
const BUILD_HEAP_MB = 6_144;

/**
 * Given the database settings, returns a builder that runs the cube job (jobs/dashboardCube/main)
 * as a child process against the same database: a national-scale build holds gigabytes for a
 * minute, which must not weigh on the API process (docs/ARCHITECTURE.md: RSS ≤ 300 MB). The child runs with
 * this process's Node flags (under tsx they load TypeScript; compiled, there are none) unless
 * `execArgv` is given (a test runner whose own flags do not load TypeScript names a loader).
 */
export function childProcessCubeBuilder(database: DatabaseConfig, options: { execArgv?: readonly string[] } = {}): CubeBuilder {
  const execArgv = options.execArgv ?? process.execArgv;
  // The running server's address and credentials (the embedded one's too), so the child starts no database of its own.
  const env = { ...process.env, ...connectionEnvironment(database) };
  return () =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...execArgv, `--max-old-space-size=${BUILD_HEAP_MB}`, DASHBOARD_CUBE_MAIN], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      runningJobs.add(child);
      child.once('exit', () => runningJobs.delete(child));
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => {
        const last = output.trim().split('\n').pop() ?? '';
        if (code === 0) resolve(last);
        else reject(new Error(`the dashboard cube job exited ${String(code)}: ${last}`));
      });
    });
}

/** Cube jobs running now in child processes, so a shutdown can stop them instead of leaving them behind. */
const runningJobs = new Set<ChildProcess>();

/** Stops every cube job this process started (SIGTERM; the cube being built is never switched in), for a clean shutdown. */
export function stopCubeJobs(): void {
  for (const child of runningJobs) child.kill('SIGTERM');
}

/**
 * Keeps the dashboard cube true to the graph when editors write through the API: every mutation
 * that changed a fact (it left revisions, writes/requestChangedFacts.ts) marks the cube stale
 * before its response is sent (so no dashboard read after it sees older figures; they are
 * answered live meanwhile), then a rebuild runs in the background, once for a burst of mutations
 * (debounced) and never two at a time in this process. A refused mutation, one that matched
 * nothing or changed no value, leaves the cube as it is.
 */
export function cubeRefreshPlugin(
  graph: Graph,
  build: CubeBuilder,
  logger: Logger,
  delayMs = 1_000,
): ApolloServerPlugin<Context> {
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
    running = build()
      .then((summary) => logger.info(`Dashboard cube rebuilt: ${summary}`))
      .catch((error: unknown) =>
        logger.error({ err: error }, 'Dashboard cube rebuild failed; dashboards are answered live until the next one'),
      )
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
        async willSendResponse({ operation, response, contextValue }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          // A refused or failed mutation (no data) wrote nothing, in one rolled-back transaction: it
          // must not set the cube aside, or anyone could keep dashboards live and the cube rebuilding.
          if (
            response.body.kind === 'single' &&
            (response.body.singleResult.data === null || response.body.singleResult.data === undefined)
          ) {
            return;
          }
          // Authorised or not, a mutation that changed nothing must not set the cube aside either.
          if (!(await requestChangedFacts(graph, contextValue.writes))) return;
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

import { spawn, type ChildProcess } from 'node:child_process';
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { clearDashboardCubeStale, markDashboardCubeStale, type CubeMark } from '../analytics/dashboard/cubeState';
import { applyRevisionsToCube, revisionsOfRequests, type WritingRequest } from '../jobs/dashboardCube/applyEditsToCube';
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

/** How many of this process's recent marks are remembered (see `marked` in cubeRefreshPlugin). */
const MARKS_KEPT = 100;

/** How the cube follows edits: updating the cells they touch (rebuilding whole only when it must), or always rebuilding whole. */
export type CubeMaintenance = 'incremental' | 'rebuild';

/**
 * Keeps the dashboard cube true to the graph when editors write through the API: every mutation
 * that changed a fact (it left revisions, writes/requestChangedFacts.ts) marks the cube stale
 * before its response is sent (so no dashboard read after it sees older figures; they are
 * answered live meanwhile). Then, incrementally (the default), the edits of a burst (debounced)
 * are applied together: the cells of the fields they touch are recomputed from the facts by the
 * full build's rule (jobs/dashboardCube/applyEditsToCube.ts) and the cube is read again. A whole
 * rebuild runs in the background instead when the edits call for one (a large import, a change
 * to places or agencies), when the cube was stale for another reason, or with `rebuild`; once for
 * a burst and never two at a time in this process. A refused mutation, one that matched nothing
 * or changed no value, leaves the cube as it is. One API process is assumed to apply its own
 * edits; a second process's edits are applied by that process.
 */
export function cubeRefreshPlugin(
  graph: Graph,
  build: CubeBuilder,
  logger: Logger,
  delayMs = 1_000,
  maintenance: CubeMaintenance = 'incremental',
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
  const rebuildPending = () => timer !== undefined || running !== undefined;

  // Edits waiting to be applied to the cube's cells, with the mark each left.
  let edits: { writes: WritingRequest; mark: CubeMark }[] = [];
  // Marks being written now, and the change counts this process's recent marks left: a cube found
  // stale by the previous count of ours is stale because of our own edit, whose batch may have been
  // applied (and failed to clear it, this mark having come in) while this mark was written.
  let marking = 0;
  const marked = new Set<number>();
  let editTimer: NodeJS.Timeout | undefined;
  let applying: Promise<void> | undefined;

  const applyEdits = async (batch: readonly { writes: WritingRequest; mark: CubeMark }[]): Promise<void> => {
    const revisions = await revisionsOfRequests(
      graph,
      batch.map((e) => e.writes),
    );
    const result = await applyRevisionsToCube(graph, revisions);
    if (!result.refreshed) {
      logger.info(`Dashboard cube: rebuilding whole after ${batch.length} edit(s): ${result.reason}`);
      schedule();
      return;
    }
    // The latest mark: cleared only when no edit came in since (it will clear the cube itself).
    const last = batch.reduce((latest, e) => (e.mark.changes > latest.changes ? e.mark : latest), batch[0]!.mark);
    const { cleared, versionChanged } = await clearDashboardCubeStale(graph, last);
    // A build switched in a version that may predate these edits: rebuild.
    if (!cleared && versionChanged) schedule();
    logger.info(
      `Dashboard cube updated for ${batch.length} edit(s): ${result.fields} fields, ${result.written} cells written, ${result.deleted} deleted in ${result.millis} ms${cleared ? '' : ' (more edits came in)'}`,
    );
  };
  const applyQueued = (): void => {
    editTimer = undefined;
    if (stopped || applying || edits.length === 0) return;
    const batch = edits;
    edits = [];
    applying = applyEdits(batch)
      .catch((error: unknown) => {
        logger.error({ err: error }, 'Dashboard cube update failed; rebuilding it whole');
        schedule();
      })
      .finally(() => {
        applying = undefined;
        if (edits.length > 0) scheduleEdits();
      });
  };
  const scheduleEdits = (): void => {
    if (stopped) return;
    clearTimeout(editTimer);
    editTimer = setTimeout(applyQueued, delayMs);
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
          marking += 1;
          let mark: CubeMark | null;
          try {
            mark = await markDashboardCubeStale(graph);
          } finally {
            marking -= 1;
          }
          const ours =
            edits.length > 0 || applying !== undefined || marking > 0 || (mark !== null && marked.has(mark.changes - 1));
          if (mark !== null) {
            marked.add(mark.changes);
            for (const changes of marked) if (changes < mark.changes - MARKS_KEPT) marked.delete(changes);
          }
          // Stale already for a reason other than this process's pending edits (a build to come, another layout): rebuild.
          if (maintenance === 'rebuild' || mark === null || rebuildPending() || (mark.wasStale && !ours)) {
            schedule();
            return;
          }
          edits.push({ writes: { requestId: contextValue.writes.requestId, startedAt: contextValue.writes.startedAt }, mark });
          scheduleEdits();
        },
      });
    },
    serverWillStart() {
      return Promise.resolve({
        async serverWillStop() {
          stopped = true;
          clearTimeout(timer);
          clearTimeout(editTimer);
          await applying;
          await running;
        },
      });
    },
  };
}

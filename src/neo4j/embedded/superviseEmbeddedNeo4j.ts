import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions, type JvmExit } from './startEmbeddedNeo4j';

/** running: serving; restarting: died and being started again; failed: gave up (the process cannot recover); stopped: stop() was called. */
export type SupervisorState = 'running' | 'restarting' | 'failed' | 'stopped';

export interface SupervisionOptions {
  /** Wait before the first restart; doubled after each failed one. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Consecutive failed restarts (or crashes of a server up less than stableAfterMs) before giving up. */
  readonly maxAttempts?: number;
  /** A server that stays up this long has recovered: its next crash starts the count again. */
  readonly stableAfterMs?: number;
  readonly onStateChange?: (state: SupervisorState) => void;
}

/** The embedded Neo4j under a supervisor: the same URI throughout, whatever JVM serves it now. */
export interface SupervisedNeo4j {
  readonly uri: string;
  readonly boltPort: number;
  /** The pid of the JVM serving now (another one after a restart), undefined while none runs. */
  pid(): number | undefined;
  state(): SupervisorState;
  /** How many times it was restarted after dying. */
  restarts(): number;
  /** Stops supervising, then stops the server (cleanly, SIGTERM) and waits for its JVM to exit. */
  stop(): Promise<void>;
}

function describeExit(exit: JvmExit): string {
  return exit.signal !== null ? `killed by ${exit.signal}` : `exited with code ${String(exit.code)}`;
}

/**
 * Given how to start the embedded Neo4j, starts it and keeps it running: when its JVM dies
 * without stop() (a crash, an out-of-memory kill, kill -9), starts it again on the same Bolt port
 * and data folder after a backoff (1 s, 2 s, 4 s … up to maxBackoffMs), so the API's driver finds
 * it where it was and recovers by itself. After maxAttempts failures in a row it gives up (state
 * `failed`): /livez then fails, so an orchestrator restarts the whole process. `start` is the
 * starter (tests give a counting one).
 */
export async function superviseEmbeddedNeo4j(
  options: EmbeddedOptions,
  supervision: SupervisionOptions = {},
  start: (options: EmbeddedOptions) => Promise<EmbeddedNeo4j> = startEmbeddedNeo4j,
): Promise<SupervisedNeo4j> {
  const log = options.log ?? ((line: string) => console.log(line));
  const initialBackoffMs = supervision.initialBackoffMs ?? 1_000;
  const maxBackoffMs = supervision.maxBackoffMs ?? 30_000;
  const maxAttempts = supervision.maxAttempts ?? 8;
  const stableAfterMs = supervision.stableAfterMs ?? 60_000;

  let current: EmbeddedNeo4j | undefined = await start(options);
  const boltPort = current.boltPort;
  const uri = current.uri;
  let state: SupervisorState = 'running';
  let startedAt = Date.now();
  let failures = 0;
  let restarts = 0;
  let recovering: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;

  const setState = (next: SupervisorState) => {
    state = next;
    supervision.onStateChange?.(next);
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const recover = async (exit: JvmExit, pid: number | undefined): Promise<void> => {
    if (Date.now() - startedAt >= stableAfterMs) failures = 0;
    current = undefined;
    setState('restarting');
    log(`Neo4j (pid ${String(pid)}) ${describeExit(exit)}; restarting it on port ${boltPort}`);
    while (state === 'restarting') {
      failures += 1;
      if (failures > maxAttempts) {
        setState('failed');
        log(`Neo4j could not be restarted after ${maxAttempts} attempts; giving up (/livez now fails)`);
        return;
      }
      await sleep(Math.min(maxBackoffMs, initialBackoffMs * 2 ** (failures - 1)));
      if (state !== 'restarting') return;
      try {
        const server = await start({ ...options, boltPort });
        if (state !== 'restarting') {
          await server.stop();
          return;
        }
        current = server;
        startedAt = Date.now();
        restarts += 1;
        setState('running');
        watch(server);
        log(`Neo4j restarted (pid ${String(server.pid)}, restart ${restarts})`);
      } catch (error) {
        log(`Neo4j restart attempt ${failures} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
  };

  const watch = (server: EmbeddedNeo4j) => {
    void server.exited.then((exit) => {
      if (server !== current || state !== 'running') return;
      recovering = recover(exit, server.pid).finally(() => (recovering = undefined));
    });
  };
  watch(current);

  return {
    uri,
    boltPort,
    pid: () => current?.pid,
    state: () => state,
    restarts: () => restarts,
    async stop() {
      setState('stopped');
      wakeUp?.();
      await recovering;
      await current?.stop();
      current = undefined;
    },
  };
}

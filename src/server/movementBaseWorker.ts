import { fork, type ChildProcess } from 'node:child_process';
import type { MovementImpact, MovementImpactPeriod } from '../analytics/movement/movementImpact';
import type { MovementBaseWork, ReadBase, WeighedAnswer } from '../analytics/movement/movementImpactBases';
import type { AnalysisNode } from '../analytics/shared/figures';
import { StringPool } from '../analytics/shared/strings';
import { connectionEnvironment, type DatabaseConfig } from '../config';
import { DatabaseUnavailableError, QueryTimeoutError } from '../errors/domainErrors';
import { MOVEMENT_BASE_MAIN } from '../jobs/movementBase/jobEntry';
import { unwrapStrings, type WorkFailure, type WorkReply, type WorkRequest } from '../jobs/movementBase/protocol';

/**
 * How long the worker waits with nothing to do before it is let go: a dashboard asks its
 * movements' periods in a burst, and once their bases and answers are kept the API needs the
 * worker again only after an edit or for a new period; a worker started again costs about a second.
 */
export const WORKER_IDLE_MS = 60_000;

/**
 * Distinct texts the API's pool of the worker's strings may hold before it starts again: the ids of
 * a few provincial bases and their answers, or of one national base (StringPool).
 */
export const MOVEMENT_STRINGS_MAX = 200_000;

/** The movement base work with the process it runs in, which the API stops on shutdown. */
export interface MovementBaseWorker extends MovementBaseWork<MovementImpact> {
  /** Stops the worker, if running; requests waiting on it fail as the database's would (try again). */
  stop(): void;
  /** The worker's process id, or undefined when none runs (for the tests and the bench). */
  readonly pid: number | undefined;
}

/** A request before it is numbered. */
type WorkQuestion =
  | { readonly op: 'read'; readonly id: string; readonly period: MovementImpactPeriod }
  | {
      readonly op: 'derive';
      readonly movement: AnalysisNode;
      readonly packed: Uint8Array;
      readonly period: MovementImpactPeriod;
    };

/** Given a failure as it crossed, returns the error the API answers with: the database's own classes keep their codes. */
function errorOf(failure: WorkFailure): Error {
  if (failure.name === 'QueryTimeoutError') return new QueryTimeoutError();
  if (failure.name === 'DatabaseUnavailableError') return new DatabaseUnavailableError(failure.message);
  return Object.assign(new Error(`movement base worker: ${failure.message}`), failure.code ? { code: failure.code } : {});
}

/**
 * A buffer of its own with the bytes as they crossed: what advanced serialization gives back is a
 * view into the whole message, which keeping it would keep (the answer's serialized form too).
 */
function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes);
}

/**
 * Given the database settings, returns movement base work done in a child process
 * (jobs/movementBase/main.ts) against the same running server: reading a national movement's base
 * and deriving a period's answer hold hundreds of megabytes for a few seconds, which must not weigh
 * on the API process (docs/ARCHITECTURE.md: peak RSS ≤ 500 MB at L). The API keeps what comes back
 * (movementImpactBases.ts), each distinct string once (protocol.ts: wrapStrings). The worker starts on the first request and
 * is let go after WORKER_IDLE_MS with nothing to do; when it dies, the requests waiting on it fail
 * with DATABASE_UNAVAILABLE (try again) and the next request starts another. It runs with this
 * process's Node flags (under tsx they load TypeScript; compiled, there are none) unless `execArgv`
 * is given (a test runner whose own flags do not load TypeScript names a loader).
 */
export function childProcessBaseWork(
  database: DatabaseConfig,
  options: { execArgv?: readonly string[]; idleMs?: number } = {},
): MovementBaseWorker {
  const execArgv = [...(options.execArgv ?? process.execArgv)];
  const idleMs = options.idleMs ?? WORKER_IDLE_MS;
  // The running server's address and credentials (the embedded one's too), so the child starts no database of its own.
  const env = { ...process.env, ...connectionEnvironment(database) };
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let child: ChildProcess | undefined;
  let idle: NodeJS.Timeout | undefined;
  let sent = 0;
  // What the API keeps from the worker's replies (bases' touched ids, answers for several periods)
  // shares its ids across replies; a national base alone names some 300,000.
  const strings = new StringPool(MOVEMENT_STRINGS_MAX);

  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const start = (): ChildProcess => {
    const started = fork(MOVEMENT_BASE_MAIN, [], {
      execArgv,
      env,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    started.on('message', (reply: WorkReply) => {
      const request = waiting.get(reply.n);
      if (!request) return;
      waiting.delete(reply.n);
      if ('error' in reply) request.reject(errorOf(reply.error));
      else request.resolve(reply.value);
      if (waiting.size === 0) {
        idle = setTimeout(() => started.disconnect(), idleMs);
        idle.unref();
      }
    });
    started.once('exit', (code, signal) => {
      if (child === started) child = undefined;
      failAll(new DatabaseUnavailableError(`the movement base worker exited (${signal ?? `code ${code}`})`));
    });
    started.once('error', (error) => failAll(new DatabaseUnavailableError(`the movement base worker failed: ${error.message}`)));
    // Let the API exit without waiting for its worker (stop() and the disconnect end it).
    started.unref();
    started.channel?.unref();
    return started;
  };
  const ask = <T>(request: WorkQuestion): Promise<T> => {
    clearTimeout(idle);
    const worker = child?.connected ? child : (child = start());
    const n = ++sent;
    return new Promise<T>((resolve, reject) => {
      waiting.set(n, { resolve: resolve as (value: unknown) => void, reject });
      const message: WorkRequest = { ...request, n };
      worker.send(message, (error) => {
        if (error && waiting.delete(n)) {
          reject(new DatabaseUnavailableError(`the movement base worker could not be asked: ${error.message}`));
        }
      });
    });
  };

  return {
    async read(_graph, id: string, period: MovementImpactPeriod) {
      const read = await ask<ReadBase<MovementImpact> | null>({ op: 'read', id, period });
      if (read === null) return null;
      // The ids the base touches and those its answer lists, each held once (they crossed wrapped).
      const { packed, ...rest } = read;
      return { ...unwrapStrings(rest, strings), packed: bufferOf(packed) };
    },
    async derive(movement: AnalysisNode, packed: Uint8Array, period: MovementImpactPeriod) {
      return unwrapStrings(await ask<WeighedAnswer<MovementImpact>>({ op: 'derive', movement, packed, period }), strings);
    },
    stop() {
      clearTimeout(idle);
      child?.kill('SIGTERM');
      child = undefined;
    },
    get pid() {
      return child?.pid;
    },
  };
}

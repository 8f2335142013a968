import { OverloadedError } from '../errors/domainErrors';

/** Runs work under the heavy-analytics limit, or throws OverloadedError when it cannot start in time. */
export type HeavyLimiter = <T>(what: string, work: () => Promise<T>) => Promise<T>;

export interface HeavyLimits {
  /** How many run at once (2 on a 2-core machine: each keeps a database core busy). */
  readonly concurrency: number;
  /** How many may wait for a slot; one more is refused at once. */
  readonly queue: number;
  /** How long one may wait; then it is refused. */
  readonly queueTimeoutMs: number;
}

export interface HeavyLimiterStats {
  running(): number;
  waiting(): number;
}

/**
 * Given the limits, returns a limiter for the heavy analytics: at most `concurrency` run at once,
 * at most `queue` wait (first come, first served) and none longer than queueTimeoutMs; anything
 * else is refused with OverloadedError (503, Retry-After) instead of queueing without bound, so a
 * burst of heavy requests cannot hold every database connection and starve the cheap reads.
 * `onRefused` counts refusals (metrics).
 */
export function createHeavyLimiter(
  limits: HeavyLimits,
  onRefused: (what: string) => void = () => undefined,
): HeavyLimiter & HeavyLimiterStats {
  let running = 0;
  const waiting: { start: () => void; timer: NodeJS.Timeout | undefined }[] = [];
  const retryAfter = Math.max(1, Math.ceil(limits.queueTimeoutMs / 1000));

  // A finished run hands its slot straight to the first in line, so no newcomer can take it in between.
  const release = () => {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    } else {
      running -= 1;
    }
  };

  const limiter = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    if (running >= limits.concurrency) {
      if (waiting.length >= limits.queue) {
        onRefused(what);
        throw new OverloadedError(what, retryAfter);
      }
      await new Promise<void>((resolve, reject) => {
        const entry: (typeof waiting)[number] = { start: resolve, timer: undefined };
        entry.timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          onRefused(what);
          reject(new OverloadedError(what, retryAfter));
        }, limits.queueTimeoutMs);
        waiting.push(entry);
      });
    } else {
      running += 1;
    }
    try {
      return await work();
    } finally {
      release();
    }
  };
  return Object.assign(limiter, { running: () => running, waiting: () => waiting.length });
}

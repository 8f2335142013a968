import { performance } from 'node:perf_hooks';
import type { CapturedStatement, RawRunner } from './rawDriver';
import { summarise, type PhaseStats } from './stats';

/**
 * Given a raw runner, the statements of each request (as the API sent them), a number of
 * concurrent clients and a duration, replays the requests round-robin for that long, and on until
 * every request was sent at least once (within maxExtraSeconds more), and returns their latency
 * and throughput: the baseline the API is compared with.
 */
export async function runRawPhase(
  runner: RawRunner,
  requests: readonly (readonly CapturedStatement[])[],
  connections: number,
  seconds: number,
  maxExtraSeconds = 60,
): Promise<PhaseStats> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const hardDeadline = deadline + maxExtraSeconds * 1000;
  const more = () => {
    const now = performance.now();
    return now < deadline || (next < requests.length && now < hardDeadline);
  };
  const client = async () => {
    while (more()) {
      const statements = requests[next++ % requests.length] ?? [];
      const t0 = performance.now();
      try {
        await runner.run(statements);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  return summarise(latencies, (performance.now() - started) / 1000, connections, errors);
}

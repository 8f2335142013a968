/** Latency and throughput of one measured phase. */
export interface PhaseStats {
  readonly connections: number;
  readonly requests: number;
  readonly seconds: number;
  /** Requests per second over the phase. */
  readonly rps: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Failed requests: socket errors, timeouts, non-2xx and GraphQL errors. */
  readonly errors: number;
}

/** Given samples and q in [0, 1], returns the nearest-rank quantile (0 for no samples). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Given the response times (ms) of a phase, its length and its failures, returns its PhaseStats. */
export function summarise(latencies: readonly number[], seconds: number, connections: number, errors: number): PhaseStats {
  const sorted = Float64Array.from(latencies).sort();
  const list = Array.from(sorted);
  return {
    connections,
    requests: latencies.length,
    seconds: round(seconds),
    rps: round(seconds > 0 ? latencies.length / seconds : 0, 1),
    p50: round(quantile(list, 0.5)),
    p95: round(quantile(list, 0.95)),
    p99: round(quantile(list, 0.99)),
    max: round(list[list.length - 1] ?? 0),
    errors,
  };
}

/**
 * The HTTP load generator, run as a child process of the bench so that autocannon's own work
 * never shares an event loop with the API it measures. It receives LoadJobs over IPC and answers
 * each with a LoadResult holding every response time, so the parent computes exact percentiles.
 */
import autocannon from 'autocannon';

/** One measured phase: a fixed number of connections for a fixed time, cycling through the requests. */
export interface LoadJob {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** POST bodies for /graphql, or GET paths; one of the two. */
  readonly bodies?: readonly string[];
  readonly paths?: readonly string[];
  /** Send exactly this many requests instead of running for durationSeconds. */
  readonly amount?: number;
  /** Start the round-robin at this variable set (to continue a previous job's cycle). */
  readonly offset?: number;
  /** Headers sent with every request, beside content-type and accept. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LoadResult {
  /** Every response time in milliseconds, in arrival order. */
  readonly latencies: number[];
  readonly requests: number;
  readonly seconds: number;
  /** Socket errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  /** 2xx responses whose GraphQL body carried `errors`. */
  readonly graphqlErrors: number;
  readonly firstError: string | undefined;
}

/** Given a job, runs autocannon and returns what it measured. */
export async function runLoadJob(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let firstError: string | undefined;
  let next = job.offset ?? 0;
  const bodies = job.bodies ?? [];
  const paths = job.paths ?? [];
  const request: autocannon.Request = {
    method: bodies.length > 0 ? 'POST' : 'GET',
    path: bodies.length > 0 ? '/graphql' : (paths[0] ?? '/'),
    headers: { ...job.headers, 'content-type': 'application/json', accept: 'application/json' },
    // One shared counter: the connections together walk the variable sets round-robin.
    setupRequest: (req) => {
      const i = next++;
      if (bodies.length > 0) return { ...req, body: bodies[i % bodies.length] };
      return { ...req, path: paths[i % paths.length] };
    },
    onResponse: (status, body) => {
      if (status >= 200 && status < 300 && body.includes('"errors"')) {
        graphqlErrors++;
        firstError ??= body.slice(0, 500);
      } else if (status >= 300) firstError ??= `HTTP ${status}: ${body.slice(0, 500)}`;
    },
  };
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    ...(job.amount === undefined ? { duration: job.durationSeconds } : { amount: job.amount }),
    timeout: 30,
    requests: [request],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  return {
    latencies,
    requests: result.requests.total,
    seconds: result.duration,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    firstError,
  };
}

if (require.main === module && typeof process.send === 'function') {
  process.on('message', (job: LoadJob) => {
    runLoadJob(job).then(
      (result) => process.send?.({ ok: true, result }),
      (error: unknown) => process.send?.({ ok: false, error: String(error) }),
    );
  });
}

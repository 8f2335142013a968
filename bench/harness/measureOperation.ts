import type { GraphQLSchema } from 'graphql';
import { toNeo4jParams } from '../../src/neo4j/values';
import type { SizeName } from '../synthetic/profiles';
import type { LoadRunner } from './loadRunner';
import {
  MAX_API_RAW_RATIO,
  type BenchContext,
  type BenchOperation,
  type BuiltDocument,
  type Target,
  type Variables,
} from './operation';
import type { CapturedStatement, RawRunner, StatementTap } from './rawDriver';
import { runRawPhase } from './rawPhase';
import type { OperationResult, TargetResult } from './result';
import { summarise, type PhaseStats } from './stats';

export interface MeasureEnvironment {
  /** The API the variable sets are checked and the statements captured through (in this process). */
  readonly url: string;
  /** The API the timed phases load: the compiled API in a process of its own, or the same as url. */
  readonly loadUrl: string;
  /** Starts sampling the measured API's memory during a phase; stop() returns the peaks in MB (heap only when in this process). */
  readonly sampleMemory: () => { stop(): { rssMb: number; heapUsedMb?: number; childRssMb?: number } };
  readonly schema: GraphQLSchema;
  readonly size: SizeName;
  readonly seconds: number;
  readonly tap: StatementTap;
  /** Statements sent through the project's Graph (custom resolvers), counted by its onQuery hook. */
  readonly graphStatements: () => number;
  readonly load: LoadRunner;
  readonly raw: RawRunner;
  readonly context: (operation: BenchOperation) => BenchContext;
  readonly log: (line: string) => void;
  /** The API's last unexpected error, which its masked answers do not show. */
  readonly lastApiError: () => string | undefined;
}

type Resolved =
  | { kind: 'graphql'; built: BuiltDocument }
  | { kind: 'get'; path: (v: Variables) => string }
  | { kind: 'pending'; reason: string };

async function resolve(operation: BenchOperation, env: MeasureEnvironment): Promise<Resolved> {
  const field = operation.needs?.queryField;
  if (field && !env.schema.getQueryType()?.getFields()[field]) {
    return { kind: 'pending', reason: `Query.${field} is not in the schema yet` };
  }
  const route = operation.needs?.route;
  if (route) {
    const response = await fetch(`${env.url}${route}`);
    await response.arrayBuffer();
    if (response.status === 404) return { kind: 'pending', reason: `GET ${route} is not served yet (404)` };
  }
  if (operation.path) return { kind: 'get', path: operation.path };
  const document = typeof operation.document === 'function' ? operation.document(env.schema) : operation.document;
  if (document === undefined) return { kind: 'pending', reason: 'the entry has neither a document nor a path' };
  if (typeof document === 'string') return { kind: 'graphql', built: { document, variables: (v) => v } };
  if ('pending' in document) return { kind: 'pending', reason: document.pending };
  return { kind: 'graphql', built: document };
}

async function send(
  env: { url: string },
  request: { body?: string; path?: string },
  headers: Readonly<Record<string, string>> = {},
): Promise<string | undefined> {
  const response = request.body
    ? await fetch(`${env.url}/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: request.body,
      })
    : await fetch(`${env.url}${request.path ?? '/'}`, { headers });
  const text = (await response.text()).trim();
  if (response.status >= 300) return `HTTP ${response.status}: ${text.slice(0, 400)}`;
  if (request.body && text.includes('"errors"')) return text.slice(0, 400);
  return undefined;
}

/** Extra time a phase may take to send every variable set at least once. */
const MAX_EXTRA_SECONDS = 60;

/** Samples this process's resident memory and V8 heap in use while a phase runs; returns the peaks in MB. */
export function sampleOwnMemory(): { stop(): { rssMb: number; heapUsedMb: number } } {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { rssMb: Math.round(rss / 2 ** 20), heapUsedMb: Math.round(heap / 2 ** 20) };
    },
  };
}

function judge(target: Target, api: { c1: PhaseStats; c8: PhaseStats }, size: SizeName): TargetResult {
  const phase = target.connections === 1 ? api.c1 : api.c8;
  const note = size === target.size ? undefined : `target stated for size ${target.size}; this run is ${size}`;
  if (target.kind === 'latency') {
    const value = phase[target.stat];
    return {
      label: `${target.stat} at ${target.connections} conn`,
      value,
      unit: 'ms',
      limit: `≤ ${target.maxMs} ms`,
      met: value <= target.maxMs,
      note,
    };
  }
  return {
    label: `throughput at ${target.connections} conn`,
    value: phase.rps,
    unit: 'req/s',
    limit: `≥ ${target.minRps} req/s`,
    met: phase.rps >= target.minRps,
    note,
  };
}

/** An operation measured through the API, waiting for its raw-driver baseline. */
export interface ApiMeasurement {
  readonly operation: BenchOperation;
  readonly variables: readonly Variables[];
  /** For each request, the statements the API sent (or the explicit baseline): what the raw phases replay. */
  readonly captured: readonly (readonly CapturedStatement[])[];
  readonly partial: OperationResult & { readonly api: { readonly c1: PhaseStats; readonly c8: PhaseStats } };
}

/**
 * Given an operation and the bench environment, measures it through the API: checks it exists,
 * prepares its variables, warms up, sends each variable set once capturing the statements the API
 * sends (the round-trip count and the raw baseline), then runs autocannon at 1 and 8 connections
 * while sampling this process's memory. Returns the measurement, or a pending or failed result.
 */
export async function measureApi(operation: BenchOperation, env: MeasureEnvironment): Promise<ApiMeasurement | OperationResult> {
  const base = { name: operation.name, what: operation.what };
  const resolved = await resolve(operation, env);
  if (resolved.kind === 'pending') return { ...base, status: 'pending', reason: resolved.reason, targets: [] };
  const variables = await operation.prepare(env.context(operation));
  if (variables.length === 0) return { ...base, status: 'failed', reason: 'prepare() returned no variables', targets: [] };
  const requests = variables.map((v) =>
    resolved.kind === 'graphql'
      ? { body: JSON.stringify({ query: resolved.built.document, variables: resolved.built.variables(v) }) }
      : { path: resolved.path(v) },
  );

  // One request first, so one-off work (the library's version check, caches) is not counted.
  const failed = (error: string) => {
    const logged = env.lastApiError();
    return {
      ...base,
      status: 'failed' as const,
      reason: `the API answered with an error: ${error}${logged ? ` (API log: ${logged})` : ''}`,
      targets: [],
    };
  };
  const first = await send(env, requests[0] ?? {}, operation.headers);
  if (first) return failed(first);
  const captured: CapturedStatement[][] = [];
  const before = { statements: env.tap.statements, transactions: env.tap.transactions, graph: env.graphStatements() };
  let maxStatements = 0;
  for (const [i, request] of requests.entries()) {
    const recording: CapturedStatement[] = [];
    env.tap.recording = recording;
    const error = await send(env, request, operation.headers);
    env.tap.recording = undefined;
    if (error) return failed(error);
    captured.push(explicitBaseline(operation, variables[i] ?? {}) ?? recording);
    maxStatements = Math.max(maxStatements, recording.length);
  }
  // The timed phases load another process: it answers each variable set once first (its own
  // one-off work: kept bases, caches), and must answer them as this one did.
  if (env.loadUrl !== env.url) {
    for (const request of requests) {
      const error = await send({ url: env.loadUrl }, request, operation.headers);
      if (error) return failed(error);
    }
  }
  const roundTrips = {
    perRequest: (env.tap.statements - before.statements) / requests.length,
    max: maxStatements,
    viaGraph: (env.graphStatements() - before.graph) / requests.length,
    transactions: (env.tap.transactions - before.transactions) / requests.length,
  };

  const job = {
    url: env.loadUrl,
    headers: operation.headers,
    ...(resolved.kind === 'graphql'
      ? { bodies: requests.map((r) => r.body ?? '') }
      : { paths: requests.map((r) => r.path ?? '/') }),
  };
  env.log(`${operation.name}: warming up, then ${env.seconds} s at 1 and 8 connections`);
  await env.load.run({ ...job, connections: 8, durationSeconds: Math.min(3, env.seconds) });
  const phase = async (connections: number) => {
    const memory = env.sampleMemory();
    let result = await env.load.run({ ...job, connections, durationSeconds: env.seconds });
    // A slow operation may not get through its variable sets in the time: finish the cycle, so
    // the API and the raw baseline are compared over the same mix (unless that would take long).
    const done = result.latencies.length;
    const missing = requests.length - done;
    const meanSeconds = done > 0 ? result.seconds / done : Infinity;
    if (missing > 0 && (meanSeconds * missing) / connections <= MAX_EXTRA_SECONDS) {
      const rest = await env.load.run({ ...job, connections, durationSeconds: env.seconds, amount: missing, offset: done });
      result = {
        ...rest,
        latencies: [...result.latencies, ...rest.latencies],
        requests: result.requests + rest.requests,
        seconds: result.seconds + rest.seconds,
        errors: result.errors + rest.errors,
        non2xx: result.non2xx + rest.non2xx,
        graphqlErrors: result.graphqlErrors + rest.graphqlErrors,
        firstError: result.firstError ?? rest.firstError,
      };
    }
    const stats = summarise(result.latencies, result.seconds, connections, result.errors + result.non2xx + result.graphqlErrors);
    if (result.firstError) env.log(`${operation.name}: errors under load (${stats.errors}): ${result.firstError}`);
    return { stats, memory: memory.stop() };
  };
  const c1 = await phase(1);
  const c8 = await phase(8);
  return {
    operation,
    variables,
    captured,
    partial: {
      ...base,
      status: 'measured',
      variableSets: variables.length,
      sample: requests[0]?.body ?? requests[0]?.path,
      api: { c1: c1.stats, c8: c8.stats },
      roundTrips,
      rssMaxMb: Math.max(c1.memory.rssMb, c8.memory.rssMb),
      ...(c1.memory.childRssMb === undefined || c8.memory.childRssMb === undefined
        ? {}
        : { childRssMaxMb: Math.max(c1.memory.childRssMb, c8.memory.childRssMb) }),
      ...(c1.memory.heapUsedMb === undefined || c8.memory.heapUsedMb === undefined
        ? {}
        : { heapUsedMaxMb: Math.max(c1.memory.heapUsedMb, c8.memory.heapUsedMb) }),
      targets: [],
    },
  };
}

/**
 * Given an API measurement, replays its captured statements through the raw driver at 1 and 8
 * clients for the same time, and returns the complete result with every target judged. Runs after
 * all API phases, so the baseline's garbage never counts against the API's memory.
 */
export async function addBaseline(measurement: ApiMeasurement, env: MeasureEnvironment): Promise<OperationResult> {
  const { operation, captured, partial } = measurement;
  env.log(`${operation.name}: raw-driver baseline, ${env.seconds} s at 1 and 8 clients`);
  const raw = {
    c1: await runRawPhase(env.raw, captured, 1, env.seconds, MAX_EXTRA_SECONDS),
    c8: await runRawPhase(env.raw, captured, 8, env.seconds, MAX_EXTRA_SECONDS),
  };
  const api = partial.api;
  const ratio = raw.c1.p50 > 0 ? Math.round((api.c1.p50 / raw.c1.p50) * 100) / 100 : null;
  const limit = operation.maxRoundTrips === undefined ? 1 : operation.maxRoundTrips;
  const roundTrips = partial.roundTrips;
  const targets: TargetResult[] = [
    ...operation.targets.map((t) => judge(t, api, env.size)),
    {
      label: 'API/raw p50 at 1 conn',
      value: ratio,
      unit: '×',
      limit: `≤ ${MAX_API_RAW_RATIO}×`,
      met: ratio === null ? null : ratio <= MAX_API_RAW_RATIO,
    },
    {
      label: 'round trips per request',
      value: roundTrips?.perRequest ?? null,
      unit: 'per request',
      limit: limit === null ? 'reported only' : `≤ ${limit}`,
      met: limit === null || !roundTrips ? null : roundTrips.max <= limit,
    },
  ];
  return { ...partial, raw, apiRawP50: ratio, targets };
}

function explicitBaseline(operation: BenchOperation, variables: Variables): CapturedStatement[] | undefined {
  if (!operation.baseline) return undefined;
  return [
    { cypher: operation.baseline.cypher, params: toNeo4jParams(operation.baseline.params(variables)) as Record<string, unknown> },
  ];
}

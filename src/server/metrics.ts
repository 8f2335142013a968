import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Kind, type DocumentNode } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { toApiError } from '../errors/toApiError';

/** What the cube looks like now (read at scrape time); undefined when it cannot be read. */
export type CubeStateReader = () => Promise<{ built: boolean; stale: boolean; buildMillis: number | null } | undefined>;

export interface MetricsSources {
  /** The dashboard cube's state, read when /metrics is scraped. */
  readonly cubeState: CubeStateReader;
  /** Heavy analytics running and waiting now. */
  readonly heavy: { running(): number; waiting(): number };
  /** Restarts of the embedded database by its supervisor (0 for an external server). */
  readonly databaseRestarts: () => number;
}

export interface Metrics {
  readonly registry: Registry;
  /** Counts a heavy analytic refused by the load shedder. */
  shed(operation: string): void;
  /** Counts a request refused by the rate limit. */
  limited(): void;
  /** The Apollo plugin that counts and times every GraphQL request by operation, and database errors. */
  plugin(): ApolloServerPlugin;
  /** GET /metrics for Prometheus, behind `Authorization: Bearer <token>`. */
  route(token: string): RequestHandler;
}

/** Distinct operation labels kept; later newcomers are counted under "other" (a client names operations, so it must not grow the label set without bound). */
const MAX_OPERATION_LABELS = 200;
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_+]{0,80}$/;

/** Given a parsed document and the operation name asked for, returns the root fields of the operation that runs (for unnamed operations). */
function rootFields(document: DocumentNode | undefined, operationName: string | null | undefined): string[] {
  const operation = document?.definitions.find(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      (operationName === null || operationName === undefined || d.name?.value === operationName),
  );
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return [];
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])).sort();
}

/**
 * Given where the gauges read from, returns the Prometheus metrics (prom-client, one registry
 * per app): `graphql_requests_total{operation,outcome}` and `graphql_request_duration_seconds
 * {operation}` (an operation is its name, or its root fields when unnamed), `database_errors_total
 * {kind}` (unavailable, timeout), `dashboard_cube_state{state}` and its build time,
 * `heavy_analytics_*` (running, waiting, refused), `rate_limited_total`, the supervisor's
 * restarts of the embedded database, and Node's process metrics (RSS, heap, event-loop lag).
 */
export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation and outcome (ok, or the first error code)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const databaseErrors = new Counter({
    name: 'database_errors_total',
    help: 'GraphQL requests that failed because of the database (unavailable, or a query past QUERY_TIMEOUT_MS)',
    labelNames: ['kind'],
    registers: [registry],
  });
  const shedCount = new Counter({
    name: 'heavy_analytics_refused_total',
    help: 'Heavy analytics refused with 503 because the server was saturated',
    labelNames: ['operation'],
    registers: [registry],
  });
  const limitedCount = new Counter({
    name: 'rate_limited_total',
    help: 'Requests refused with 429 by the per-client rate limit',
    registers: [registry],
  });
  new Gauge({
    name: 'heavy_analytics_running',
    help: 'Heavy analytics running now',
    registers: [registry],
    collect() {
      this.set(sources.heavy.running());
    },
  });
  new Gauge({
    name: 'heavy_analytics_waiting',
    help: 'Heavy analytics waiting for a slot now',
    registers: [registry],
    collect() {
      this.set(sources.heavy.waiting());
    },
  });
  new Gauge({
    name: 'embedded_neo4j_restarts',
    help: 'Times the supervisor restarted the embedded Neo4j after it died',
    registers: [registry],
    collect() {
      this.set(sources.databaseRestarts());
    },
  });
  const cubeStates = ['current', 'stale', 'missing', 'unknown'] as const;
  new Gauge({
    name: 'dashboard_cube_state',
    help: 'The dashboard cube: 1 for its state now (current, stale, missing, or unknown when the database cannot say)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const cube = await sources.cubeState().catch(() => undefined);
      const now = cube === undefined ? 'unknown' : !cube.built ? 'missing' : cube.stale ? 'stale' : 'current';
      for (const state of cubeStates) this.set({ state }, state === now ? 1 : 0);
    },
  });
  new Gauge({
    name: 'dashboard_cube_build_seconds',
    help: 'How long the current dashboard cube took to build',
    registers: [registry],
    async collect() {
      const cube = await sources.cubeState().catch(() => undefined);
      if (cube !== undefined && cube.buildMillis !== null) this.set(cube.buildMillis / 1000);
    },
  });

  const labels = new Set<string>();
  const operationLabel = (name: string): string => {
    if (!PLAIN_NAME.test(name)) return 'other';
    if (labels.has(name)) return name;
    if (labels.size >= MAX_OPERATION_LABELS) return 'other';
    labels.add(name);
    return name;
  };

  return {
    registry,
    shed: (operation) => shedCount.inc({ operation: operationLabel(operation) }),
    limited: () => limitedCount.inc(),
    plugin() {
      return {
        requestDidStart() {
          const started = process.hrtime.bigint();
          return Promise.resolve({
            willSendResponse({ operationName, request, document, errors, response }) {
              const name = operationName ?? request.operationName ?? (rootFields(document, null).join('+') || 'unparsed');
              const operation = operationLabel(name);
              for (const error of errors ?? []) {
                const api = toApiError(error, { maskUnexpected: false });
                if (api.code === 'DATABASE_UNAVAILABLE') databaseErrors.inc({ kind: 'unavailable' });
                else if (api.httpStatus === 504) databaseErrors.inc({ kind: 'timeout' });
              }
              // The code the client read (the formatted errors), else the one toApiError gives the first raw error.
              const bodyErrors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
              const shown = bodyErrors[0]?.extensions?.code;
              const first = errors?.[0];
              const outcome =
                typeof shown === 'string'
                  ? shown
                  : first !== undefined
                    ? toApiError(first, { maskUnexpected: false }).code
                    : 'ok';
              requests.inc({ operation, outcome });
              duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
              return Promise.resolve();
            },
          });
        },
      };
    },
    route(token) {
      const expected = Buffer.from(`Bearer ${token}`);
      return (req, res, next) => {
        const given = Buffer.from(req.headers.authorization ?? '');
        // In constant time: the token is a secret.
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res
            .set('WWW-Authenticate', 'Bearer')
            .status(401)
            .json({ code: 'UNAUTHENTICATED', message: 'metrics need the METRICS_TOKEN bearer token' });
          return;
        }
        registry
          .metrics()
          .then((text) => res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(text))
          .catch(next);
      };
    },
  };
}

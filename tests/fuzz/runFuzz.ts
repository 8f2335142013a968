import http from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { mulberry32 } from '../../bench/synthetic/prng';
import { malformedCase, schemaCase } from './graphqlCases';
import { httpCase, type HttpCase } from './httpCases';

/** A broken promise of the API found by the fuzzer: which rule, which request, what came back. */
export interface Violation {
  readonly rule: 'HTTP 5xx' | 'INTERNAL_SERVER_ERROR' | 'stack trace' | 'suggestion' | 'no answer';
  readonly what: string;
  readonly request: string;
  readonly status: number;
  readonly excerpt: string;
}

export interface FuzzReport {
  readonly total: number;
  readonly seed: number;
  /** Responses by HTTP status. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Error codes seen (the first of each response), `ok` for an answer without errors. */
  readonly byCode: Readonly<Record<string, number>>;
  readonly violations: readonly Violation[];
  readonly millis: number;
}

export interface FuzzOptions {
  readonly count: number;
  readonly seed: number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Production mode: suggestions are violations too. */
  readonly production: boolean;
}

const STACK = /\n\s+at .+:\d+:\d+|"stacktrace"/;
const REQUEST_TIMEOUT_MS = 60_000;

/** Given a base URL and a case, sends it over a raw HTTP request (paths as they are, no normalising) and returns status and body. */
function send(base: URL, request: HttpCase): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    // A server that answers 413 may close before reading a huge body: writing it then fails, but the answer counts.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(request.body);
  });
}

/** Given a GraphQL case, returns the HTTP request for it: mostly a JSON POST, sometimes a GET. */
function asHttp(rng: ReturnType<typeof mulberry32>, c: ReturnType<typeof schemaCase>): HttpCase {
  const payload = { query: c.query, variables: c.variables, ...(c.operationName ? { operationName: c.operationName } : {}) };
  if (!c.query.startsWith('mutation') && rng.chance(0.2)) {
    const params = new URLSearchParams({
      query: c.query,
      variables: JSON.stringify(c.variables),
      ...(c.operationName ? { operationName: c.operationName } : {}),
    });
    return {
      what: `${c.what} (GET)`,
      method: 'GET',
      path: `/graphql?${params}`,
      headers: { 'apollo-require-preflight': 'true' },
    };
  }
  return {
    what: c.what,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  };
}

/** Given a request path, returns it decoded for a reader when it decodes (fuzzed paths may not). */
function readable(path: string): string {
  try {
    return decodeURIComponent(path.replace(/\+/g, ' '));
  } catch {
    return path;
  }
}

/** Given a response, returns the first error code it carries (GraphQL `errors` or a route's `code`), `ok` when none. */
function codeOf(text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[]; code?: unknown };
    const code = body.errors?.[0]?.extensions?.code ?? body.code;
    return typeof code === 'string' ? code : 'ok';
  } catch {
    return text.length === 0 ? 'empty' : 'not JSON';
  }
}

/**
 * Given the API's address and schema, sends `count` generated requests (documents and variables
 * drawn from the schema, broken documents, malformed HTTP; deterministic for a seed) and checks
 * every answer: no HTTP 5xx, no INTERNAL_SERVER_ERROR, no stack trace, and in production no
 * "Did you mean" suggestion. Returns the counts by status and code and every violation.
 */
export async function runFuzz(baseUrl: string, schema: GraphQLSchema, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const base = new URL(baseUrl);
  const rng = mulberry32(options.seed);
  const cases: HttpCase[] = Array.from({ length: options.count }, () => {
    const roll = rng.next();
    if (roll < 0.25) return httpCase(rng);
    const generated = schemaCase(rng, schema);
    return asHttp(rng, roll < 0.4 ? malformedCase(rng, generated) : generated);
  });
  const byStatus: Record<string, number> = {};
  const byCode: Record<string, number> = {};
  const violations: Violation[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const request = cases[next++]!;
      const label = `${request.method} ${readable(request.path).slice(0, 3_000)}${request.body ? ` ${request.body.slice(0, 3_000)}` : ''}`;
      let status: number;
      let text: string;
      try {
        ({ status, text } = await send(base, request));
      } catch (error) {
        violations.push({ rule: 'no answer', what: request.what, request: label, status: 0, excerpt: String(error) });
        continue;
      }
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      const code = codeOf(text);
      byCode[code] = (byCode[code] ?? 0) + 1;
      const excerpt = text.slice(0, 400);
      if (status >= 500) violations.push({ rule: 'HTTP 5xx', what: request.what, request: label, status, excerpt });
      if (text.includes('INTERNAL_SERVER_ERROR')) {
        violations.push({ rule: 'INTERNAL_SERVER_ERROR', what: request.what, request: label, status, excerpt });
      }
      if (STACK.test(text)) violations.push({ rule: 'stack trace', what: request.what, request: label, status, excerpt });
      if (options.production && text.includes('Did you mean')) {
        violations.push({ rule: 'suggestion', what: request.what, request: label, status, excerpt });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { total: cases.length, seed: options.seed, byStatus, byCode, violations, millis: Date.now() - started };
}

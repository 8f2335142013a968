import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { startScriptArgs } from '../bench/harness/apiProcess';
import { quantile } from '../bench/harness/stats';
import { freePort } from '../src/neo4j/embedded/freePort';
import { waitFor } from '../tests/support/waitFor';

/**
 * `npm run load:mixed -- [--connections 64] [--duration 60] [--baseline 8] [--rate-limit N]`:
 * starts the compiled API (npm start's command line, node [flags] scripts/start.js: its own process, its own embedded Neo4j in a
 * fresh folder with the seeds, free ports, production mode) and measures, in one run:
 * 1. unloaded: each cheap read alone at 1 connection for --baseline seconds (its unloaded p99);
 * 2. loaded: --connections connections of mixed reads for --duration seconds, cheap reads and
 *    heavy analytics side by side (connections split below), each request from one of 64
 *    signed-in clients (the rate limit counts per token subject).
 * Prints per operation the answers by kind (ok, 429, 503, other) and latency percentiles of the
 * ok answers, and checks: no answer other than ok or a coded 429/503, and every cheap read's
 * loaded p99 within 2× its unloaded p99. Writes bench/results/load-mixed.json. Exits 1 when a
 * check fails.
 */
interface Operation {
  readonly name: string;
  readonly heavy: boolean;
  /** Its share of the loaded phase's connections. */
  readonly weight: number;
  /** The requests it cycles through: a GraphQL body, or a GET path. */
  readonly requests: readonly ({ body: string } | { path: string })[];
}

const gql = (query: string, variables: Record<string, unknown>) => ({ body: JSON.stringify({ query, variables }) });
const PEOPLE = [
  'person:luu-minh-thuc',
  'person:nguyen-dinh-duy',
  'person:dao-quang-vinh',
  'person:nguyen-van-truong',
  'person:nguyen-manh-tuong',
];
const EVENTS = [
  'event:pai-lung-sinkhole-rescue-2023',
  'event:yen-minh-suspect-pursuit-2018',
  'event:lung-phin-cave-recovery-2020',
  'event:lo-river-rescue-2020',
];
const MOVEMENTS = [
  'movement:thi-dua-yeu-nuoc-ha-giang',
  'movement:hoc-tap-lam-theo-bac',
  'movement:covid-19-cong-an-ha-giang-2021',
  'movement:toan-dan-bao-ve-an-ninh-to-quoc',
];
const FIELDS = ['field:public-security', 'field:rescue', 'field:fire-and-rescue', 'field:disaster-response'];
const SEARCHES = ['Pai Lung', 'Dao Quang Vinh', 'Ha Giang', 'cuu ho', 'Luu Minh Thuc', 'Meo Vac'];
const DASHBOARD = `query Dashboard($field: ID!, $from: Date!, $to: Date!) { fieldDashboard(field: $field, from: $from, to: $to) {
  source current { exemplars { count } events { count } awards { count } stories { count } } } }`;
const LIVE_DASHBOARD = DASHBOARD.replace('source current {', 'source current { events { ids } ');

const OPERATIONS: readonly Operation[] = [
  {
    name: 'person by id',
    heavy: false,
    weight: 6,
    requests: PEOPLE.map((id) => gql('query P($id: ID!) { people(where: { id: { eq: $id } }) { id name rank } }', { id })),
  },
  {
    name: 'event places',
    heavy: false,
    weight: 6,
    requests: EVENTS.map((id) =>
      gql('query E($id: ID!) { events(where: { id: { eq: $id } }) { name placesThen { name } placesNow { name } } }', { id }),
    ),
  },
  {
    name: 'search',
    heavy: false,
    weight: 6,
    requests: SEARCHES.map((query) => gql('query S($q: String!) { search(query: $q, limit: 5) { id name why } }', { q: query })),
  },
  {
    name: 'relatedExemplars',
    heavy: false,
    weight: 6,
    requests: PEOPLE.map((id) => gql('query R($id: ID!) { relatedExemplars(id: $id, limit: 10) { id score } }', { id })),
  },
  {
    name: 'relatedStories',
    heavy: false,
    weight: 6,
    requests: EVENTS.map((id) => gql('query RS($id: ID!) { relatedStories(id: $id, limit: 5) { id score } }', { id })),
  },
  {
    name: 'widget',
    heavy: false,
    weight: 6,
    requests: EVENTS.map((id) => ({ path: `/widget/related-stories?entity=${encodeURIComponent(id)}&limit=5` })),
  },
  {
    name: 'fieldDashboard (cube)',
    heavy: false,
    weight: 6,
    requests: FIELDS.map((field) => gql(DASHBOARD, { field, from: '2018-01-01', to: '2024-12-31' })),
  },
  {
    name: 'movementImpact',
    heavy: true,
    weight: 6,
    requests: MOVEMENTS.map((id) =>
      gql('query M($id: ID!) { movementImpact(id: $id) { exemplars { all { count } } events { count } } }', { id }),
    ),
  },
  {
    name: 'influenceNetwork',
    heavy: true,
    weight: 6,
    requests: PEOPLE.map((id) =>
      gql('query N($ids: [ID!]) { influenceNetwork(ids: $ids, depth: 2, limit: 200) { nodes { id pageRank } } }', { ids: [id] }),
    ),
  },
  {
    name: 'connectionPath',
    heavy: true,
    weight: 5,
    requests: PEOPLE.map((id, i) =>
      gql('query C($a: ID!, $b: ID!) { connectionPath(fromId: $a, toId: $b) { found explanation } }', {
        a: id,
        b: EVENTS[i % EVENTS.length],
      }),
    ),
  },
  {
    name: 'fieldDashboard (live)',
    heavy: true,
    weight: 5,
    requests: FIELDS.map((field) => gql(LIVE_DASHBOARD, { field, from: '2018-01-01', to: '2024-12-31' })),
  },
];

interface Tally {
  readonly latencies: number[];
  ok: number;
  limited: number;
  shed: number;
  other: number;
  firstOther: string | undefined;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
}

/** Runs one operation at a number of connections for some seconds, each request signed by one of the clients in turn. */
async function measure(
  url: string,
  operation: Operation,
  connections: number,
  seconds: number,
  tokens: readonly string[],
): Promise<Tally> {
  const tally: Tally = { latencies: [], ok: 0, limited: 0, shed: 0, other: 0, firstOther: undefined };
  let next = 0;
  const first = operation.requests[0]!;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'body' in first ? 'POST' : 'GET',
        path: 'body' in first ? '/graphql' : first.path,
        setupRequest: (request) => {
          const i = next++;
          const chosen = operation.requests[i % operation.requests.length]!;
          const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` };
          return 'body' in chosen ? { ...request, headers, body: chosen.body } : { ...request, headers, path: chosen.path };
        },
        onResponse: (status, body) => {
          const coded = (code: string) => body.includes(`"${code}"`);
          if (status === 200 && !body.includes('"errors"')) tally.ok++;
          else if (status === 429 && coded('RATE_LIMITED')) tally.limited++;
          else if (status === 503 && coded('OVERLOADED')) tally.shed++;
          else {
            tally.other++;
            tally.firstOther ??= `HTTP ${status}: ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) tally.latencies.push(ms);
  });
  const result = await instance;
  tally.other += result.errors + result.timeouts;
  if (result.errors + result.timeouts > 0) tally.firstOther ??= `${result.errors} socket errors, ${result.timeouts} timeouts`;
  return tally;
}

const p = (latencies: readonly number[], q: number) =>
  quantile(
    [...latencies].sort((a, b) => a - b),
    q,
  );

/** Starts the compiled API with its own database; resolves with its URL and process once its query plans are warm. */
async function startApi(dataDir: string, secret: string, rateLimit: number): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, startScriptArgs(), {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: secret,
      PORT: String(port),
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_DATA_DIR: dataDir,
      NEO4J_URI: '',
      RATE_LIMIT_PER_MINUTE: String(rateLimit),
      LOG_LEVEL: 'info',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`the API exited ${child.exitCode}: ${output.slice(-2000)}`);
      return /Query plans of the heavy analytics ready/.test(output);
    },
    { what: 'the API to start and warm its plans', timeoutMs: 600_000, intervalMs: 500 },
  );
  return { url: `http://127.0.0.1:${port}`, child };
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function main(): Promise<void> {
  const connections = option('connections', 64);
  const duration = option('duration', 60);
  const baseline = option('baseline', 8);
  const rateLimit = option('rate-limit', 1_200);
  const secret = randomBytes(32).toString('hex');
  const key = new TextEncoder().encode(secret);
  const tokens = await Promise.all(
    Array.from({ length: 64 }, (_, i) =>
      new SignJWT({ roles: ['reader'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(`load-client-${i}`)
        .setExpirationTime('2h')
        .sign(key),
    ),
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-load-'));
  const { url, child } = await startApi(dataDir, secret, rateLimit);
  try {
    const cheap = OPERATIONS.filter((o) => !o.heavy);
    console.log(`Unloaded: each cheap read alone, 1 connection, ${baseline} s…`);
    const unloaded = new Map<string, Tally>();
    for (const operation of cheap) unloaded.set(operation.name, await measure(url, operation, 1, baseline, tokens));

    const totalWeight = OPERATIONS.reduce((sum, o) => sum + o.weight, 0);
    const shares = OPERATIONS.map((o) => Math.max(1, Math.round((o.weight / totalWeight) * connections)));
    console.log(`Loaded: ${shares.reduce((a, b) => a + b, 0)} connections of mixed reads for ${duration} s…`);
    const loaded = await Promise.all(OPERATIONS.map((o, i) => measure(url, o, shares[i]!, duration, tokens)));

    const rows = OPERATIONS.map((operation, i) => {
      const tally = loaded[i]!;
      const base = unloaded.get(operation.name);
      const p99 = p(tally.latencies, 0.99);
      const baseP99 = base ? p(base.latencies, 0.99) : undefined;
      return {
        operation: operation.name,
        class: operation.heavy ? 'heavy' : 'cheap',
        connections: shares[i]!,
        requests: tally.ok + tally.limited + tally.shed + tally.other,
        ok: tally.ok,
        limited429: tally.limited,
        shed503: tally.shed,
        other: tally.other,
        okPerSecond: Math.round((tally.ok / duration) * 10) / 10,
        p50: p(tally.latencies, 0.5),
        p95: p(tally.latencies, 0.95),
        p99,
        unloadedP99: baseP99 ?? null,
        ratio: baseP99 ? Math.round((p99 / Math.max(baseP99, 1)) * 100) / 100 : null,
        firstOther: tally.firstOther ?? null,
      };
    });
    const cheapLoaded = loaded.filter((_, i) => !OPERATIONS[i]!.heavy).flatMap((t) => t.latencies);
    const cheapUnloaded = [...unloaded.values()].flatMap((t) => t.latencies);
    const summary = {
      connections: shares.reduce((a, b) => a + b, 0),
      durationSeconds: duration,
      rateLimitPerMinutePerClient: rateLimit,
      cheapP99: p(cheapLoaded, 0.99),
      cheapUnloadedP99: p(cheapUnloaded, 0.99),
      otherErrors: rows.reduce((sum, r) => sum + r.other, 0),
      apiPeakRssMb: peakRssMb(child.pid!),
      machine: `${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    };
    console.log(
      '\n| operation | class | conns | requests | ok | 429 | 503 | other | ok/s | p50 ms | p95 ms | p99 ms | unloaded p99 | ratio |',
    );
    console.log('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const r of rows) {
      console.log(
        `| ${r.operation} | ${r.class} | ${r.connections} | ${r.requests} | ${r.ok} | ${r.limited429} | ${r.shed503} | ${r.other} | ${r.okPerSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.unloadedP99 ?? ''} | ${r.ratio ?? ''} |`,
      );
    }
    console.log(`\n${JSON.stringify(summary)}`);
    for (const r of rows.filter((r) => r.firstOther)) console.log(`first other answer of ${r.operation}: ${r.firstOther}`);
    const failures = [
      ...(summary.otherErrors > 0 ? [`${summary.otherErrors} answers other than ok or a coded 429/503`] : []),
      ...rows
        .filter((r) => r.class === 'cheap' && r.ratio !== null && r.ratio > 2)
        .map((r) => `${r.operation}: loaded p99 ${r.p99} ms > 2 × unloaded ${r.unloadedP99} ms`),
    ];
    const out = path.resolve(__dirname, '..', 'bench', 'results', 'load-mixed.json');
    fs.writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), summary, rows, failures }, null, 2)}\n`);
    console.log(failures.length === 0 ? '\nAll checks met.' : `\nNot met:\n- ${failures.join('\n- ')}`);
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

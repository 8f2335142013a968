/**
 * `npx tsx bench/profileRequest.ts [--seconds 10] [--only name,…] [--size L]`: where the API's fixed cost per
 * request goes (issue 12 item 5). Starts its own embedded Neo4j in a fresh temporary folder, loads
 * the real seeds (with --size: the size's loaded bench database instead, and its dashboards), starts the API in this process as the bench does (production settings), and for
 * each document below sends requests from a child load generator at one connection while V8's
 * sampling profiler runs in this process. Prints the p50, and the profile's self time grouped by
 * where it runs (a package, a source folder, Node's own http and streams, the garbage collector,
 * idle), per request, beside the p50 of the same statements replayed through a bare driver (as
 * the bench's raw baseline). `{ __typename }` reaches no database: its time is the fixed cost alone.
 * A developer's tool, not a target.
 */
import fs from 'node:fs';
import type { Profiler, Runtime } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSeeds } from '../src/importer/loadSeeds';
import { migrate } from '../src/migrations/migrate';
import { createGraph, type Graph } from '../src/neo4j/createGraph';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded/startEmbeddedNeo4j';
import { loadConfig } from '../src/config';
import { startBenchApi } from './harness/benchApi';
import { startLoadRunner } from './harness/loadRunner';
import { createRawRunner, tapDriver, type CapturedStatement } from './harness/rawDriver';
import { benchDatabase, readMarker, stopJvmOnExit } from './synthetic/benchDatabase';
import { SIZE_NAMES, type SizeName } from './synthetic/profiles';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
}

interface ProfiledDocument {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

/** The documents profiled on the seeds: no database, a generated read, custom resolvers. Ids are seed facts. */
const DOCUMENTS: ProfiledDocument[] = [
  { name: 'typename', query: '{ __typename }' },
  {
    name: 'places (generated)',
    query: 'query PlaceParts($id: ID!) { places(where: { id: { eq: $id } }) { name parts(limit: 10) { name } } }',
    variables: { id: 'place:ha-giang' },
  },
  {
    name: 'search',
    query: 'query Search($query: String!) { search(query: $query, limit: 10) { id kind name score matchedOn exact why } }',
    variables: { query: 'Nguyễn Mạnh Tường' },
  },
  {
    name: 'relatedExemplars',
    query: 'query Related($id: ID!) { relatedExemplars(id: $id, limit: 10) { id score reasons { relation } } }',
    variables: { id: 'person:nguyen-manh-tuong' },
  },
];

/** The dashboard panels as the bench asks for them (bench/harness/operations.ts: no trace lists, no undated). */
const DASHBOARD_PERIOD =
  'from to exemplars { count } events { count } awards { count } awardsByForm { key label count } awardsByLevel { key label count } stories { count } storiesPerMonth { key label count } topAgencies { key label count }';
const DASHBOARD = `query Dashboard($field: ID!, $place: ID, $from: Date!, $to: Date!) {
  fieldDashboard(field: $field, place: $place, from: $from, to: $to) {
    field { id kind name } fields place { id kind name } current { ${DASHBOARD_PERIOD} } previous { ${DASHBOARD_PERIOD} }
    change { exemplars awards events stories } source builtAt
    map { map url reading spansMerger regions { name code kind placeId count } unmatched { placeId count } } } }`;

/**
 * The documents profiled on a bench database (--size): the dashboard of its largest field, for the
 * whole country (a national hub scope, the largest cells) and for one province, over 2019-2025.
 */
async function benchDocuments(graph: Graph): Promise<ProfiledDocument[]> {
  const [top] = await graph.read('MATCH (f:Field)<-[:ACTIVE_IN]-() RETURN f.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 1');
  const [province] = await graph.read(
    "MATCH (p:Place {level: 'PROVINCE'}) WHERE p.id STARTS WITH 'place:syn-p' RETURN p.id AS id ORDER BY id LIMIT 1",
  );
  const period = { from: '2019-01-01', to: '2025-12-31' };
  return [
    { name: 'fieldDashboard (country)', query: DASHBOARD, variables: { field: top!.id, ...period } },
    { name: 'fieldDashboard (province)', query: DASHBOARD, variables: { field: top!.id, place: province!.id, ...period } },
  ];
}

/** Which bucket a profile node's self time belongs to: a package, a src/ folder, Node's own modules, or V8's pseudo-nodes. */
function bucketOf(frame: Runtime.CallFrame): string {
  const url = frame.url;
  if (!url) return `(${frame.functionName || 'native'})`;
  const inModules = url.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const rest = url.slice(inModules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url.split('/')[0]!.replace(/^node:internal$/, 'node:internal');
  const src = url.indexOf('/src/');
  if (src >= 0) {
    return url
      .slice(src + 1)
      .split('/')
      .slice(0, 2)
      .join('/');
  }
  return url.replace(/^file:\/\//, '');
}

function summarise(profile: Profiler.Profile, requests: number): void {
  const total = (profile.endTime - profile.startTime) / 1000;
  const interval = total / Math.max(1, profile.samples?.length ?? 1);
  const selfByBucket = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  for (const node of profile.nodes) {
    const ms = (hits.get(node.id) ?? 0) * interval;
    if (ms === 0) continue;
    const bucket = bucketOf(node.callFrame);
    selfByBucket.set(bucket, (selfByBucket.get(bucket) ?? 0) + ms);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${bucket}:${node.callFrame.lineNumber + 1}`;
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + ms);
  }
  const busy = [...selfByBucket].filter(([b]) => b !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`  profile: ${total.toFixed(0)} ms, busy ${busy.toFixed(0)} ms = ${(busy / requests).toFixed(3)} ms per request`);
  for (const [bucket, ms] of [...selfByBucket].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
    console.log(`    ${(ms / requests).toFixed(3).padStart(7)} ms/req  ${bucket}`);
  }
  console.log('  functions:');
  for (const [fn, ms] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(option('functions', '12')))) {
    console.log(`    ${(ms / requests).toFixed(3).padStart(7)} ms/req  ${fn}`);
  }
}

async function main(): Promise<void> {
  const seconds = Number(option('seconds', '10'));
  const only = option('only', '')
    .split(',')
    .filter((n) => n !== '');
  const size = option('size', '');
  const database = loadConfig({ ...process.env, NEO4J_URI: '' }).database;
  if (database.mode !== 'embedded') throw new Error('unreachable: NEO4J_URI was cleared');
  if (size !== '' && !SIZE_NAMES.includes(size as SizeName)) throw new Error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
  const bench = size === '' ? undefined : benchDatabase(size as SizeName);
  if (bench && !readMarker(bench)) throw new Error(`bench/data/${size} is not loaded: npm run synthetic:load -- --size ${size}`);
  const dataDir = bench ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-profile-'));
  const server = await startEmbeddedNeo4j(
    bench
      ? { ...bench, log: () => undefined }
      : {
          home: database.home,
          heap: '1g',
          pageCache: '256m',
          javaHome: database.javaHome,
          dataDir: dataDir!,
          startTimeoutMs: 600_000,
          log: () => undefined,
        },
  );
  if (bench) stopJvmOnExit(server.pid);
  const load = startLoadRunner();
  const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 30_000 });
  const tap = tapDriver(graph.driver);
  const raw = createRawRunner(server.uri, 'neo4j', 30_000);
  const session = new Session();
  try {
    await migrate(graph);
    if (!bench) await loadSeeds(graph);
    const documents = bench ? await benchDocuments(graph) : DOCUMENTS;
    const api = await startBenchApi(graph);
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    for (const doc of documents.filter((d) => only.length === 0 || only.includes(d.name))) {
      const body = JSON.stringify({ query: doc.query, variables: doc.variables ?? {} });
      const recording: CapturedStatement[] = [];
      tap.recording = recording;
      await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) =>
        r.text(),
      );
      tap.recording = undefined;
      const rawTimes: number[] = [];
      // On a bench database the server's JIT needs more than a few hundred runs to settle.
      for (let i = 0; i < (bench ? 3000 : 300) && recording.length > 0; i++) {
        const started = performance.now();
        await raw.run(recording);
        rawTimes.push(performance.now() - started);
      }
      rawTimes.sort((a, b) => a - b);
      const rawP50 = rawTimes[Math.floor((rawTimes.length - 1) / 2)];
      await load.run({ url: api.url, connections: 1, durationSeconds: 2, bodies: [body] });
      await session.post('Profiler.start');
      const result = await load.run({ url: api.url, connections: 1, durationSeconds: seconds, bodies: [body] });
      const { profile } = await session.post('Profiler.stop');
      const sorted = [...result.latencies].sort((a, b) => a - b);
      const p50 = sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
      console.log(
        `${doc.name}: ${result.requests} requests in ${result.seconds} s at 1 connection, p50 ${p50.toFixed(2)} ms (${recording.length} statements; raw p50 ${rawP50 === undefined ? '–' : `${rawP50.toFixed(2)} ms`}), errors ${result.errors + result.non2xx + result.graphqlErrors}${result.firstError ? ` (${result.firstError.slice(0, 200)})` : ''}`,
      );
      summarise(profile, result.requests);
    }
    await api.close();
  } finally {
    session.disconnect();
    load.close();
    await raw.close();
    await graph.close();
    await server.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

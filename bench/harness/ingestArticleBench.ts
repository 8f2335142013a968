import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SignJWT } from 'jose';
import { loadConfig } from '../../src/config';
import { createNeo4jGraphQL } from '../../src/graphql/createNeo4jGraphQL';
import { lookupKeysFor } from '../../src/ingestion/findNameMatches';
import { createGraphGazetteer } from '../../src/ingestion/graph/createGraphGazetteer';
import { refreshNameKeys } from '../../src/ingestion/graph/refreshNameKeys';
import { writeNameKeys } from '../../src/ingestion/graph/writeNameKeys';
import { prepareText } from '../../src/ingestion/prepareText';
import { createLogger } from '../../src/logging/createLogger';
import { migrate } from '../../src/migrations/migrate';
import { createGraph, type Graph } from '../../src/neo4j/createGraph';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { createApp } from '../../src/server/createApp';
import { createReadiness } from '../../src/server/readiness';
import { longArticle, readEvalArticles } from '../../scripts/linkingEval/evalArticles';
import { BENCH_RESULTS_DIR, benchDatabase, readMarker, stopJvmOnExit } from '../synthetic/benchDatabase';
import type { SizeName } from '../synthetic/profiles';
import { describeData, describeMachine } from './machine';
import { summarise } from './stats';

/**
 * The ingestArticle entry of the bench (docs/ARCHITECTURE.md: a 1,500-word article at L in ≤ 1 s).
 * It stands apart from operations.ts because the operation writes and needs an editor's token:
 * the harness replays read statements through a bare driver and sends no token, and repeating one
 * article would measure only the "nothing new" path. Each request here is a distinct article
 * (the same 1,500 words plus a line of its own, its own URL) sent by an editor, one at a time.
 */
export interface IngestBenchOptions {
  readonly size: SizeName;
  /** Articles ingested (each a distinct text). */
  readonly requests: number;
  readonly port?: number | undefined;
  readonly log: (line: string) => void;
}

/** Every URL the bench ingests starts with this; they are deleted again at the end. */
const BENCH_URL = 'https://bench.invalid/ingest/';
const TARGET_MS = 1_000;

const INGEST = `mutation Ingest($input: IngestArticleInput!) { ingestArticle(input: $input) {
  story { id } proposals { id kind } stats { lookupKeys entries millis } } }`;

async function sampleMemory<T>(work: () => Promise<T>): Promise<{ value: T; rssMb: number; heapMb: number }> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  try {
    const value = await work();
    sample();
    return { value, rssMb: Math.round(rss / 2 ** 20), heapMb: Math.round(heap / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

/** Removes what the bench ingested: the stories, their texts and proposals, and their names in the index. */
async function removeBenchStories(graph: Graph): Promise<number> {
  const rows = await graph.read('MATCH (s:Story) WHERE s.url STARTS WITH $prefix RETURN collect(s.id) AS ids', {
    prefix: BENCH_URL,
  });
  const ids = (rows[0]?.ids as string[] | undefined) ?? [];
  await graph.writeTransaction(async (tx) => {
    await tx.run('MATCH (p:Proposal) WHERE p.storyId IN $ids DETACH DELETE p', { ids });
    await tx.run('MATCH (t:StoryText) WHERE t.storyId IN $ids DETACH DELETE t', { ids });
    await tx.run('MATCH (s:Story) WHERE s.id IN $ids DETACH DELETE s', { ids });
    await writeNameKeys(tx, ids);
  });
  return ids.length;
}

/**
 * Given a size whose bench database is loaded (npm run synthetic:load), starts it on a free port,
 * brings its name index up to date (the synthetic loader writes without it), serves the real API
 * in this process, and ingests `requests` distinct 1,500-word articles through ingestArticle:
 * latency percentiles as the client sees them, the server's own milliseconds, the gazetteer
 * statement's cost measured alone, and the API process's memory. Writes
 * bench/results/ingest-<size>.json and returns its lines; the bench's stories are deleted after.
 */
export async function runIngestBench(options: IngestBenchOptions): Promise<string[]> {
  const db = benchDatabase(options.size, { boltPort: options.port });
  if (!readMarker(db)) {
    throw new Error(`No bench database of size ${options.size}: run npm run synthetic:load -- --size ${options.size} first`);
  }
  const server = await startEmbeddedNeo4j({ ...db, log: options.log });
  stopJvmOnExit(server.pid);
  const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 600_000 });
  try {
    await migrate(graph);
    options.log('bringing the name index up to date (the first run at a size builds it)');
    const keysReport = await refreshNameKeys(graph.withTimeout(600_000));
    options.log(
      `name index: ${keysReport.indexed} entities keyed, ${keysReport.removed} removed in ${(keysReport.millis / 1000).toFixed(1)} s`,
    );
    await removeBenchStories(graph);

    const secret = randomBytes(32).toString('hex');
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, PORT: '0', SEED_ON_EMPTY: 'false' });
    const schema = await createNeo4jGraphQL({ driver: graph.driver, jwtSecret: secret }).getSchema();
    const { httpServer, apollo } = await createApp({
      config,
      graph,
      schema,
      readiness: createReadiness(graph),
      logger: createLogger({ level: 'error' }),
      // The dashboard cube is not what is measured here: rebuilding it at L after each ingest would be.
      cubeBuilder: () => Promise.resolve('skipped by the ingest bench'),
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
    const token = await new SignJWT({ roles: ['editor'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('bench')
      .setExpirationTime('2h')
      .sign(new TextEncoder().encode(secret));

    const article = longArticle(readEvalArticles().articles);
    const keys = lookupKeysFor(prepareText(article.text));
    const runId = Date.now().toString(36);
    const send = async (i: number) => {
      const started = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: INGEST,
          variables: {
            input: {
              url: `${BENCH_URL}${runId}/${i}`,
              title: `Bài đo tốc độ ${runId} số ${i}`,
              publisher: 'Bench',
              publishedAt: '2024-06-30',
              text: `${article.text}\n\nBài đo số ${i} (${runId}).`,
            },
          },
        }),
      });
      const body = (await response.json()) as {
        data?: { ingestArticle: { proposals: unknown[]; stats: { lookupKeys: number; entries: number; millis: number } } };
        errors?: { message: string }[];
      };
      if (!body.data) throw new Error(`ingestArticle failed: ${body.errors?.[0]?.message ?? response.status}`);
      return { millis: performance.now() - started, ...body.data.ingestArticle };
    };
    options.log(`warming up, then ${options.requests} distinct ${article.words}-word articles, one at a time`);
    await send(-1);
    const idle = Math.round(process.memoryUsage().rss / 2 ** 20);
    const runs = await sampleMemory(async () => {
      const out = [];
      for (let i = 0; i < options.requests; i += 1) out.push(await send(i));
      return out;
    });
    const latencies = runs.value.map((r) => r.millis);
    const stats = summarise(latencies, latencies.reduce((a, b) => a + b, 0) / 1000, 1, 0);

    // The gazetteer's statement alone, for the same keys.
    const lookups: number[] = [];
    let entries = 0;
    const gazetteer = createGraphGazetteer(graph, {
      onQuery: (q) => {
        lookups.push(q.millis);
        entries = q.entries;
      },
    });
    for (let i = 0; i < 7; i += 1) await gazetteer.lookup(keys);
    const lookupStats = summarise(lookups, lookups.reduce((a, b) => a + b, 0) / 1000, 1, 0);

    await apollo.stop();
    const removed = await removeBenchStories(graph);
    const machine = await describeMachine(graph, { heap: db.heap, pageCache: db.pageCache });
    const data = await describeData(graph, []);
    const result = {
      size: options.size,
      machine,
      data,
      article: { words: article.words, lookupKeys: keys.length },
      requests: options.requests,
      ingestMs: { p50: stats.p50, p95: stats.p95, max: Math.max(...latencies) },
      serverMs: { median: [...runs.value.map((r) => r.stats.millis)].sort((a, b) => a - b)[Math.floor(runs.value.length / 2)] },
      proposalsPerArticle: runs.value[0]?.proposals.length ?? 0,
      gazetteer: { lookupMs: { p50: lookupStats.p50, p95: lookupStats.p95 }, entries },
      apiMemoryMb: { rssBefore: idle, peakRss: runs.rssMb, peakHeapUsed: runs.heapMb },
      nameIndex: keysReport,
      target: { p50Ms: TARGET_MS, met: stats.p50 <= TARGET_MS, statedFor: 'L' },
      storiesRemoved: removed,
      measuredAt: new Date().toISOString(),
    };
    fs.mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
    const file = path.join(BENCH_RESULTS_DIR, `ingest-${options.size}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    return [
      `| size | nodes | article | ingest p50 | p95 | max | server median | gazetteer lookup p50 | entries | API RSS (before → peak) | target (L) |`,
      `|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|`,
      `| ${options.size} | ${data.nodes.toLocaleString('en')} | ${article.words} words, ${keys.length} keys | ${stats.p50.toFixed(0)} ms | ${stats.p95.toFixed(0)} ms | ${Math.max(...latencies).toFixed(0)} ms | ${result.serverMs.median ?? 0} ms | ${lookupStats.p50.toFixed(0)} ms | ${entries} | ${idle} → ${runs.rssMb} MB | p50 ≤ ${TARGET_MS} ms: ${result.target.met ? 'met' : 'NOT met'}${options.size === 'L' ? '' : ' (stated for L)'} |`,
      `load average ${machine.loadAverage} on ${machine.cores} cores; written to ${path.relative(process.cwd(), file)}`,
    ];
  } finally {
    await graph.close();
    await server.stop();
  }
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dashboardCubeState } from '../../src/analytics/dashboard/cubeState';
import { childProcessCubeBuilder } from '../../src/server/cubeRefresh';
import { DOMAIN_LABELS } from '../../src/domain/labels';
import { migrate } from '../../src/migrations/migrate';
import { createGraph } from '../../src/neo4j/createGraph';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import {
  adminDataDir,
  BENCH_RESULTS_DIR,
  benchDatabase,
  markerIsCurrent,
  PROJECT_ROOT,
  readMarker,
  stopJvmOnExit,
} from '../synthetic/benchDatabase';
import { rngFor } from '../synthetic/prng';
import { GENERATOR_VERSION, type SizeName } from '../synthetic/profiles';
import { refreshNameKeys } from '../../src/ingestion/graph/refreshNameKeys';
import { startApiProcess, type ApiProcess } from './apiProcess';
import { startBenchApi } from './benchApi';
import { startLoadRunner } from './loadRunner';
import { describeData, describeMachine } from './machine';
import { addBaseline, measureApi, sampleOwnMemory, type ApiMeasurement, type MeasureEnvironment } from './measureOperation';
import type { BenchContext, BenchOperation } from './operation';
import { OPERATIONS } from './operations';
import { createRawRunner, tapDriver } from './rawDriver';
import { formatReport } from './report';
import type { BenchResult, OperationResult, TargetResult } from './result';

export interface BenchOptions {
  readonly size: SizeName;
  readonly seed: number;
  readonly seconds: number;
  readonly skipLoad: boolean;
  /** Only operations whose name contains one of these (all when empty). */
  readonly only: readonly string[];
  readonly out: string | undefined;
  /** The Bolt port of the bench database, refused when taken; a free one when undefined. */
  readonly port?: number | undefined;
  /**
   * process (default): the timed phases load the compiled API in a process of its own, started as
   * `npm start` starts it, whose memory is measured alone. inline: they load the API in the bench
   * process (under tsx, beside the harness), as before.
   */
  readonly api?: 'process' | 'inline';
  readonly command: string;
  readonly log: (line: string) => void;
}

/** Targets (DESIGN): import of 1M nodes + 5M relationships ≤ 5 min and within 3× of neo4j-admin import; the API process's RSS ≤ 150 MB idle, ≤ 500 MB at peak under the L mix. */
const IMPORT_TARGET_SECONDS = 300;
const IMPORT_ADMIN_RATIO = 3;
const IDLE_RSS_TARGET_MB = 150;
const RSS_TARGET_MB = 500;
/** The API's default QUERY_TIMEOUT_MS; the raw baseline gets the same, so a slow operation fails alike on both sides. */
const API_QUERY_TIMEOUT_MS = 10_000;

function runLoader(size: SizeName, seed: number, port: number | undefined): Promise<void> {
  const portArgs = port === undefined ? [] : ['--port', String(port)];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(PROJECT_ROOT, 'scripts', 'loadSynthetic.ts'),
        '--size',
        size,
        '--seed',
        String(seed),
        ...portArgs,
      ],
      { stdio: 'inherit', cwd: PROJECT_ROOT },
    );
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`loading size ${size} failed (exit ${String(code)})`)),
    );
  });
}

/** Samples the API process's resident memory while a phase runs: its peak (VmHWM) is restarted at the phase's start and read at its end. */
function sampleProcessMemory(api: ApiProcess): { stop(): { rssMb: number; childRssMb: number } } {
  api.resetPeak();
  return {
    stop: () => {
      const memory = api.memory();
      return { rssMb: memory.peakMb, childRssMb: memory.childPeakMb };
    },
  };
}

function benchContext(
  graph: ReturnType<typeof createGraph>,
  schema: BenchContext['schema'],
  seed: number,
  operation: BenchOperation,
): BenchContext {
  const rng = rngFor(seed, `bench:${operation.name}`, 0);
  return {
    schema,
    rng,
    read: (cypher, params) => graph.read(cypher, params),
    async randomIds(label, prefix, count) {
      if (!(DOMAIN_LABELS as readonly string[]).includes(label)) throw new Error(`unknown label ${label}`);
      const [row] = await graph.read(`MATCH (x:${label}) WHERE x.id STARTS WITH $prefix RETURN count(x) AS n`, { prefix });
      const total = Number(row?.n ?? 0);
      const ids = new Set<string>();
      for (let attempt = 0; attempt < count * 3 && ids.size < Math.min(count, total); attempt++) {
        const rows = await graph.read(
          `MATCH (x:${label}) WHERE x.id STARTS WITH $prefix RETURN x.id AS id ORDER BY x.id SKIP $skip LIMIT 1`,
          { prefix, skip: rng.int(total) },
        );
        if (rows[0]) ids.add(String(rows[0].id));
      }
      return [...ids];
    },
  };
}

/**
 * Given the options, runs the benchmark end to end: loads the size into its own database when
 * its marker is missing or stale, starts that database and the real API in this process, measures
 * every operation of OPERATIONS that exists in the schema, prints the report and writes its JSON
 * under bench/results. Stops everything it started, also on failure. Returns the result.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const db = benchDatabase(options.size, { boltPort: options.port });
  if (!markerIsCurrent(readMarker(db), options.seed)) {
    if (options.skipLoad) {
      throw new Error(`${db.dataDir} holds no current size-${options.size} data; run without --skip-load first`);
    }
    await runLoader(options.size, options.seed, options.port);
  }
  const marker = readMarker(db) ?? null;
  const adminMarker = readMarker(benchDatabase(options.size, { dataDir: adminDataDir(options.size) }));
  const admin = markerIsCurrent(adminMarker, options.seed) ? adminMarker : null;
  // Never a server it did not start: a taken --port is refused, no port means a free one.
  const server = await startEmbeddedNeo4j({
    ...db,
    log: options.log,
    portInUseHint: 'Stop what holds it or omit --port to let the bench choose a free port.',
  });
  stopJvmOnExit(server.pid);
  let graphStatements = 0;
  const graph = createGraph({
    uri: server.uri,
    user: 'neo4j',
    password: 'unused',
    database: 'neo4j',
    queryTimeoutMs: API_QUERY_TIMEOUT_MS,
    onQuery: () => graphStatements++,
  });
  const tap = tapDriver(graph.driver);
  const raw = createRawRunner(server.uri, 'neo4j', API_QUERY_TIMEOUT_MS);
  const load = startLoadRunner();
  let api: Awaited<ReturnType<typeof startBenchApi>> | undefined;
  let apiProcess: ApiProcess | undefined;
  try {
    await migrate(graph);
    // fieldDashboard reads the dashboard cube; build it once per loaded database.
    let cube = await dashboardCubeState(graph);
    if (!cube.built || cube.stale) {
      // In a child process, as the API does it: the build's memory is not the API's.
      options.log(
        `building the dashboard cube… ${await childProcessCubeBuilder({ mode: 'external', uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j' })()}`,
      );
      cube = await dashboardCubeState(graph);
    }
    const machine = await describeMachine(graph, db);
    const data = await describeData(graph, DOMAIN_LABELS);
    api = await startBenchApi(graph);
    let idleMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    if (options.api !== 'inline') {
      // Keyed here first, so the API's own start-up sweep only reads (the loader writes no name keys).
      const keys = await refreshNameKeys(graph.withTimeout(1_800_000));
      options.log(`name index: ${keys.indexed} entities keyed, ${keys.removed} removed in ${keys.millis} ms`);
      options.log('starting the compiled API in a process of its own (as npm start does)…');
      apiProcess = await startApiProcess(server.uri, options.log);
      idleMb = apiProcess.memory().rssMb;
      apiProcess.resetPeak();
    }
    const loaded = apiProcess;
    const env: MeasureEnvironment = {
      url: api.url,
      loadUrl: loaded?.url ?? api.url,
      sampleMemory: loaded ? () => sampleProcessMemory(loaded) : sampleOwnMemory,
      schema: api.schema,
      size: options.size,
      seconds: options.seconds,
      tap,
      graphStatements: () => graphStatements,
      load,
      raw,
      context: (operation) => benchContext(graph, api!.schema, options.seed, operation),
      log: options.log,
      lastApiError: () => apiProcess?.lastError() ?? api?.lastError(),
    };
    const selected = OPERATIONS.filter(
      (op) => options.only.length === 0 || options.only.some((o) => op.name.toLowerCase().includes(o.toLowerCase())),
    );
    const measured: (ApiMeasurement | OperationResult)[] = [];
    for (const operation of selected) {
      const result = await measureApi(operation, env);
      if ('status' in result) options.log(`${operation.name}: ${result.status}: ${result.reason ?? ''}`);
      measured.push(result);
    }
    const operations: OperationResult[] = [];
    for (const result of measured) operations.push('status' in result ? result : await addBaseline(result, env));
    const maxMb = Math.max(idleMb, ...operations.map((o) => o.rssMaxMb ?? 0));
    const childMaxMb = Math.max(0, ...operations.map((o) => o.childRssMaxMb ?? 0));
    const where = apiProcess
      ? 'the compiled API in a process of its own (started as npm start does); harness and load generator are other processes'
      : 'bench process = API under tsx + harness; load generator is a separate process';
    const targets: TargetResult[] = [
      {
        label: 'bulk import, all indexes online',
        value: marker ? marker.totalMillis / 1000 : null,
        unit: 's',
        limit: `≤ ${IMPORT_TARGET_SECONDS} s for 1M nodes + 5M relationships`,
        met: marker ? marker.totalMillis / 1000 <= IMPORT_TARGET_SECONDS : null,
        note: options.size === 'L' ? undefined : `target stated for size L; this run is ${options.size}`,
      },
      {
        label: 'bulk import / neo4j-admin import (both until indexes are online)',
        value: marker && admin ? Math.round((marker.totalMillis / admin.totalMillis) * 100) / 100 : null,
        unit: '×',
        limit: `≤ ${IMPORT_ADMIN_RATIO}×`,
        met: marker && admin ? marker.totalMillis / admin.totalMillis <= IMPORT_ADMIN_RATIO : null,
        note: admin
          ? `neo4j-admin: import ${(admin.loadMillis / 1000).toFixed(1)} s + indexes ${(admin.indexMillis / 1000).toFixed(1)} s (CSV writing ${((admin.csvMillis ?? 0) / 1000).toFixed(1)} s not counted)`
          : `not measured for ${options.size}: run npm run synthetic:load -- --size ${options.size} --admin-import`,
      },
      {
        label: 'dashboard cube build (whole graph: every field × country and provinces × year and month)',
        value: cube.buildMillis === null ? null : Math.round(cube.buildMillis / 100) / 10,
        unit: 's',
        limit: 'no DESIGN target; rebuilt after imports and edits',
        met: null,
      },
      {
        label: 'API process RSS idle after start',
        value: idleMb,
        unit: 'MB',
        limit: `≤ ${IDLE_RSS_TARGET_MB} MB`,
        met: idleMb <= IDLE_RSS_TARGET_MB,
        note: where,
      },
      {
        label: 'API process RSS under load (peak)',
        value: maxMb,
        unit: 'MB',
        limit: `≤ ${RSS_TARGET_MB} MB`,
        met: maxMb <= RSS_TARGET_MB,
        note: `${where}${options.size === 'L' ? '' : `; target stated for size L; this run is ${options.size}`}`,
      },
      {
        label: "API's child processes RSS (peak): the movement base worker",
        value: apiProcess ? childMaxMb : null,
        unit: 'MB',
        limit: "no DESIGN target; reported beside the API's own",
        met: null,
        note: apiProcess
          ? "reads national movements' bases and derives their answers (src/server/movementBaseWorker.ts); sampled every 250 ms while it runs"
          : 'not measured: the API ran in the bench process',
      },
    ];
    const result: BenchResult = {
      command: options.command,
      startedAt: new Date(started).toISOString(),
      elapsedSeconds: (Date.now() - started) / 1000,
      size: options.size,
      seed: options.seed,
      generatorVersion: GENERATOR_VERSION,
      phaseSeconds: options.seconds,
      machine,
      data,
      import: marker,
      adminImport: admin,
      rss: { idleMb, maxMb, measuredIn: apiProcess ? 'api process' : 'bench process', ...(apiProcess ? { childMaxMb } : {}) },
      loadAverageAtEnd: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
      operations,
      targets,
    };
    const out = options.out ?? path.join(BENCH_RESULTS_DIR, `${options.size}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(formatReport(result));
    options.log(`results written to ${path.relative(PROJECT_ROOT, out)}`);
    return result;
  } finally {
    load.close();
    await apiProcess?.close();
    await api?.close();
    await raw.close();
    await graph.close();
    await server.stop();
  }
}

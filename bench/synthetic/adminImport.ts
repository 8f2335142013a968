import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from '../../src/migrations/migrate';
import { createGraph } from '../../src/neo4j/createGraph';
import { renderNeo4jConf } from '../../src/neo4j/embedded/neo4jConf';
import { findJava } from '../../src/neo4j/embedded/resolveRuntime';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { stopJvmOnExit, wipeBenchDatabase, writeMarker, type BenchDatabase, type LoadMarker } from './benchDatabase';
import { GENERATOR_VERSION, PROFILES } from './profiles';
import { writeCsv } from './writeCsv';

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(command, args, { stdio: ['ignore', out, out], env });
    fs.closeSync(out);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`neo4j-admin import exited with ${String(code)}; see ${logFile}`)),
    );
  });
}

/**
 * Given a bench database folder (its own, e.g. bench/data/M-admin), loads the same synthetic data
 * as the bulk loader through Neo4j's offline importer, for comparison: writes the CSV files, runs
 * `neo4j-admin database import full` (class Neo4jAdminCommand from the jar home), then starts the
 * server and runs the migration so that the same constraints and indexes are online, stops it
 * and deletes the store (only the times are kept). Returns (and writes) the marker with the time
 * of each step.
 */
export async function adminImportBenchDatabase(
  db: BenchDatabase,
  options: { seed: number; log: (line: string) => void },
): Promise<LoadMarker> {
  wipeBenchDatabase(db);
  const profile = PROFILES[db.size];
  const confDir = path.join(db.dataDir, 'conf');
  fs.mkdirSync(confDir, { recursive: true });
  // The offline import binds no port (the server started below writes its own conf with one).
  fs.writeFileSync(
    path.join(confDir, 'neo4j.conf'),
    renderNeo4jConf({
      instance: db.dataDir,
      plugins: path.join(db.home, 'plugins'),
      boltPort: db.boltPort ?? 0,
      pageCache: db.pageCache,
    }),
  );

  const started = Date.now();
  options.log(`writing CSV for size ${db.size}…`);
  const csv = writeCsv(profile, options.seed, path.join(db.dataDir, 'csv'));
  const csvDone = Date.now();
  options.log(`CSV written in ${((csvDone - started) / 1000).toFixed(1)} s; running neo4j-admin database import full…`);
  await run(
    findJava(db.javaHome),
    [
      `-Xmx${db.heap}`,
      '-cp',
      path.join(db.home, 'lib', '*'),
      'org.neo4j.server.startup.Neo4jAdminCommand',
      'database',
      'import',
      'full',
      ...csv.nodes.map((file) => `--nodes=${file}`),
      ...csv.relationships.map((file) => `--relationships=${file}`),
      '--overwrite-destination=true',
      '--max-off-heap-memory=2G',
      'neo4j',
    ],
    { ...process.env, NEO4J_HOME: db.dataDir, NEO4J_CONF: confDir },
    path.join(db.dataDir, 'import.log'),
  );
  const imported = Date.now();
  options.log(`imported in ${((imported - csvDone) / 1000).toFixed(1)} s; starting the server to build constraints and indexes…`);

  const server = await startEmbeddedNeo4j({
    ...db,
    log: options.log,
    portInUseHint: 'Stop what holds it or omit --port to let the loader choose a free port.',
  });
  stopJvmOnExit(server.pid);
  const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 600_000 });
  let markForRemoval = false;
  try {
    const indexStart = Date.now();
    await migrate(graph);
    const done = Date.now();
    const [nodes] = await graph.read('MATCH (n:Entity) RETURN count(n) AS n');
    const [relationships] = await graph.read('MATCH ()-[r]->() RETURN count(r) AS n');
    const marker: LoadMarker = {
      generatorVersion: GENERATOR_VERSION,
      seed: options.seed,
      size: db.size,
      mode: 'admin-import',
      nodes: Number(nodes?.n ?? 0),
      relationships: Number(relationships?.n ?? 0),
      csvMillis: csvDone - started,
      loadMillis: imported - csvDone,
      indexMillis: done - indexStart,
      // Server start excluded: the loader's numbers exclude it too.
      totalMillis: imported - csvDone + (done - indexStart),
      rowsPerStatement: 0,
      heap: db.heap,
      pageCache: db.pageCache,
      loadedAt: new Date().toISOString(),
    };
    writeMarker(db, marker);
    fs.rmSync(path.join(db.dataDir, 'csv'), { recursive: true, force: true });
    markForRemoval = true;
    options.log(
      `neo4j-admin import: ${marker.nodes.toLocaleString('en')} nodes, ${marker.relationships.toLocaleString('en')} relationships; ` +
        `CSV ${(marker.csvMillis! / 1000).toFixed(1)} s, import ${(marker.loadMillis / 1000).toFixed(1)} s, indexes ${(marker.indexMillis / 1000).toFixed(1)} s.`,
    );
    return marker;
  } finally {
    await graph.close();
    await server.stop();
    // Only the times are needed: drop the store (gigabytes at L), keep the marker and the logs.
    if (markForRemoval) fs.rmSync(path.join(db.dataDir, 'data'), { recursive: true, force: true });
  }
}

import { parseArgs } from 'node:util';
import { adminImportBenchDatabase } from '../bench/synthetic/adminImport';
import { adminDataDir, benchDatabase } from '../bench/synthetic/benchDatabase';
import { loadBenchDatabase } from '../bench/synthetic/loadBenchDatabase';
import { DEFAULT_LOAD_CONCURRENCY } from '../bench/synthetic/loadSynthetic';
import { DEFAULT_SEED, profileFor } from '../bench/synthetic/profiles';

const USAGE = `usage: npm run synthetic:load -- --size S|M|L [--seed N] [--mode create|merge] [--rows 10000] [--concurrency 2] [--force]
                                   [--data-dir DIR] [--port N] [--heap 2g] [--pagecache 1g] [--admin-import]

Generates the synthetic benchmark graph of a size and loads it into its own embedded Neo4j under
bench/data/<size>, on a free Bolt port (or --port, refused when taken), never the dev or test
database nor any server it did not start. Skips the load when the folder's marker already names
this generator version and seed, unless --force. --concurrency: write statements in flight at once
(create mode).
--admin-import loads the same data with neo4j-admin's offline importer instead, into
bench/data/<size>-admin, for the loader-versus-importer ratio the bench prints.`;

/** `npm run synthetic:load`: loads synthetic data into a bench database and stops it again. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'S' },
      seed: { type: 'string' },
      mode: { type: 'string', default: 'create' },
      rows: { type: 'string', default: '10000' },
      concurrency: { type: 'string', default: String(DEFAULT_LOAD_CONCURRENCY) },
      force: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      heap: { type: 'string' },
      pagecache: { type: 'string' },
      'admin-import': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const profile = profileFor(values.size);
  if (values.mode !== 'create' && values.mode !== 'merge') throw new Error(`--mode must be create or merge\n${USAGE}`);
  const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
  const log = (line: string) => console.log(`[synthetic] ${line}`);
  const admin = values['admin-import'];
  const db = benchDatabase(profile.name, {
    dataDir: values['data-dir'] ?? (admin ? adminDataDir(profile.name) : undefined),
    boltPort: values.port ? Number(values.port) : undefined,
    heap: values.heap,
    pageCache: values.pagecache,
  });
  if (admin) {
    await adminImportBenchDatabase(db, { seed, log });
    return;
  }
  await loadBenchDatabase(db, {
    seed,
    mode: values.mode,
    rowsPerStatement: Number(values.rows),
    concurrency: Number(values.concurrency),
    force: values.force,
    log,
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

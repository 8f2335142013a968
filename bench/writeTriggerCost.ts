import { buildDashboardCube } from '../src/jobs/dashboardCube/buildDashboardCube';
import { importDataset } from '../src/importer/importDataset';
import { SEED_DIR } from '../src/importer/loadSeeds';
import { readSeedDirectory } from '../src/importer/readSeedDirectory';
import { migrate } from '../src/migrations/migrate';
import { createGraph, type Graph, type WriteMetadata } from '../src/neo4j/createGraph';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded/startEmbeddedNeo4j';
import { writeTriggers } from '../src/writes/installWriteTriggers';
import path from 'node:path';
import { BENCH_DATA_DIR, benchDatabase, stopJvmOnExit, wipeBenchDatabase } from './synthetic/benchDatabase';
import { loadSynthetic } from './synthetic/loadSynthetic';
import { DEFAULT_SEED, PROFILES, SIZE_NAMES, type SizeName } from './synthetic/profiles';

/**
 * `npx tsx bench/writeTriggerCost.ts [--size S] [--runs 5]`: what the write triggers (validation
 * and revisions, src/writes) cost the two heavy write paths, measured side by side on one fresh
 * database of the given synthetic size: the seed import (one transaction, 165 nodes and 342
 * relationships, each validated and given a revision) and a dashboard cube build (thousands of
 * DashboardCell nodes written in batches of 500: system nodes the triggers only filter out).
 * The import is timed with the triggers installed, with them installed but skipped by the
 * bench-only metadata flag, and with no triggers at all; the cube build (whose writes carry
 * systemWrite) with and without them installed. The cases are interleaved run by run after one
 * uncounted warm-up round. Prints medians in milliseconds.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const size = option('size', 'S') as SizeName;
if (!SIZE_NAMES.includes(size)) throw new Error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
const runs = Number(option('runs', '5'));

const SKIP: WriteMetadata = { actor: 'bench', operation: 'bench:trigger-cost', benchBulkLoad: true };
const RECORDED: WriteMetadata = { actor: 'bench', operation: 'bench:trigger-cost' };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function dropTriggers(graph: Graph): Promise<void> {
  for (const { name } of writeTriggers()) {
    await graph.onDatabase('system').write('CALL apoc.trigger.drop($db, $name)', { db: graph.database, name });
  }
  for (;;) {
    const rows = await graph.read('CALL apoc.trigger.list() YIELD name RETURN name');
    if (rows.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const db = benchDatabase(size, { dataDir: path.join(BENCH_DATA_DIR, `trigger-cost-${size}`) });
  wipeBenchDatabase(db);
  const server = await startEmbeddedNeo4j({ ...db, log: () => undefined });
  stopJvmOnExit(server.pid);
  const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 600_000 });
  try {
    const load = await loadSynthetic(graph, { profile: PROFILES[size], seed: DEFAULT_SEED, mode: 'create' });
    console.log(`size ${size}: ${load.nodes} nodes, ${load.relationships} relationships loaded in ${load.totalMillis} ms`);
    const seeds = readSeedDirectory(SEED_DIR);
    const seedIds = seeds.nodes.map((n) => n.record.id);
    const times = new Map<string, number[]>();
    const record = (what: string, millis: number, counted: boolean) => {
      if (counted) times.set(what, [...(times.get(what) ?? []), millis]);
    };
    const importSeeds = async (metadata: WriteMetadata) => {
      await graph.write('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids: seedIds }, SKIP);
      const started = Date.now();
      await importDataset(graph, seeds, { atomic: true, metadata });
      return Date.now() - started;
    };
    // Interleaved, so the load of a shared machine falls on both sides alike; round 0 warms up and is not counted.
    for (let run = 0; run <= runs; run += 1) {
      const counted = run > 0;
      await migrate(graph);
      record('seed import, triggers', await importSeeds(RECORDED), counted);
      record('seed import, skipped by flag', await importSeeds(SKIP), counted);
      record('cube build, triggers (job skips them: systemWrite)', (await buildDashboardCube(graph)).millis, counted);
      await dropTriggers(graph);
      record('seed import, no triggers', await importSeeds(RECORDED), counted);
      record('cube build, no triggers', (await buildDashboardCube(graph)).millis, counted);
    }
    const [cells] = await graph.read('MATCH (c:DashboardCell) RETURN count(c) AS cells');
    console.log(`cube: ${String(cells?.cells)} cells; ${runs} runs each; medians (all runs):`);
    for (const [what, millis] of times) {
      console.log(`  ${what.padEnd(52)} ${String(median(millis)).padStart(7)} ms  (${millis.join(', ')})`);
    }
  } finally {
    await graph.close();
    await server.stop();
    wipeBenchDatabase(db);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

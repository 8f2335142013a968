import { Presets, SingleBar } from 'cli-progress';
import { createGraph } from '../../src/neo4j/createGraph';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import {
  markerIsCurrent,
  readMarker,
  stopJvmOnExit,
  wipeBenchDatabase,
  writeMarker,
  type BenchDatabase,
  type LoadMarker,
} from './benchDatabase';
import { DEFAULT_LOAD_CONCURRENCY, loadSynthetic } from './loadSynthetic';
import { GENERATOR_VERSION, PROFILES } from './profiles';
import type { LoadMode } from './writeBatch';

export interface BenchLoadOptions {
  readonly seed: number;
  readonly mode: LoadMode;
  readonly rowsPerStatement: number;
  /** Write statements in flight at once (create mode). */
  readonly concurrency?: number;
  /** Reload even when the marker says the data is current. */
  readonly force: boolean;
  readonly log: (line: string) => void;
}

/**
 * Given a bench database (its own folder, and a port or none), makes sure it holds the synthetic data of its
 * size for the seed: returns the existing marker when it is current, otherwise wipes the folder,
 * starts the embedded Neo4j, loads with a progress bar, writes the marker, and stops the server
 * (also on failure). Returns the marker.
 */
export async function loadBenchDatabase(db: BenchDatabase, options: BenchLoadOptions): Promise<LoadMarker> {
  const existing = readMarker(db);
  if (!options.force && markerIsCurrent(existing, options.seed)) {
    options.log(
      `${db.dataDir} already holds size ${db.size} (generator v${existing.generatorVersion}, seed ${existing.seed}); nothing to load.`,
    );
    return existing;
  }
  wipeBenchDatabase(db);
  // Never a server it did not start: a taken --port is refused, no port means a free one.
  const server = await startEmbeddedNeo4j({
    ...db,
    log: options.log,
    portInUseHint: 'Stop what holds it or omit --port to let the loader choose a free port.',
  });
  stopJvmOnExit(server.pid);
  const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 600_000 });
  const bar = new SingleBar(
    {
      format: `loading ${db.size} {bar} {percentage}% | {value}/{total} nodes | {rels} relationships | {duration_formatted} elapsed, ETA {eta_formatted}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  try {
    const profile = PROFILES[db.size];
    let started = false;
    const report = await loadSynthetic(graph, {
      profile,
      seed: options.seed,
      mode: options.mode,
      rowsPerStatement: options.rowsPerStatement,
      concurrency: options.concurrency,
      onProgress: ({ nodes, relationships, totalNodes }) => {
        if (!started) {
          bar.start(totalNodes, 0, { rels: 0 });
          started = true;
        }
        bar.update(nodes, { rels: relationships.toLocaleString('en') });
      },
    });
    bar.stop();
    options.log(
      `Loaded ${report.nodes.toLocaleString('en')} nodes and ${report.relationships.toLocaleString('en')} relationships (${options.mode}) in ` +
        `${(report.loadMillis / 1000).toFixed(1)} s, indexes online after ${(report.indexMillis / 1000).toFixed(1)} s more: ${(report.totalMillis / 1000).toFixed(1)} s in all.`,
    );
    const marker: LoadMarker = {
      generatorVersion: GENERATOR_VERSION,
      seed: options.seed,
      size: db.size,
      mode: options.mode,
      nodes: report.nodes,
      relationships: report.relationships,
      loadMillis: report.loadMillis,
      indexMillis: report.indexMillis,
      totalMillis: report.totalMillis,
      rowsPerStatement: options.rowsPerStatement,
      concurrency: options.concurrency ?? DEFAULT_LOAD_CONCURRENCY,
      heap: db.heap,
      pageCache: db.pageCache,
      loadedAt: new Date().toISOString(),
    };
    writeMarker(db, marker);
    return marker;
  } finally {
    bar.stop();
    await graph.close();
    await server.stop();
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import type { EmbeddedOptions } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { GENERATOR_VERSION, type SizeName } from './profiles';
import type { LoadMode } from './writeBatch';

/** The repository root (bench/data and bench/results live under it). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
/** Synthetic databases live here, one folder per size; git-ignored, never the dev or test database. */
export const BENCH_DATA_DIR = path.join(PROJECT_ROOT, 'bench', 'data');
export const BENCH_RESULTS_DIR = path.join(PROJECT_ROOT, 'bench', 'results');

/** Given a size, returns the folder of its neo4j-admin comparison database. */
export function adminDataDir(size: SizeName): string {
  return path.join(BENCH_DATA_DIR, `${size}-admin`);
}

/** Memory per size, within the shared machine's budget (heap ≤ 4g, page cache ≤ 4g). */
const MEMORY: Readonly<Record<SizeName, { heap: string; pageCache: string }>> = {
  S: { heap: '1g', pageCache: '512m' },
  M: { heap: '2g', pageCache: '1g' },
  L: { heap: '3g', pageCache: '3g' },
};

/** Written next to a loaded database; the bench reloads when its version or seed differs. */
export interface LoadMarker {
  readonly generatorVersion: number;
  readonly seed: number;
  readonly size: SizeName;
  /** How it was loaded: the bulk loader's create or merge path, or neo4j-admin's offline import (for comparison). */
  readonly mode: LoadMode | 'admin-import';
  readonly nodes: number;
  readonly relationships: number;
  /** admin-import only: writing the CSV files (not counted in totalMillis). */
  readonly csvMillis?: number;
  /** Writing nodes and relationships (for admin-import: the import command). */
  readonly loadMillis: number;
  /** Creating the remaining constraints and indexes and waiting for them to be online. */
  readonly indexMillis: number;
  readonly totalMillis: number;
  readonly rowsPerStatement: number;
  /** Write statements in flight at once (create mode; absent in markers written before it was recorded). */
  readonly concurrency?: number;
  readonly heap: string;
  readonly pageCache: string;
  readonly loadedAt: string;
}

export interface BenchDatabase extends EmbeddedOptions {
  readonly size: SizeName;
  readonly markerPath: string;
}

/**
 * Given a size and optional overrides, returns where and how its bench database runs: its own
 * folder under bench/data, the jar home and Java of the project's configuration, and the Bolt
 * port given (refused when taken); without one, the server takes a free port when it starts.
 */
export function benchDatabase(
  size: SizeName,
  overrides: { dataDir?: string; boltPort?: number; heap?: string; pageCache?: string } = {},
): BenchDatabase {
  const config = loadConfig({ ...process.env, NEO4J_URI: '' });
  if (config.database.mode !== 'embedded') throw new Error('unreachable: NEO4J_URI was cleared');
  const dataDir = path.resolve(overrides.dataDir ?? path.join(BENCH_DATA_DIR, size));
  return {
    size,
    home: config.database.home,
    javaHome: config.database.javaHome,
    startTimeoutMs: config.database.startTimeoutMs,
    dataDir,
    boltPort: overrides.boltPort,
    heap: overrides.heap ?? MEMORY[size].heap,
    pageCache: overrides.pageCache ?? MEMORY[size].pageCache,
    markerPath: path.join(dataDir, 'synthetic.json'),
  };
}

/** Given a bench database, returns its marker, or undefined when none was written. */
export function readMarker(db: BenchDatabase): LoadMarker | undefined {
  if (!fs.existsSync(db.markerPath)) return undefined;
  return JSON.parse(fs.readFileSync(db.markerPath, 'utf8')) as LoadMarker;
}

/** Given a marker and the wanted seed, says whether the loaded data is what this generator makes. */
export function markerIsCurrent(marker: LoadMarker | undefined, seed: number): marker is LoadMarker {
  return marker !== undefined && marker.generatorVersion === GENERATOR_VERSION && marker.seed === seed;
}

/** Given a bench database and its marker, writes the marker beside the data. */
export function writeMarker(db: BenchDatabase, marker: LoadMarker): void {
  fs.writeFileSync(db.markerPath, `${JSON.stringify(marker, null, 2)}\n`);
}

/** Deletes a bench database folder; refuses anything outside bench/data. */
export function wipeBenchDatabase(db: BenchDatabase): void {
  const relative = path.relative(BENCH_DATA_DIR, db.dataDir);
  if (relative.startsWith('..') || path.isAbsolute(relative) || relative === '') {
    throw new Error(`refusing to delete ${db.dataDir}: not inside ${BENCH_DATA_DIR}`);
  }
  fs.rmSync(db.dataDir, { recursive: true, force: true });
}

/**
 * Given the pid of a JVM this process started, makes sure it gets SIGTERM if this process exits
 * or is interrupted before stopping it cleanly (a bench must never leave a database running).
 */
export function stopJvmOnExit(pid: number | undefined): void {
  if (pid === undefined) return;
  process.once('exit', () => {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already stopped by the clean path.
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
}

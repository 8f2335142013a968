import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { lastRevisionTx, refreshCubeAfterImport } from '../jobs/dashboardCube/applyEditsToCube';
import type { Graph } from '../neo4j/createGraph';
import { importDataset, type ImportReport } from './importDataset';
import { readSeedDirectory } from './readSeedDirectory';

/** The real Hà Giang dataset shipped with the project. */
export const SEED_DIR = path.resolve(__dirname, '..', '..', 'seeds');

/**
 * Given a graph and a seed folder, validates every file (throwing SeedValidationError, nothing
 * written, on any problem) and MERGEs the dataset in one transaction, showing a progress bar on a
 * terminal. The database's write trigger checks the same rules again and records a revision per
 * node written, with `actor` (`importer` unless given: the CLI passes the OS user) and the folder
 * as source. Returns what was written.
 */
export async function loadSeeds(
  graph: Graph,
  directory: string = SEED_DIR,
  options: { progress?: boolean; actor?: string } = {},
): Promise<ImportReport> {
  const dataset = readSeedDirectory(directory);
  const showBar = options.progress ?? Boolean(process.stdout.isTTY);
  const bar = showBar
    ? new SingleBar({ format: 'seeding {bar} {value}/{total} rows', hideCursor: true }, Presets.shades_classic)
    : undefined;
  bar?.start(dataset.nodes.length + dataset.relationships.length, 0);
  const before = await lastRevisionTx(graph);
  try {
    const report = await importDataset(graph, dataset, {
      atomic: true,
      onProgress: (done) => bar?.update(done),
      metadata: { actor: options.actor ?? 'importer', operation: 'import', source: path.resolve(directory) },
    });
    bar?.stop();
    // The dashboard cube follows the facts just written (the cells of a small import, else rebuilt
    // whole), so dashboards never read older ones.
    await refreshCubeAfterImport(graph, before);
    return report;
  } finally {
    bar?.stop();
  }
}

/** True when the graph holds no node of the domain yet. */
export async function isGraphEmpty(graph: Graph): Promise<boolean> {
  const [row] = await graph.read('MATCH (n:Entity) RETURN count(n) > 0 AS any');
  return row?.any !== true;
}

import os from 'node:os';
import path from 'node:path';
import { loadSeeds, SEED_DIR } from '../src/importer/loadSeeds';
import { migrate } from '../src/migrations/migrate';
import { withDatabase } from '../src/jobs/withDatabase';

/** `npm run seed [-- <folder>]`: validates and MERGEs a seed folder (default: seeds/), recorded under the OS user's name. */
withDatabase(async (graph) => {
  const { writes } = await migrate(graph);
  if (!writes.active) throw new Error(`Refusing to import: writes would be neither validated nor recorded: ${writes.reason}`);
  const directory = process.argv[2] ? path.resolve(process.argv[2]) : SEED_DIR;
  const report = await loadSeeds(graph, directory, { actor: os.userInfo().username });
  console.log(
    `Imported ${report.nodes} nodes and ${report.relationships} relationships from ${directory} in ${report.millis} ms`,
  );
});

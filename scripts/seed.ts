import path from 'node:path';
import { loadSeeds, SEED_DIR } from '../src/importer/loadSeeds';
import { migrate } from '../src/migrations/migrate';
import { withDatabase } from '../src/jobs/withDatabase';

/** `npm run seed [-- <folder>]`: validates and MERGEs a seed folder (default: seeds/). */
withDatabase(async (graph) => {
  await migrate(graph);
  const directory = process.argv[2] ? path.resolve(process.argv[2]) : SEED_DIR;
  const report = await loadSeeds(graph, directory);
  console.log(
    `Imported ${report.nodes} nodes and ${report.relationships} relationships from ${directory} in ${report.millis} ms`,
  );
});

import { loadConfig, type Config } from '../config';
import type { Graph } from '../neo4j/createGraph';
import { openDatabase } from '../neo4j/openDatabase';

/**
 * Runs a command-line task against the configured database (embedded unless NEO4J_URI), then
 * closes it. An embedded server started here is stopped again; one already running is left alone.
 */
export function withDatabase(task: (graph: Graph) => Promise<void>, overrides: Partial<Config> = {}): void {
  const run = async () => {
    const db = await openDatabase(loadConfig(process.env, overrides), { log: (line) => console.log(line) });
    try {
      await task(db.graph);
    } finally {
      await db.close();
    }
  };
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

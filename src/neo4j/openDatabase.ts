import { databaseConnection, type Config } from '../config';
import { createGraph, type Graph } from './createGraph';
import { configuredPortHint } from './embedded/portInUseError';
import { superviseEmbeddedNeo4j, type SupervisedNeo4j, type SupervisionOptions } from './embedded/superviseEmbeddedNeo4j';

export interface OpenDatabase {
  readonly graph: Graph;
  /** The embedded server this process started and supervises, if any. */
  readonly embedded: SupervisedNeo4j | undefined;
  /** Closes the driver, then stops the embedded server if this process started one. */
  close(): Promise<void>;
}

/**
 * Given the configuration, returns a Graph over the configured server: the one NEO4J_URI names
 * (nothing is started), or the embedded Neo4j, started and awaited here on the configured port
 * and restarted when it dies (superviseEmbeddedNeo4j); refuses (PortInUseError) when something
 * else already listens there.
 */
export async function openDatabase(
  config: Config,
  options: { log?: (line: string) => void; onQuery?: (cypher: string) => void; supervision?: SupervisionOptions } = {},
): Promise<OpenDatabase> {
  const db = config.database;
  const embedded =
    db.mode === 'embedded'
      ? await superviseEmbeddedNeo4j(
          { ...db, log: options.log, portInUseHint: configuredPortHint(db.boltPort) },
          options.supervision,
        )
      : undefined;
  const graph = createGraph({ ...databaseConnection(db), queryTimeoutMs: config.queryTimeoutMs, onQuery: options.onQuery });
  return {
    graph,
    embedded,
    async close() {
      await graph.close();
      await embedded?.stop();
    },
  };
}

import type { Config } from '../config';
import { createGraph, type Graph } from './createGraph';
import { configuredPortHint } from './embedded/portInUseError';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded/startEmbeddedNeo4j';

export interface OpenDatabase {
  readonly graph: Graph;
  /** The embedded server this process started, if any. */
  readonly embedded: EmbeddedNeo4j | undefined;
  /** Closes the driver, then stops the embedded server if this process started one. */
  close(): Promise<void>;
}

/**
 * Given the configuration, returns a Graph over the configured server: the one NEO4J_URI names
 * (nothing is started), or the embedded Neo4j, started and awaited here on the configured port;
 * refuses (PortInUseError) when something else already listens there.
 */
export async function openDatabase(
  config: Config,
  options: { log?: (line: string) => void; onQuery?: (cypher: string) => void } = {},
): Promise<OpenDatabase> {
  const db = config.database;
  let embedded: EmbeddedNeo4j | undefined;
  let graph: Graph;
  if (db.mode === 'external') {
    graph = createGraph({ ...db, queryTimeoutMs: config.queryTimeoutMs, onQuery: options.onQuery });
  } else {
    embedded = await startEmbeddedNeo4j({ ...db, log: options.log, portInUseHint: configuredPortHint(db.boltPort) });
    graph = createGraph({
      uri: embedded.uri,
      user: 'neo4j',
      password: 'unused-auth-disabled',
      database: db.database,
      queryTimeoutMs: config.queryTimeoutMs,
      onQuery: options.onQuery,
    });
  }
  return {
    graph,
    embedded,
    async close() {
      await graph.close();
      await embedded?.stop();
    },
  };
}

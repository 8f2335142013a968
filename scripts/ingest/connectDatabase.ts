import path from 'node:path';
import type { Config } from '../../src/config';
import { isGraphEmpty, loadSeeds } from '../../src/importer/loadSeeds';
import { migrate } from '../../src/migrations/migrate';
import { createGraph, type Graph } from '../../src/neo4j/createGraph';
import { probeBolt } from '../../src/neo4j/embedded/probeBolt';
import { openDatabase } from '../../src/neo4j/openDatabase';

export interface ConnectedDatabase {
  readonly graph: Graph;
  /** Where it is, for the log: "NEO4J_URI …", "the embedded Neo4j npm start runs" or "embedded, started here". */
  readonly where: string;
  close(): Promise<void>;
}

/**
 * Given the configuration, returns the database `npm start` would use: the server NEO4J_URI
 * names; or the embedded one, used as it is when it already runs for this data folder (npm start
 * is up), else started here the way npm start starts it (migrated, seeded when empty) and stopped
 * again by close(). A different Neo4j on the embedded port is refused, as npm start refuses it.
 */
export async function connectDatabase(config: Config, log: (line: string) => void): Promise<ConnectedDatabase> {
  const db = config.database;
  if (db.mode === 'embedded') {
    const probe = await probeBolt(db.uri, 3_000);
    if (probe.answers && probe.dataDir === path.join(db.dataDir, 'data')) {
      const graph = createGraph({
        uri: db.uri,
        user: 'neo4j',
        password: 'unused-auth-disabled',
        database: db.database,
        queryTimeoutMs: config.queryTimeoutMs,
      });
      return { graph, where: `the embedded Neo4j already running on ${db.uri}`, close: () => graph.close() };
    }
  }
  const opened = await openDatabase(config, { log });
  try {
    await migrate(opened.graph);
    if (config.seedOnEmpty && (await isGraphEmpty(opened.graph))) {
      const report = await loadSeeds(opened.graph, undefined, { progress: false });
      log(`Seeded ${report.nodes} nodes and ${report.relationships} relationships`);
    }
  } catch (error) {
    await opened.close();
    throw error;
  }
  const where =
    db.mode === 'external' ? `NEO4J_URI ${db.uri}` : `the embedded Neo4j on ${opened.embedded?.uri ?? db.uri} (started here)`;
  return { graph: opened.graph, where, close: () => opened.close() };
}

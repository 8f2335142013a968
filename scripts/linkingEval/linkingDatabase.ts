import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { loadSeeds } from '../../src/importer/loadSeeds';
import { migrate } from '../../src/migrations/migrate';
import { createGraph, type Graph } from '../../src/neo4j/createGraph';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { ROOT } from './evalArticles';

export interface LinkingDatabase {
  readonly graph: Graph;
  readonly uri: string;
  close(): Promise<void>;
}

/**
 * Starts the evaluation's own embedded Neo4j 5.26 (a fresh folder under .neo4j-test/, a free
 * port), migrates it and loads seeds/ through the importer, which also writes the name index;
 * close() stops it and deletes the folder. Never attaches to a server it did not start.
 */
export async function startLinkingDatabase(log: (line: string) => void): Promise<LinkingDatabase> {
  const database = loadConfig({ ...process.env, NEO4J_URI: '' }).database;
  if (database.mode !== 'embedded') throw new Error('unreachable: NEO4J_URI was cleared');
  const dataDir = path.join(ROOT, '.neo4j-test', `eval-linking-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedNeo4j({
    home: database.home,
    heap: '512m',
    pageCache: '128m',
    javaHome: database.javaHome,
    dataDir,
    log,
  });
  const stop = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  // A Ctrl-C must not leave the JVM running.
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 60_000 });
  try {
    await migrate(graph);
    await loadSeeds(graph, undefined, { progress: false });
  } catch (error) {
    await graph.close();
    await stop();
    throw error;
  }
  return {
    graph,
    uri: server.uri,
    async close() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await graph.close();
      await stop();
    },
  };
}

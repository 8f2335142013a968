import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createGraph, type Graph } from '../../src/neo4j/createGraph';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';

/** Where the evaluation's own embedded Neo4j keeps its files (git-ignored, wiped on every run). */
export const EVAL_DATA_DIR = path.resolve(__dirname, '..', '..', '.neo4j-test', 'eval-related');

export interface EvalDatabase {
  readonly graph: Graph;
  /** Where it runs, for the report: "embedded on bolt://…" or "NEO4J_URI …". */
  readonly description: string;
  close(): Promise<void>;
}

/** Asks the OS for a loopback port nobody listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Given the environment, returns a database for the evaluation: the server NEO4J_URI names when it
 * is set, else a fresh embedded Neo4j of its own (empty data folder, EVAL_NEO4J_PORT or a free
 * port, the embedded settings of the configuration), stopped again by close(). It never attaches
 * to a server it did not start unless NEO4J_URI says so.
 */
export async function openEvalDatabase(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<EvalDatabase> {
  const external = env.NEO4J_URI;
  if (external) {
    const config = loadConfig(env).database;
    if (config.mode !== 'external') throw new Error('unreachable: NEO4J_URI is set');
    const graph = createGraph({ ...config, queryTimeoutMs: 30_000 });
    return { graph, description: `NEO4J_URI ${external} (not started here)`, close: () => graph.close() };
  }
  const database = loadConfig({ ...env, NEO4J_URI: '' }).database;
  if (database.mode !== 'embedded') throw new Error('unreachable: NEO4J_URI was cleared');
  const boltPort = env.EVAL_NEO4J_PORT ? Number(env.EVAL_NEO4J_PORT) : await freePort();
  if (!Number.isInteger(boltPort) || boltPort < 1 || boltPort > 65535) {
    throw new Error(`EVAL_NEO4J_PORT must be a port number (got "${env.EVAL_NEO4J_PORT}")`);
  }
  fs.rmSync(EVAL_DATA_DIR, { recursive: true, force: true });
  const server = await startEmbeddedNeo4j({
    home: database.home,
    heap: database.heap,
    pageCache: '256m',
    javaHome: database.javaHome,
    startTimeoutMs: database.startTimeoutMs,
    dataDir: EVAL_DATA_DIR,
    boltPort,
    log,
  });
  if (server.pid === undefined) {
    throw new Error(
      `A Neo4j already answers on port ${boltPort}; the evaluation starts its own. Choose another EVAL_NEO4J_PORT or set NEO4J_URI.`,
    );
  }
  // A Ctrl-C must not leave the JVM running.
  const stopOnSignal = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 30_000 });
  return {
    graph,
    description: `embedded Neo4j 5.26 on ${server.uri}, data in ${path.relative(process.cwd(), EVAL_DATA_DIR)} (started and stopped here)`,
    async close() {
      process.off('SIGINT', stopOnSignal);
      process.off('SIGTERM', stopOnSignal);
      await graph.close();
      await server.stop();
    },
  };
}

import fs from 'node:fs';
import { loadSeeds } from '../../src/importer/loadSeeds';
import { migrate } from '../../src/migrations/migrate';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { embeddedDefaults } from './embeddedDefaults';
import { createTestDataDir, removeTestDataDir } from './testDataDir';
import { requestedTestPort, STARTED_DATABASE_URI, testGraph } from './testDatabase';

/** What globalSetup started, for globalTeardown (Jest runs both in its parent process). */
export interface OwnedTestDatabase {
  readonly uri: string;
  readonly dataDir: string;
  /** Stops the server and deletes its data folder. */
  stop(): Promise<void>;
}

const OWNED = '__exemplarTestDatabase__';

/** The database globalSetup started in this process, if any. */
export function ownedTestDatabase(): OwnedTestDatabase | undefined {
  return (globalThis as Record<string, unknown>)[OWNED] as OwnedTestDatabase | undefined;
}

/**
 * Unless NEO4J_URI names a server, starts this run's own embedded Neo4j 5.26: in a fresh data
 * folder, on a free port (or TEST_NEO4J_PORT, refused when anything holds it), and hands its URI
 * to the test files. Then migrates and loads the real seeds, so every test file starts from the
 * seeded facts. Never attaches to a server it did not start.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.NEO4J_URI) {
    const dataDir = createTestDataDir('main');
    let server: EmbeddedNeo4j;
    try {
      server = await startEmbeddedNeo4j({
        ...embeddedDefaults(),
        dataDir,
        boltPort: requestedTestPort(),
        portInUseHint:
          'Unset TEST_NEO4J_PORT to let the tests choose a free port, or set NEO4J_URI to test against a server you run.',
        log: (line) => process.stdout.write(`\n[test-db] ${line}\n`),
      });
    } catch (error) {
      removeTestDataDir(dataDir);
      throw error;
    }
    let stopped = false;
    const owned: OwnedTestDatabase = {
      uri: server.uri,
      dataDir,
      async stop() {
        stopped = true;
        await server.stop();
        removeTestDataDir(dataDir);
      },
    };
    (globalThis as Record<string, unknown>)[OWNED] = owned;
    // If Jest exits without globalTeardown (a failed setup, a kill), the JVM and its files must not outlive it.
    const abandon = () => {
      if (stopped) return;
      stopped = true;
      try {
        if (server.pid !== undefined) process.kill(server.pid, 'SIGKILL');
      } catch {
        // The JVM is already gone.
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    process.once('exit', abandon);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        abandon();
        // Then die of the signal as Jest would have without this handler.
        process.kill(process.pid, signal);
      });
    }
    process.env[STARTED_DATABASE_URI] = server.uri;
  }
  const graph = testGraph();
  try {
    const { writes } = await migrate(graph);
    // The tests check validation and history: a server that runs neither cannot pass them honestly.
    if (!writes.active) throw new Error(`The test database does not run the write triggers: ${writes.reason}`);
    await loadSeeds(graph, undefined, { progress: false });
  } catch (error) {
    // Jest skips globalTeardown when globalSetup fails: clean up here.
    await ownedTestDatabase()?.stop();
    throw error;
  } finally {
    await graph.close();
  }
}

import fs from 'node:fs';
import { loadSeeds } from '../../src/importer/loadSeeds';
import { migrate } from '../../src/migrations/migrate';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { embeddedDefaults } from './embeddedDefaults';
import { TEST_BOLT_PORT, TEST_DATA_DIR, testGraph } from './testDatabase';

/**
 * Starts a fresh embedded Neo4j 5.26 for the integration tests (unless NEO4J_URI names a server),
 * then migrates and loads the real seeds, so every test file starts from the seeded facts.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.NEO4J_URI) {
    fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true });
    const server = await startEmbeddedNeo4j({
      ...embeddedDefaults(),
      dataDir: TEST_DATA_DIR,
      boltPort: TEST_BOLT_PORT,
      log: (line) => process.stdout.write(`\n[test-db] ${line}\n`),
    });
    (globalThis as { __testNeo4j__?: unknown }).__testNeo4j__ = server;
  }
  const graph = testGraph();
  try {
    await migrate(graph);
    await loadSeeds(graph, undefined, { progress: false });
  } finally {
    await graph.close();
  }
}

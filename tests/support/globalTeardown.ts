import type { EmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';

/** Stops the embedded test database that globalSetup started. */
export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __testNeo4j__?: EmbeddedNeo4j }).__testNeo4j__;
  await server?.stop();
}

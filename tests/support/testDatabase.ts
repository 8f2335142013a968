import path from 'node:path';
import { createGraph, type Graph } from '../../src/neo4j/createGraph';

/** Where the integration tests' own embedded Neo4j keeps its files (git-ignored, wiped per run). */
export const TEST_DATA_DIR = path.resolve(__dirname, '..', '..', '.neo4j-test', process.env.TEST_NEO4J_NAME ?? 'main');
/** TEST_NEO4J_PORT lets several checkouts (or people) run the suite side by side. */
export const TEST_BOLT_PORT = Number(process.env.TEST_NEO4J_PORT ?? 7697);

/** Connection settings of the test database: NEO4J_URI when set, else the test's embedded server. */
export function testConnection(): { uri: string; user: string; password: string; database: string } {
  const uri = process.env.NEO4J_URI;
  if (uri) {
    return {
      uri,
      user: process.env.NEO4J_USER ?? process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    };
  }
  return { uri: `bolt://127.0.0.1:${TEST_BOLT_PORT}`, user: 'neo4j', password: 'unused', database: 'neo4j' };
}

/** A Graph on the test database; pass onQuery to count round trips. */
export function testGraph(onQuery?: (cypher: string) => void): Graph {
  return createGraph({ ...testConnection(), queryTimeoutMs: 30_000, onQuery });
}

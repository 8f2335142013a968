import { createGraph, type Graph } from '../../src/neo4j/createGraph';

/**
 * The variable through which globalSetup hands the Bolt URI of the database it started to the
 * test files (they run in the same process: the integration project runs in band). Not a
 * setting: globalSetup overwrites it on every run.
 */
export const STARTED_DATABASE_URI = 'EXEMPLAR_TEST_STARTED_NEO4J_URI';

/**
 * The Bolt port the test database must use, from TEST_NEO4J_PORT (refused when anything holds
 * it), or undefined: globalSetup then takes a free one.
 */
export function requestedTestPort(): number | undefined {
  const value = process.env.TEST_NEO4J_PORT;
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`TEST_NEO4J_PORT must be a TCP port (1 to 65535), got ${value}`);
  }
  return port;
}

/**
 * Connection settings of the test database: the server NEO4J_URI names (the only way tests use
 * a server they did not start), else the embedded one this run's globalSetup started.
 */
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
  const started = process.env[STARTED_DATABASE_URI];
  if (!started) {
    throw new Error(
      "No test database: the integration project's globalSetup starts one (run the tests through jest), or set NEO4J_URI",
    );
  }
  return { uri: started, user: 'neo4j', password: 'unused', database: 'neo4j' };
}

/** A Graph on the test database; pass onQuery to count round trips. */
export function testGraph(onQuery?: (cypher: string) => void): Graph {
  return createGraph({ ...testConnection(), queryTimeoutMs: 30_000, onQuery });
}

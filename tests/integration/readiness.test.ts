import fs from 'node:fs';
import path from 'node:path';
import { createGraph, type Graph } from '../../src/neo4j/createGraph';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { embeddedDefaults } from '../support/embeddedDefaults';
import { TEST_BOLT_PORT } from '../support/testDatabase';
import { startTestApi, type TestApi } from '../support/startTestApi';

// This test stops and restarts a database, so it owns one: a second embedded Neo4j on its own port.
const DATA_DIR = path.resolve(__dirname, '..', '..', '.neo4j-test', `${process.env.TEST_NEO4J_NAME ?? 'main'}-readiness`);
const PORT = TEST_BOLT_PORT + 1;
const start = () => startEmbeddedNeo4j({ ...embeddedDefaults(), dataDir: DATA_DIR, boltPort: PORT, log: () => undefined });

let server: EmbeddedNeo4j;
let graph: Graph;
let api: TestApi;

beforeAll(async () => {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  server = await start();
  graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 5_000 });
  api = await startTestApi({ graph });
});
afterAll(async () => {
  await api?.close();
  await graph?.close();
  await server?.stop();
});

async function readyz(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${api.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('/readyz and /livez', () => {
  it('follow the database down and back up, and the API recovers by itself', async () => {
    expect((await readyz()).status).toBe(200);

    await server.stop();
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable' });
    expect(String(down.body.neo4j)).toMatch(/^unreachable/);
    const live = await fetch(`${api.url}/livez`);
    expect(live.status).toBe(200);
    const query = await api.graphql('{ places(limit: 1) { id } }');
    expect(query.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');

    server = await start();
    expect((await readyz()).status).toBe(200);
    const again = await api.graphql('{ places(limit: 1) { id } }');
    expect(again.body.errors).toBeUndefined();
  });
});

import { createGraph, type Graph } from '../../src/neo4j/createGraph';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { embeddedDefaults } from '../support/embeddedDefaults';
import { startTestApi, type TestApi } from '../support/startTestApi';
import { createTestDataDir, removeTestDataDir } from '../support/testDataDir';
import { waitFor } from '../support/waitFor';

// This test stops and restarts a database, so it owns one: a second embedded Neo4j in its own
// fresh folder, on a free port it chooses, restarted on that same port (the API's driver knows it).
const DATA_DIR = createTestDataDir('readiness');
const start = (boltPort?: number) =>
  startEmbeddedNeo4j({ ...embeddedDefaults(), dataDir: DATA_DIR, boltPort, log: () => undefined });
/** How long the API may take to notice the database went down or came back, on a busy machine. */
const NOTICE_MS = 60_000;

let server: EmbeddedNeo4j;
let graph: Graph;
let api: TestApi;

beforeAll(async () => {
  server = await start();
  graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 5_000 });
  api = await startTestApi({ graph });
}, 300_000);
afterAll(async () => {
  await api?.close();
  await graph?.close();
  await server?.stop();
  removeTestDataDir(DATA_DIR);
}, 120_000);

async function readyz(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${api.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('/readyz and /livez', () => {
  // A stop and a start of a JVM: minutes on a loaded two-core machine, so a longer budget.
  it('follow the database down and back up, and the API recovers by itself', async () => {
    expect((await readyz()).status).toBe(200);

    await server.stop();
    let down: Awaited<ReturnType<typeof readyz>> = { status: 0, body: {} };
    await waitFor(async () => (down = await readyz()).status === 503, {
      what: '/readyz to answer 503 once Neo4j stopped',
      timeoutMs: NOTICE_MS,
    });
    expect(down.body).toMatchObject({ status: 'unavailable' });
    expect(String(down.body.neo4j)).toMatch(/^unreachable/);
    const live = await fetch(`${api.url}/livez`);
    expect(live.status).toBe(200);
    const query = await api.graphql('{ places(limit: 1) { id } }');
    expect(query.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');

    server = await start(server.boltPort);
    await waitFor(async () => (await readyz()).status === 200, {
      what: '/readyz to answer 200 once Neo4j is back',
      timeoutMs: NOTICE_MS,
    });
    let again: Awaited<ReturnType<TestApi['graphql']>> = { status: 0, body: {} };
    await waitFor(async () => (again = await api.graphql('{ places(limit: 1) { id } }')).body.errors === undefined, {
      what: 'a query to succeed once Neo4j is back',
      timeoutMs: NOTICE_MS,
    });
    expect(again.body.data?.places).toBeDefined();
  }, 400_000);
});

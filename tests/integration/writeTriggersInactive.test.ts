import { loadConfig } from '../../src/config';
import { createNeo4jGraphQL } from '../../src/graphql/createNeo4jGraphQL';
import { migrate, type MigrationReport } from '../../src/migrations/migrate';
import { createGraph, type Graph } from '../../src/neo4j/createGraph';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { createApp, type App } from '../../src/server/createApp';
import { createReadiness } from '../../src/server/readiness';
import { embeddedDefaults } from '../support/embeddedDefaults';
import { signToken, TEST_JWT_SECRET } from '../support/startTestApi';
import { createTestDataDir, removeTestDataDir } from '../support/testDataDir';

/**
 * A server that does not run APOC triggers (NEO4J_URI pointing at one, say) cannot validate and
 * record writes. The API still starts and reads, and refuses every mutation with a coded error
 * saying why, rather than writing facts no one checked or recorded. This file starts its own
 * Neo4j with triggers off.
 */
let server: EmbeddedNeo4j;
let graph: Graph;
let report: MigrationReport;
let app: App;
let url: string;
const dataDir = createTestDataDir('no-triggers');

beforeAll(async () => {
  server = await startEmbeddedNeo4j({ ...embeddedDefaults(), dataDir, apocTriggers: false, log: () => undefined });
  graph = createGraph({ uri: server.uri, user: 'neo4j', password: 'unused', database: 'neo4j', queryTimeoutMs: 30_000 });
  report = await migrate(graph, { timeoutMs: 10_000 });
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, PORT: '0' });
  const schema = await createNeo4jGraphQL({ driver: graph.driver, jwtSecret: config.jwtSecret }).getSchema();
  app = await createApp({ config, graph, schema, readiness: createReadiness(graph), writes: report.writes });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const address = app.httpServer.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await app?.apollo.stop();
  await graph?.close();
  await server?.stop();
  removeTestDataDir(dataDir);
});

async function post(query: string, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

describe('a server without write triggers', () => {
  it('is reported by the migrations, with the reason', () => {
    expect(report.writes).toEqual({ active: false, reason: expect.stringMatching(/apoc\.trigger\.enabled=true/) });
  });

  it('gets every mutation refused with DATABASE_UNAVAILABLE (WRITE_TRIGGERS_INACTIVE), nothing written', async () => {
    const editor = await signToken(['editor']);
    const { status, body } = await post(
      `mutation { createFields(input: [{ id: "field:test-no-triggers", name: "Thử", sources: ["https://example.org/a"], confidence: UNVERIFIED }]) { fields { id } } }`,
      editor,
    );
    expect(status).toBe(503);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', reason: 'WRITE_TRIGGERS_INACTIVE' });
    expect(body.errors?.[0]?.message).toMatch(/apoc\.trigger\.enabled/);
    const [row] = await graph.read('MATCH (n:Entity) RETURN count(n) AS n');
    expect(row?.n).toBe(0);
  });

  it('keeps reads working', async () => {
    const { status, body } = await post('{ fields(limit: 1) { id } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { fields: [] } });
  });
});

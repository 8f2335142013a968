import { dashboardCubeState } from '../../src/analytics/dashboard/cubeState';
import { loadConfig } from '../../src/config';
import { childProcessCubeBuilder } from '../../src/server/cubeRefresh';
import { testConnection, testGraph } from '../support/testDatabase';

/**
 * The server rebuilds the dashboard cube in a child process. With the embedded database (the
 * default, `npm start` without NEO4J_URI) the child must reach the server the API started: the
 * reported bug was a child refusing its own configuration ("NEO4J_PASSWORD is required when
 * NEO4J_URI is set") on every rebuild, leaving dashboards live for good.
 */
(process.env.NEO4J_URI ? describe.skip : describe)('the cube job started by the server, embedded database', () => {
  const graph = testGraph();
  afterAll(() => graph.close());

  it('connects to the embedded server the API runs and rebuilds the cube', async () => {
    // The configuration `npm start` has when the embedded server listens where the test database does.
    const { database } = loadConfig({ NEO4J_URI: '', NEO4J_BOLT_PORT: new URL(testConnection().uri).port });
    expect(database.mode).toBe('embedded');
    const before = (await graph.read('MATCH (c:DashboardCube) RETURN c.version AS version'))[0]?.version;
    const summary = await childProcessCubeBuilder(database, { execArgv: ['--import', 'tsx'] })();
    expect(summary).toMatch(/^Dashboard cube \S+: \d+ cells for \d+ scopes/);
    const after = (await graph.read('MATCH (c:DashboardCube) RETURN c.version AS version'))[0]?.version;
    expect(after).not.toBe(before);
    expect(await dashboardCubeState(graph)).toMatchObject({ built: true, stale: false });
  });
});

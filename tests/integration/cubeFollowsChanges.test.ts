import { dashboardCubeState } from '../../src/analytics/dashboard/cubeState';
import { buildDashboardCube } from '../../src/jobs/dashboardCube/buildDashboardCube';
import { seedRecords } from '../support/seedFacts';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';
import { waitFor } from '../support/waitFor';

/**
 * Issue 10, item 6, and issue 9's "dashboards follow accepted writes": the dashboard cube is set
 * aside (and a rebuild scheduled) only when a mutation changed facts, which the revisions it left
 * say: not for a refused mutation, one that matched nothing (a non-editor's included), or one
 * that set values already there. After a real change, the counted figures follow at once (read
 * live until the rebuild).
 */
const STORY = 'story:test-cube-follows';
const FIELD = 'field:rescue';
const FIGURES = `query($from: Date!, $to: Date!) { fieldDashboard(field: "${FIELD}", from: $from, to: $to) { source current { stories { count } } } }`;
const YEAR = { from: '2023-01-01', to: '2023-12-31' };

let api: TestApi;
let editor: string;
let builds = 0;

async function changes(): Promise<number> {
  const [row] = await api.graph.read("MATCH (c:DashboardCube {id: 'current'}) RETURN coalesce(c.changes, 0) AS changes");
  return Number(row?.changes);
}

async function storiesIn2023(): Promise<{ source: string; count: number }> {
  const { body } = await api.graphql(FIGURES, YEAR);
  expect(body.errors).toBeUndefined();
  return { source: body.data?.fieldDashboard.source, count: body.data?.fieldDashboard.current.stories.count };
}

beforeAll(async () => {
  // The rebuild the API schedules is counted, not run: this file checks when the cube is set aside
  // (with whole rebuilds; cubeIncremental.test.ts checks the cell-by-cell update).
  api = await startTestApi({
    cubeBuilder: () => {
      builds += 1;
      return Promise.resolve('counted by the test');
    },
    cubeMaintenance: 'rebuild',
  });
  editor = await signToken(['editor']);
  await api.graph.write(
    'MATCH (s:Story {id: $id}) DETACH DELETE s',
    { id: STORY },
    { actor: 'tests', operation: 'test:cleanup' },
  );
  await buildDashboardCube(api.graph);
});
afterAll(async () => {
  await api.graph.write(
    'MATCH (s:Story {id: $id}) DETACH DELETE s',
    { id: STORY },
    { actor: 'tests', operation: 'test:cleanup' },
  );
  await buildDashboardCube(api.graph);
  await api.close();
});

describe('the dashboard cube follows real changes only', () => {
  it('is not set aside by a mutation the validation refused', async () => {
    const before = await changes();
    const { body } = await api.graphql(
      `mutation { updateFields(where: { id: { eq: "${FIELD}" } }, update: { confidence: { set: CONFIRMED }, sources: { set: [] } }) { fields { id } } }`,
      {},
      editor,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'Field.sources' });
    expect(await changes()).toBe(before);
    expect(await dashboardCubeState(api.graph)).toMatchObject({ stale: false });
  });

  it("is not set aside by a non-editor's mutation that matches nothing", async () => {
    const before = await changes();
    const { body } = await api.graphql(
      `mutation { deleteFields(where: { id: { eq: "field:none-such" } }) { nodesDeleted } }`,
      {},
      await signToken(['reader']),
    );
    expect(body.data?.deleteFields.nodesDeleted ?? 0).toBe(0);
    expect(await changes()).toBe(before);
    expect(await dashboardCubeState(api.graph)).toMatchObject({ stale: false });
  });

  it("is not set aside by an editor's mutation that matches nothing or changes no value", async () => {
    const before = await changes();
    const none = await api.graphql(
      `mutation { updateFields(where: { id: { eq: "field:none-such" } }, update: { note: { set: "x" } }) { fields { id } } }`,
      {},
      editor,
    );
    expect(none.body.data?.updateFields.fields).toEqual([]);
    const seededName = seedRecords('fields.json').find((f) => f.id === FIELD)?.name as string;
    const same = await api.graphql(
      `mutation($name: String!) { updateFields(where: { id: { eq: "${FIELD}" } }, update: { name: { set: $name } }) { fields { id } } }`,
      { name: seededName },
      editor,
    );
    expect(same.body.data?.updateFields.fields).toEqual([{ id: FIELD }]);
    expect(await changes()).toBe(before);
    expect(await dashboardCubeState(api.graph)).toMatchObject({ stale: false });
    expect((await storiesIn2023()).source).toBe('PRECOMPUTED');
  });

  it('is set aside by a real change, and the counted figure follows it at once (live)', async () => {
    const before = await storiesIn2023();
    expect(before.source).toBe('PRECOMPUTED');
    const buildsBefore = builds;
    const { body } = await api.graphql(
      `mutation($input: [StoryCreateInput!]!) { createStories(input: $input) { stories { id } } }`,
      {
        input: [
          {
            id: STORY,
            name: 'Bài thử số liệu',
            title: 'Bài thử số liệu',
            channel: 'NEWS',
            publishedAt: '2023-05-02',
            sources: ['https://example.org/test-cube'],
            confidence: 'UNVERIFIED',
            features: {
              connect: [
                {
                  where: { node: { id: { eq: FIELD } } },
                  edge: { sources: ['https://example.org/test-cube'], confidence: 'UNVERIFIED' },
                },
              ],
            },
          },
        ],
      },
      editor,
    );
    expect(body.errors).toBeUndefined();
    expect(await dashboardCubeState(api.graph)).toMatchObject({ stale: true });
    expect(await storiesIn2023()).toEqual({ source: 'LIVE', count: before.count + 1 });
    await waitFor(() => builds > buildsBefore, { what: 'the API to schedule a rebuild of the cube', timeoutMs: 30_000 });
  });
});

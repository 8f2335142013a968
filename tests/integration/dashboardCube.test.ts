import { dashboardCubeState } from '../../src/analytics/dashboard/cubeState';
import { buildDashboardCube } from '../../src/jobs/dashboardCube/buildDashboardCube';
import { seedRecords } from '../support/seedFacts';
import { childProcessCubeBuilder, inProcessCubeBuilder } from '../../src/server/cubeRefresh';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';
import { testConnection, testGraph } from '../support/testDatabase';
import { waitFor } from '../support/waitFor';

/**
 * The dashboard cube must say exactly what the live rule says. Asking for the figures alone lets
 * the API read the cube; asking for the ids behind them makes it answer live. The two answers are
 * compared figure by figure for every seeded field, in the whole country and in every seeded
 * province, over several periods of whole years and of whole months.
 */
const PERIOD_PANELS = `from to exemplars { count } events { count } awards { count } stories { count }
  awardsByForm { key label count } awardsByLevel { key label count } storiesPerMonth { key count }
  topPlaces { then { place { id name } level count } now { place { id name } level count } } topAgencies { key label count }`;
const FIGURES = `query($field: ID!, $place: ID, $from: Date!, $to: Date!) {
  fieldDashboard(field: $field, place: $place, from: $from, to: $to) {
    source builtAt field { id } fields place { id }
    current { ${PERIOD_PANELS} } previous { ${PERIOD_PANELS} } change { exemplars awards events stories }
  }
}`;
const WITH_IDS = FIGURES.replace('source builtAt', 'source builtAt current { events { ids } }');

const PERIODS = [
  { from: '2023-01-01', to: '2023-12-31' },
  { from: '2018-01-01', to: '2024-12-31' },
  { from: '2025-01-01', to: '2026-12-31' },
  { from: '2000-01-01', to: '2030-12-31' },
  // Whole months: a quarter, and years cut in the middle (month cells and year-only facts).
  { from: '2023-04-01', to: '2023-06-30' },
  { from: '2020-07-01', to: '2024-02-29' },
  { from: '2016-10-01', to: '2019-03-31' },
];
const FIELDS = seedRecords('fields.json').map((f) => f.id as string);
const PROVINCES = seedRecords('places.json')
  .filter((p) => p.level === 'PROVINCE')
  .map((p) => p.id as string);

let api: TestApi;
/**
 * The API's rebuild after a mutation is the real in-process build, held until the test has seen
 * the cube set aside: on a busy machine the debounced rebuild could otherwise finish first.
 */
let releaseRebuilds: () => void = () => undefined;
const rebuildsReleased = new Promise<void>((resolve) => (releaseRebuilds = resolve));

beforeAll(async () => {
  const graph = testGraph();
  const build = inProcessCubeBuilder(graph);
  // This file checks the whole rebuild after an edit; cubeIncremental.test.ts checks the cell-by-cell update.
  api = await startTestApi({ graph, cubeBuilder: () => rebuildsReleased.then(build), cubeMaintenance: 'rebuild' });
  // Another test file's edits may have left the cube stale; build it as an import would.
  await buildDashboardCube(api.graph);
});
afterAll(async () => {
  // Stopping the API waits for a rebuild in flight: never leave one held.
  releaseRebuilds();
  await api.close();
  await api.graph.close();
});

type Dashboard = Record<string, any>;

async function ask(query: string, variables: Record<string, unknown>): Promise<Dashboard> {
  const { body } = await api.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data!.fieldDashboard as Dashboard;
}

/** The answer without where it came from, to compare a cube answer with a live one. */
function figures(dashboard: Dashboard): Dashboard {
  const { source: _source, builtAt: _builtAt, ...rest } = dashboard;
  return { ...rest, current: { ...rest.current, events: { count: rest.current.events.count } } };
}

describe('the dashboard cube', () => {
  it('is built from the seeds and read for whole months when no ids are asked', async () => {
    const cubed = await ask(FIGURES, { field: 'field:rescue', ...PERIODS[0] });
    expect(cubed.source).toBe('PRECOMPUTED');
    expect(Date.parse(cubed.builtAt)).toBeLessThanOrEqual(Date.now());
    expect(cubed.current.events.count).toBeGreaterThan(0);
    const live = await ask(WITH_IDS, { field: 'field:rescue', ...PERIODS[0] });
    expect(live.source).toBe('LIVE');
    expect(live.builtAt).toBeNull();
    expect(live.current.events.ids).toContain('event:pai-lung-sinkhole-rescue-2023');
  });

  it.each(PERIODS)(
    'gives every figure the live rule gives, for every field, country-wide and per province, $from..$to',
    async (period) => {
      let compared = 0;
      let nonEmpty = 0;
      for (const field of FIELDS) {
        for (const place of [null, ...PROVINCES]) {
          const variables = { field, place, ...period };
          const cubed = await ask(FIGURES, variables);
          const live = await ask(WITH_IDS, variables);
          expect(cubed.source).toBe('PRECOMPUTED');
          expect(live.source).toBe('LIVE');
          expect({ field, place, ...figures(cubed) }).toEqual({ field, place, ...figures(live) });
          compared += 1;
          if (live.current.events.count + live.current.awards.count + live.current.stories.count > 0) nonEmpty += 1;
        }
      }
      expect(compared).toBe(FIELDS.length * (PROVINCES.length + 1));
      // The comparison means something only if the seeds put facts in some of these scopes.
      if (period.from !== '2025-01-01') expect(nonEmpty).toBeGreaterThan(0);
    },
  );

  it('is not read for a district, a commune or a period that is not whole months', async () => {
    for (const variables of [
      { field: 'field:rescue', place: 'place:huyen-meo-vac', ...PERIODS[0] },
      { field: 'field:rescue', place: 'place:xa-pai-lung', ...PERIODS[0] },
      { field: 'field:rescue', from: '2023-04-02', to: '2023-06-30' },
      { field: 'field:rescue', from: '2023-01-01', to: '2024-06-15' },
    ]) {
      expect((await ask(FIGURES, variables)).source).toBe('LIVE');
    }
  });

  it('is not read when built by code of another layout, and counts as stale until rebuilt', async () => {
    await api.graph.write("MATCH (c:DashboardCube {id: 'current'}) SET c.format = 1");
    expect((await ask(FIGURES, { field: 'field:rescue', ...PERIODS[0] })).source).toBe('LIVE');
    expect(await dashboardCubeState(api.graph)).toMatchObject({ built: true, stale: true });
    await buildDashboardCube(api.graph);
    expect(await dashboardCubeState(api.graph)).toMatchObject({ built: true, stale: false });
    expect((await ask(FIGURES, { field: 'field:rescue', ...PERIODS[0] })).source).toBe('PRECOMPUTED');
  });

  it('is rebuilt by the cube job (npm run precompute:dashboards) in a child process, as the server does it', async () => {
    const before = (await api.graph.read('MATCH (c:DashboardCube) RETURN c.version AS version'))[0]?.version;
    const summary = await childProcessCubeBuilder({ mode: 'external', ...testConnection() }, { execArgv: ['--import', 'tsx'] })();
    expect(summary).toMatch(/^Dashboard cube \S+: \d+ cells for \d+ scopes/);
    const after = (await api.graph.read('MATCH (c:DashboardCube) RETURN c.version AS version'))[0]?.version;
    expect(after).not.toBe(before);
    expect((await ask(FIGURES, { field: 'field:rescue', ...PERIODS[0] })).source).toBe('PRECOMPUTED');
  });

  it('is not set aside by a refused mutation, which wrote nothing', async () => {
    const { body } = await api.graphql(
      `mutation { updateStories(where: { id: { eq: "story:none" } }, update: { note: { set: "x" } }) { stories { id } } }`,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await dashboardCubeState(api.graph)).toMatchObject({ stale: false });
    expect((await ask(FIGURES, { field: 'field:rescue', ...PERIODS[0] })).source).toBe('PRECOMPUTED');
  });

  it('is set aside as soon as an editor writes, and read again once rebuilt', async () => {
    const editor = await signToken(['editor']);
    const story = seedRecords('stories.json')[0]!;
    const { body } = await api.graphql(
      `mutation($id: ID!, $note: String!) { updateStories(where: { id: { eq: $id } }, update: { note: { set: $note } }) { stories { id } } }`,
      { id: story.id, note: 'checked by the dashboard cube test' },
      editor,
    );
    expect(body.errors).toBeUndefined();
    expect((await ask(FIGURES, { field: 'field:rescue', ...PERIODS[0] })).source).toBe('LIVE');
    expect(await dashboardCubeState(api.graph)).toMatchObject({ built: true, stale: true });
    releaseRebuilds();
    await waitFor(async () => (await ask(FIGURES, { field: 'field:rescue', ...PERIODS[0] })).source === 'PRECOMPUTED', {
      what: 'the API to rebuild the dashboard cube after the edit and read it again',
      timeoutMs: 60_000,
    });
    await api.graph.write('MATCH (s:Story {id: $id}) SET s.note = $note', { id: story.id, note: story.note ?? null });
  });
});

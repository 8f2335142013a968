import { containersOn, unitsToday } from '../support/seedAnalysis';
import { closure, seedRecords, seedRelationships } from '../support/seedFacts';
import { startTestApi, type TestApi } from '../support/startTestApi';
import { testGraph } from '../support/testDatabase';

const PAI_LUNG = 'event:pai-lung-sinkhole-rescue-2023';
const DASHBOARD = `query($field: ID!, $place: ID, $from: Date!, $to: Date!) {
  fieldDashboard(field: $field, place: $place, from: $from, to: $to) {
    field { id } fields place { id }
    current { from to exemplars { count ids } events { count ids } awards { count ids } awardsByForm { key ids } awardsByLevel { key ids }
      stories { count ids } storiesPerMonth { key count ids }
      topPlaces { then { place { id } level count ids } now { place { id } level count ids } } topAgencies { key label count ids } }
    previous { from to events { ids } awards { ids } stories { ids } }
    change { exemplars awards events stories }
  }
}`;

let api: TestApi;
let statements = 0;

beforeAll(async () => {
  api = await startTestApi({ graph: testGraph(() => (statements += 1)) });
});
afterAll(async () => {
  await api.close();
  await api.graph.close();
});

async function dashboard(variables: Record<string, unknown>) {
  const { body } = await api.graphql(DASHBOARD, variables);
  expect(body.errors).toBeUndefined();
  return body.data?.fieldDashboard;
}

/** The places a dashboard bucket list credits with a fact. */
function placesWith(buckets: { place: { id: string }; ids: string[] }[], fact: string): string[] {
  return buckets
    .filter((b) => b.ids.includes(fact))
    .map((b) => b.place.id)
    .sort();
}

describe('fieldDashboard', () => {
  const year2023 = { field: 'field:rescue', from: '2023-01-01', to: '2023-12-31' };
  const paiLung = seedRecords('events.json').find((e) => e.id === PAI_LUNG)!;
  const paiLungPlaces = seedRelationships()
    .filter((r) => r.type === 'OCCURRED_IN' && r.from === PAI_LUNG)
    .map((r) => r.to);

  it('counts the field with its narrower fields, and the Pải Lủng rescue a member of one took part in', async () => {
    const result = await dashboard(year2023);
    expect(result.fields).toEqual([...closure('field:rescue', 'PART_OF', 'in')].sort());
    const participants = seedRelationships()
      .filter((r) => r.type === 'TOOK_PART_IN' && r.to === PAI_LUNG)
      .map((r) => r.from);
    const active = new Set(
      seedRelationships()
        .filter((r) => r.type === 'ACTIVE_IN' && result.fields.includes(r.to))
        .map((r) => r.from),
    );
    expect(result.current.events.ids).toContain(PAI_LUNG);
    expect(result.current.exemplars.ids).toEqual(expect.arrayContaining(participants.filter((p) => active.has(p))));
    const award = seedRelationships().find((r) => r.type === 'FOR_EVENT' && r.to === PAI_LUNG)!.from;
    expect(result.current.awards.ids).toContain(award);
  });

  it('rolls Pải Lủng up to huyện Mèo Vạc and tỉnh Hà Giang as they were in 2023', async () => {
    const result = await dashboard(year2023);
    const expected = [...new Set(paiLungPlaces.flatMap((p) => containersOn(p, paiLung.date)))].sort();
    expect(expected).toEqual(expect.arrayContaining(['place:xa-pai-lung', 'place:huyen-meo-vac', 'place:tinh-ha-giang']));
    const then = placesWith(result.current.topPlaces.then, PAI_LUNG);
    expect(then).toEqual(expect.arrayContaining(expected));
    expect(then).not.toContain('place:tinh-tuyen-quang');
    expect(then).not.toContain('place:xa-dong-van-2025');
  });

  it('rolls Pải Lủng up to today’s successors, xã Đồng Văn and tỉnh Tuyên Quang, after 1 July 2025', async () => {
    const result = await dashboard(year2023);
    const expected = unitsToday('place:xa-pai-lung');
    expect(expected).toEqual(expect.arrayContaining(['place:xa-dong-van-2025', 'place:tinh-tuyen-quang']));
    const now = placesWith(result.current.topPlaces.now, PAI_LUNG);
    expect(now).toEqual(expect.arrayContaining(expected));
    for (const gone of ['place:xa-pai-lung', 'place:huyen-meo-vac', 'place:tinh-ha-giang']) expect(now).not.toContain(gone);
  });

  it('with a place, keeps facts in units ever part of it and drops the rest', async () => {
    const inHaGiang = await dashboard({ ...year2023, place: 'place:tinh-ha-giang' });
    expect(inHaGiang.place.id).toBe('place:tinh-ha-giang');
    expect(inHaGiang.current.events.ids).toContain(PAI_LUNG);
    expect(inHaGiang.current.events.ids).not.toContain('event:national-exemplar-conference-2023');
    const inHoChiMinh = await dashboard({ ...year2023, place: 'place:tp-ho-chi-minh' });
    expect(inHoChiMinh.current.events.ids).not.toContain(PAI_LUNG);
  });

  it('compares with the previous period of equal length', async () => {
    const result = await dashboard({ field: 'field:rescue', from: '2024-01-01', to: '2024-12-31' });
    expect(result.previous).toMatchObject({ from: '2023-01-01', to: '2023-12-31' });
    expect(result.previous.events.ids).toContain(PAI_LUNG);
    expect(result.current.events.ids).not.toContain(PAI_LUNG);
    expect(result.change.events).toBe(result.current.events.ids.length - result.previous.events.ids.length);
  });

  it('groups stories by month and credits agencies with the facts behind them', async () => {
    const result = await dashboard(year2023);
    for (const bucket of result.current.storiesPerMonth) {
      for (const id of bucket.ids) {
        const story = seedRecords('stories.json').find((s) => s.id === id)!;
        expect(story.publishedAt ?? story.publishedPeriod).toMatch(new RegExp(`^${bucket.key}`));
      }
    }
    const pc07 = result.current.topAgencies.find((b: { key: string }) => b.key === 'agency:pc07-ha-giang');
    expect(pc07.ids).toContain(PAI_LUNG);
  });

  it('answers in one database round trip, with a 60-second cache hint', async () => {
    const before = statements;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DASHBOARD, variables: year2023 }),
    });
    expect(response.status).toBe(200);
    expect(statements - before).toBe(1);
    expect(response.headers.get('cache-control')).toBe('max-age=60, public');
  });

  it.each([
    [{ field: 'field:nothing', from: '2023-01-01', to: '2023-12-31' }, 'NOT_FOUND', 'field:nothing'],
    [{ field: 'field:rescue', place: 'place:nowhere', from: '2023-01-01', to: '2023-12-31' }, 'NOT_FOUND', 'place:nowhere'],
    [{ field: 'field:rescue', from: '2023-12-31', to: '2023-01-01' }, 'BAD_USER_INPUT', 'to'],
  ])('rejects %j with %s naming %s', async (variables, code, named) => {
    const { body } = await api.graphql(DASHBOARD, variables);
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe(code);
    if (code === 'NOT_FOUND') expect(error?.message).toContain(named);
    else expect(error?.extensions?.argumentName).toBe(named);
  });
});

import { buildDashboardCube } from '../../src/jobs/dashboardCube/buildDashboardCube';
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

describe('fieldDashboard.undated', () => {
  // A current cube first: a file run before this one may have left it stale with its edits, and
  // the figures beside undated come from the cube only while it is current.
  beforeAll(async () => {
    await buildDashboardCube(api.graph);
  });

  const UNDATED = `query($field: ID!, $place: ID, $from: Date!, $to: Date!, $first: Int) {
    fieldDashboard(field: $field, place: $place, from: $from, to: $to) { source undated(first: $first) { count ids } }
  }`;
  const BYPASS = { actor: 'tests', operation: 'test:undated', benchBulkLoad: true } as const;
  const DATED_STORY = 'story:test-undated-dated';
  const BAD_STORY = 'story:test-undated-bad-period';
  const remove = () =>
    api.graph.write('MATCH (s:Story) WHERE s.id IN $ids DETACH DELETE s', { ids: [DATED_STORY, BAD_STORY] }, BYPASS);
  afterAll(remove);

  async function undated(variables: Record<string, unknown>) {
    const { body } = await api.graphql(UNDATED, { from: '2023-01-01', to: '2023-12-31', ...variables });
    expect(body.errors).toBeUndefined();
    return body.data?.fieldDashboard as { source: string; undated: { count: number; ids: string[] } };
  }

  // In field:lifesaving (no narrower field) the seeds date everything but three facts. The rescue
  // on the Lô river by Đào Quang Vinh (events.json) has neither date nor period; Đào Quang Vinh,
  // active in the field, took part in it and in no other event and received no award, so no
  // period counts him either; the seed article (stories.json) has no publishedAt or
  // publishedPeriod (its date was not found) and features both. Its other exemplars' events,
  // awards and stories are all dated.
  const LIFESAVING = ['event:dao-quang-vinh-lo-river-rescue', 'person:dao-quang-vinh', 'story:seed-article'];

  it('lists the facts of the field no period counts: an undated event, its only exemplar and an undated story', async () => {
    const result = await undated({ field: 'field:lifesaving' });
    expect(result.undated).toEqual({ count: LIFESAVING.length, ids: LIFESAVING });
    // Asked without the panels' ids, the figures still come from the cube: undated is read on its own.
    expect(result.source).toBe('PRECOMPUTED');
  });

  it('keeps the same scope with a place: the Lô river rescue was in thành phố Hà Giang, part of tỉnh Hà Giang', async () => {
    expect((await undated({ field: 'field:lifesaving', place: 'place:tinh-ha-giang' })).undated.ids).toEqual(LIFESAVING);
  });

  it('counts the broader field with its narrower ones: Sìn Văn Phòng’s award has no year, and it is his only fact', async () => {
    // field:culture takes in field:traditional-crafts and field:social-customs, whose facts are all
    // dated; Sìn Văn Phòng is active in field:culture itself and received only the Nghệ nhân Nhân
    // dân title, stored without a year (awards.json). The story featuring him is dated 2024-09.
    const result = await undated({ field: 'field:culture' });
    expect(result.undated).toEqual({ count: 2, ids: ['award:sin-van-phong-nghe-nhan-nhan-dan', 'person:sin-van-phong'] });
    expect((await undated({ field: 'field:traditional-crafts' })).undated).toEqual({ count: 0, ids: [] });
  });

  it('is the same for every period', async () => {
    const other = await undated({ field: 'field:lifesaving', from: '2019-03-01', to: '2019-03-31' });
    expect(other.undated.ids).toEqual(LIFESAVING);
  });

  it('lists the first ids only, with the exact count', async () => {
    expect((await undated({ field: 'field:lifesaving', first: 1 })).undated).toEqual({ count: 3, ids: [LIFESAVING[0]] });
    expect((await undated({ field: 'field:lifesaving', first: 0 })).undated).toEqual({ count: 3, ids: [] });
  });

  it.each([-1, 1001])('rejects first %j with BAD_USER_INPUT naming it', async (first) => {
    const { status, body } = await api.graphql(UNDATED, {
      field: 'field:lifesaving',
      from: '2023-01-01',
      to: '2023-12-31',
      first,
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first', value: first });
  });

  it('does not change for a dated fact, and takes a malformed stored date for none', async () => {
    // Written around the validation (as a database from before it could hold them): a story dated
    // 2023-05 and one whose stored period "2023-13" is no month, both featuring the Lô river rescue.
    await remove();
    await api.graph.write(
      `MATCH (e:Event {id: 'event:dao-quang-vinh-lo-river-rescue'})
       CREATE (dated:Entity:Story {id: $dated, name: 'Bài có ngày', title: 'Bài có ngày', channel: 'NEWS', publishedPeriod: '2023-05',
                                   sources: ['https://example.org/undated'], confidence: 'UNVERIFIED'})
       CREATE (bad:Entity:Story {id: $bad, name: 'Bài kỳ sai', title: 'Bài kỳ sai', channel: 'NEWS', publishedPeriod: '2023-13',
                                 sources: ['https://example.org/undated'], confidence: 'UNVERIFIED'})
       CREATE (dated)-[:FEATURES {sources: ['https://example.org/undated'], confidence: 'UNVERIFIED'}]->(e)
       CREATE (bad)-[:FEATURES {sources: ['https://example.org/undated'], confidence: 'UNVERIFIED'}]->(e)`,
      { dated: DATED_STORY, bad: BAD_STORY },
      BYPASS,
    );
    const result = await undated({ field: 'field:lifesaving' });
    expect(result.undated).toEqual({ count: 4, ids: [...LIFESAVING, BAD_STORY].sort() });
    await remove();
    expect((await undated({ field: 'field:lifesaving' })).undated.ids).toEqual(LIFESAVING);
  });
});

import { awardsUnderMovement, movementExemplars, unresolvedAward } from '../support/seedAnalysis';
import { seedRecords, seedRelationships } from '../support/seedFacts';
import { startTestApi, type TestApi } from '../support/startTestApi';
import { testGraph } from '../support/testDatabase';

const PUBLIC_SECURITY = 'movement:toan-dan-bao-ve-an-ninh-to-quoc';
const HA_GIANG = 'movement:thi-dua-yeu-nuoc-ha-giang';
const IMPACT = `query($id: ID!, $from: Date, $to: Date, $window: Int) {
  movementImpact(id: $id, from: $from, to: $to, replicationWindowDays: $window) {
    movement { id kind name }
    exemplars { all { count ids } people { count ids } heldUp { ids } awarded { ids } }
    awards { all { count ids } unresolvedRecipients { count ids } byForm { key count ids } byLevel { key count } byKind { key count } }
    stories { all { count ids } byChannel { key count ids } byPublisher { key label count ids } }
    events { count ids }
    places { then { place { id } level count ids } now { place { id } count ids } }
    fields { key label count ids }
    timeline { year exemplars { ids } awards { count ids } events { ids } stories { ids } }
    replication { story { id } exemplar { id } daysAfter }
    undated { count ids }
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

async function impact(variables: Record<string, unknown>) {
  const { body } = await api.graphql(IMPACT, variables);
  expect(body.errors).toBeUndefined();
  return body.data?.movementImpact;
}

describe('movementImpact', () => {
  it('counts exactly the awards the seeds put under the public-security movement, and no exemplar for their unnamed recipients', async () => {
    const awards = awardsUnderMovement(PUBLIC_SECURITY);
    expect(awards.length).toBeGreaterThan(0);
    expect(awards.every(unresolvedAward)).toBe(true);
    const result = await impact({ id: PUBLIC_SECURITY });
    expect(result.awards.all).toEqual({ count: awards.length, ids: awards });
    expect(result.awards.unresolvedRecipients.ids).toEqual(awards);
    expect(result.exemplars.all).toEqual({
      count: movementExemplars(PUBLIC_SECURITY).length,
      ids: movementExemplars(PUBLIC_SECURITY),
    });
    expect(result.exemplars.all.count).toBe(0);
  });

  it('breaks the awards down by the form each award record gives', async () => {
    const forms = new Map(seedRecords('awards.json').map((a) => [a.id, a.form as string]));
    const expected = new Map<string, string[]>();
    for (const id of awardsUnderMovement(PUBLIC_SECURITY)) {
      expected.set(forms.get(id)!, [...(expected.get(forms.get(id)!) ?? []), id]);
    }
    const result = await impact({ id: PUBLIC_SECURITY });
    const byForm = new Map(result.awards.byForm.map((b: { key: string; ids: string[] }) => [b.key, b.ids]));
    expect(byForm).toEqual(expected);
    const total = (buckets: { count: number }[]) => buckets.reduce((sum, b) => sum + b.count, 0);
    expect(total(result.awards.byLevel)).toBe(awardsUnderMovement(PUBLIC_SECURITY).length);
    expect(total(result.awards.byKind)).toBe(awardsUnderMovement(PUBLIC_SECURITY).length);
  });

  it('finds the stories that feature the movement, its awards or their event, with their publisher', async () => {
    const rels = seedRelationships();
    const awards = awardsUnderMovement(PUBLIC_SECURITY);
    const events = rels.filter((r) => r.type === 'FOR_EVENT' && awards.includes(r.from)).map((r) => r.to);
    const targets = new Set([PUBLIC_SECURITY, ...awards, ...events]);
    const stories = [...new Set(rels.filter((r) => r.type === 'FEATURES' && targets.has(r.to)).map((r) => r.from))].sort();
    const result = await impact({ id: PUBLIC_SECURITY });
    expect(result.events.ids).toEqual([...new Set(events)].sort());
    expect(result.stories.all.ids).toEqual(stories);
    const publishers = rels.filter((r) => r.type === 'PUBLISHED_BY' && stories.includes(r.from)).map((r) => r.to);
    expect(result.stories.byPublisher.map((b: { key: string }) => b.key).sort()).toEqual([...new Set(publishers)].sort());
  });

  it('lists the Hà Giang movement’s exemplars from EXEMPLAR_OF, and the fields they are active in', async () => {
    const expected = movementExemplars(HA_GIANG);
    const result = await impact({ id: HA_GIANG });
    expect(result.exemplars.all.ids).toEqual(expected);
    expect(result.exemplars.heldUp.ids).toEqual(expected);
    const active = seedRelationships().filter((r) => r.type === 'ACTIVE_IN' && expected.includes(r.from));
    for (const { from, to } of active) {
      expect(result.fields.find((b: { key: string }) => b.key === to)?.ids).toContain(from);
    }
  });

  it('with a period, keeps only facts dated in it and lists the undated ones apart', async () => {
    const all = await impact({ id: HA_GIANG });
    const bounded = await impact({ id: HA_GIANG, from: '2018-01-01', to: '2018-12-31' });
    expect(bounded.events.ids).toEqual(['event:yen-minh-suspect-pursuit-2018']);
    expect(bounded.timeline.map((y: { year: number }) => y.year)).toEqual([2018]);
    // The seeds give no day for holding these people up, so a period cannot claim them.
    expect(bounded.exemplars.all.count).toBe(0);
    expect(bounded.undated.ids).toEqual(expect.arrayContaining(movementExemplars(HA_GIANG)));
    expect(all.undated.count).toBe(0);
    const then = bounded.places.then.map((b: { place: { id: string } }) => b.place.id);
    expect(then).toEqual(expect.arrayContaining(['place:xa-phu-lung', 'place:huyen-yen-minh', 'place:tinh-ha-giang']));
  });

  it('reads a movement once, then answers any period with one small round trip (the revision clock)', async () => {
    await impact({ id: HA_GIANG });
    const before = statements;
    await impact({ id: HA_GIANG, from: '2018-01-01', to: '2024-12-31' });
    await impact({ id: HA_GIANG, from: '2023-04-03', to: '2023-04-03' });
    expect(statements - before).toBe(2);
  });

  it.each([
    [{ id: 'movement:does-not-exist' }, 'NOT_FOUND', 'id'],
    [{ id: 'person:luu-minh-thuc' }, 'NOT_FOUND', 'id'],
    [{ id: HA_GIANG, from: '2024-01-01', to: '2023-01-01' }, 'BAD_USER_INPUT', 'to'],
    [{ id: HA_GIANG, window: 0 }, 'BAD_USER_INPUT', 'replicationWindowDays'],
    [{ id: HA_GIANG, window: 3651 }, 'BAD_USER_INPUT', 'replicationWindowDays'],
  ])('rejects %j with %s', async (variables, code, argument) => {
    const { body } = await api.graphql(IMPACT, variables);
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe(code);
    if (code === 'NOT_FOUND') expect(error?.message).toContain(String(variables.id));
    else expect(error?.extensions?.argumentName).toBe(argument);
  });

  it('pages replication and places on request, with their exact totals, and pages put together give the whole list', async () => {
    const PAGED = `query($id: ID!, $rf: Int, $ro: Int, $pf: Int, $po: Int) {
      movementImpact(id: $id, replicationFirst: $rf, replicationOffset: $ro, placesFirst: $pf, placesOffset: $po) {
        replication { exemplar { id } } replicationCount
        places { then { place { id } } now { place { id } } } placesCount { then now }
      }
    }`;
    const paged = async (variables: Record<string, unknown>) => {
      const { body } = await api.graphql(PAGED, { id: HA_GIANG, ...variables });
      expect(body.errors).toBeUndefined();
      return body.data?.movementImpact;
    };
    const whole = await paged({});
    // The seeds place the Hà Giang movement's facts in many communes, districts and provinces.
    expect(whole.places.then.length).toBeGreaterThan(2);
    expect(whole.placesCount).toEqual({ then: whole.places.then.length, now: whole.places.now.length });
    expect(whole.replicationCount).toBe(whole.replication.length);
    const first = await paged({ rf: 1, pf: 2 });
    expect(first.places.then).toEqual(whole.places.then.slice(0, 2));
    expect(first.places.now).toEqual(whole.places.now.slice(0, 2));
    expect(first.placesCount).toEqual(whole.placesCount);
    expect(first.replication).toEqual(whole.replication.slice(0, 1));
    expect(first.replicationCount).toBe(whole.replicationCount);
    const rest = await paged({ pf: 1000, po: 2, ro: 1 });
    expect([...first.places.then, ...rest.places.then]).toEqual(whole.places.then);
    expect([...first.replication, ...rest.replication]).toEqual(whole.replication);
  });

  it.each([
    [{ replicationFirst: 0 }, 'replicationFirst'],
    [{ placesFirst: 1001 }, 'placesFirst'],
    [{ placesOffset: -1 }, 'placesOffset'],
  ])('rejects the page %j with BAD_USER_INPUT naming it', async (page, argument) => {
    const [name, value] = Object.entries(page)[0]!;
    const { status, body } = await api.graphql(
      `query($id: ID!, $v: Int) { movementImpact(id: $id, ${name}: $v) { replicationCount } }`,
      {
        id: HA_GIANG,
        v: value,
      },
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument, value });
  });
});

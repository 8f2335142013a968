import { compressToEncodedURIComponent } from 'lz-string';
import { clearStoredScores } from '../../src/jobs/scores/precomputeScores';
import { seedRecords, seedRelationships } from '../support/seedFacts';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';

/**
 * What the explorer reads besides influenceNetwork's scores: dates and confidence on nodes and
 * relationships, the field and province facets, the induced network of a view, where it opens,
 * and the saved views. Expectations come from seeds/.
 */
const PAI_LUNG = 'event:pai-lung-sinkhole-rescue-2023';
const THUC = 'person:luu-minh-thuc';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  // Another file may have left whole-graph scores stored; the explorer then ranks by them.
  await clearStoredScores(api.graph);
  await api.graph.write("MATCH (v:SavedView) WHERE v.name STARTS WITH 'test:' DELETE v");
});
afterAll(async () => {
  await api.graph.write("MATCH (v:SavedView) WHERE v.name STARTS WITH 'test:' DELETE v");
  await api.close();
});

async function data(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const { body } = await api.graphql(query, variables, token);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

describe('influenceNetwork dates, confidence and facets', () => {
  const QUERY = `query($ids: [ID!]) { influenceNetwork(ids: $ids, depth: 1, limit: 200) {
    nodes { id start end confidence fields provinces { then { id } now { id } } }
    edges { from to type start end confidence } } }`;

  it('dates an event by its day, a place by its validity and a membership by its until', async () => {
    const { influenceNetwork: net } = await data(QUERY, { ids: [PAI_LUNG, THUC] });
    const node = (id: string) => net.nodes.find((n: { id: string }) => n.id === id);
    const event = seedRecords('events.json').find((e) => e.id === PAI_LUNG)!;
    expect(node(PAI_LUNG)).toMatchObject({ start: event.date, end: null, confidence: event.confidence });
    const commune = seedRecords('places.json').find((p) => p.id === 'place:xa-pai-lung')!;
    expect(node('place:xa-pai-lung')).toMatchObject({ start: null, end: commune.validTo });
    const membership = seedRelationships().find((r) => r.type === 'MEMBER_OF' && r.from === THUC && r.until)!;
    const edge = net.edges.find((e: { from: string; to: string }) => e.from === THUC && e.to === membership.to);
    expect(edge).toMatchObject({ type: 'MEMBER_OF', start: null, end: membership.until, confidence: membership.confidence });
  });

  it('gives the Pải Lủng rescue the fields of those who took part and Hà Giang then, Tuyên Quang now', async () => {
    const { influenceNetwork: net } = await data(QUERY, { ids: [PAI_LUNG] });
    const event = net.nodes.find((n: { id: string }) => n.id === PAI_LUNG);
    const participants = new Set(
      seedRelationships()
        .filter((r) => r.type === 'TOOK_PART_IN' && r.to === PAI_LUNG)
        .map((r) => r.from),
    );
    const ownFields = seedRelationships()
      .filter((r) => r.type === 'ACTIVE_IN' && participants.has(r.from))
      .map((r) => r.to);
    expect(ownFields.length).toBeGreaterThan(0);
    expect(event.fields).toEqual(expect.arrayContaining(ownFields));
    expect(event.provinces).toEqual({ then: [{ id: 'place:tinh-ha-giang' }], now: [{ id: 'place:tinh-tuyen-quang' }] });
  });

  it("ties a person to the province of the agency they serve in, and a field's broader fields to its exemplars", async () => {
    const { influenceNetwork: net } = await data(QUERY, { ids: [THUC] });
    const person = net.nodes.find((n: { id: string }) => n.id === THUC);
    expect(person.provinces.then).toEqual([{ id: 'place:tinh-ha-giang' }]);
    const broader = seedRelationships().filter((r) => r.type === 'PART_OF' && r.from === 'field:crime-suppression');
    expect(person.fields).toEqual(expect.arrayContaining(['field:crime-suppression', ...broader.map((r) => r.to)]));
  });
});

describe('viewNetwork', () => {
  it('returns exactly the nodes named, the relationships between them, and the ids not found', async () => {
    const ids = [PAI_LUNG, 'place:xa-pai-lung', 'place:huyen-meo-vac', 'person:nguyen-van-truong', 'person:no-such-person'];
    const { viewNetwork } = await data(
      `query($ids: [ID!]!) { viewNetwork(ids: $ids) { missing network { depth nodes { id hops } edges { from to type } } } }`,
      { ids },
    );
    expect(viewNetwork.missing).toEqual(['person:no-such-person']);
    expect(viewNetwork.network.nodes.map((n: { id: string }) => n.id).sort()).toEqual(ids.slice(0, 4).sort());
    const known = new Set(ids);
    const expected = seedRelationships()
      .filter((r) => known.has(r.from) && known.has(r.to))
      .map((r) => `${r.from}|${r.type}|${r.to}`)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(
      viewNetwork.network.edges.map((e: { from: string; type: string; to: string }) => `${e.from}|${e.type}|${e.to}`).sort(),
    ).toEqual(expected);
  });

  it('refuses an empty list with BAD_USER_INPUT', async () => {
    const { body } = await api.graphql(`{ viewNetwork(ids: []) { missing } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'ids' });
  });
});

describe('centralExemplars', () => {
  it('ranks exemplars by degree when no scores are stored, most relationships first', async () => {
    const { centralExemplars } = await data(`{ centralExemplars(limit: 3) { rankedBy exemplars { id degree pageRank } } }`);
    expect(centralExemplars.rankedBy).toBe('DEGREE');
    // Degree from the seeds: every relationship touching a person who is an exemplar (ACTIVE_IN, RECEIVED or EXEMPLAR_OF).
    const relationships = seedRelationships();
    const exemplars = new Set(
      relationships
        .filter((r) => ['ACTIVE_IN', 'RECEIVED', 'EXEMPLAR_OF'].includes(r.type) && r.from.startsWith('person:'))
        .map((r) => r.from),
    );
    const degree = new Map<string, number>();
    for (const r of relationships) {
      for (const end of [r.from, r.to]) if (exemplars.has(end)) degree.set(end, (degree.get(end) ?? 0) + 1);
    }
    const top = [...degree].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
    expect(centralExemplars.exemplars.map((x: { id: string; degree: number }) => [x.id, x.degree])).toEqual(top);
    expect(centralExemplars.exemplars.every((x: { pageRank: number | null }) => x.pageRank === null)).toBe(true);
  });
});

describe('saved views', () => {
  const SAVE = `mutation($name: String!, $state: String!) { saveView(name: $name, state: $state) { id name state savedBy } }`;
  const state = compressToEncodedURIComponent(JSON.stringify({ v: 1, nodes: [[PAI_LUNG, 10, 20]] }));

  it('are refused without a token, and with a token lacking the editor role', async () => {
    const anonymous = await api.graphql(SAVE, { name: 'test:anon', state });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await api.graphql(SAVE, { name: 'test:reader', state }, await signToken(['reader']));
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { views } = await data(`{ views { name } }`);
    expect(views.map((v: { name: string }) => v.name)).not.toEqual(expect.arrayContaining(['test:anon']));
    expect(views.map((v: { name: string }) => v.name)).not.toEqual(expect.arrayContaining(['test:reader']));
  });

  it('are stored by an editor, listed for everyone, replaced by name and deleted', async () => {
    const editor = await signToken(['editor']);
    const first = (await data(SAVE, { name: 'test:rescue', state }, editor)).saveView;
    expect(first).toMatchObject({ name: 'test:rescue', state, savedBy: 'test-editor' });
    const newer = compressToEncodedURIComponent(JSON.stringify({ v: 1, nodes: [[THUC, 0, 0]] }));
    const second = (await data(SAVE, { name: 'test:rescue', state: newer }, editor)).saveView;
    expect(second.id).toBe(first.id);
    const { views } = await data(`{ views { id name state } }`);
    expect(views.filter((v: { name: string }) => v.name === 'test:rescue')).toEqual([
      { id: first.id, name: 'test:rescue', state: newer },
    ]);
    expect((await data(`mutation($id: ID!) { deleteView(id: $id) }`, { id: first.id }, editor)).deleteView).toBe(first.id);
    const again = await api.graphql(`mutation($id: ID!) { deleteView(id: $id) }`, { id: first.id }, editor);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: first.id });
  });

  it('refuse a state that is not a compressed explorer view, naming it', async () => {
    const editor = await signToken(['editor']);
    for (const bad of ['not-a-view', compressToEncodedURIComponent(JSON.stringify({ v: 9, nodes: [] }))]) {
      const { body } = await api.graphql(SAVE, { name: 'test:bad', state: bad }, editor);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'state' });
    }
    const { views } = await data(`{ views { name } }`);
    expect(views.map((v: { name: string }) => v.name)).not.toContain('test:bad');
  });
});

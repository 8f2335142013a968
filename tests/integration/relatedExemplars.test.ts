import { RELATED_EXEMPLARS_CYPHER, relatedExemplarsBatch } from '../../src/analytics/related/relatedExemplars';
import { insertRelatedFixture, RELATED_FIXTURE, removeRelatedFixture } from '../support/relatedFixture';
import { seedRecords, seedRelationships } from '../support/seedFacts';
import { startTestApi, type TestApi } from '../support/startTestApi';
import { testGraph } from '../support/testDatabase';

const RELATED = `query($id: ID!, $limit: Int) {
  relatedExemplars(id: $id, limit: $limit) {
    id kind name score
    reasons { node { id kind name } relation broaderSteps degree contribution why }
  }
}`;

const DUY = 'person:nguyen-dinh-duy';
const THUC = 'person:luu-minh-thuc';
const TUONG = 'person:nguyen-manh-tuong';

/** Exemplars by the documented rule: a Person or Collective with EXEMPLAR_OF, RECEIVED or ACTIVE_IN. */
function seedExemplars(): Set<string> {
  const candidates = new Set([...seedRecords('people.json'), ...seedRecords('collectives.json')].map((r) => r.id as string));
  return new Set(
    seedRelationships()
      .filter((r) => ['EXEMPLAR_OF', 'RECEIVED', 'ACTIVE_IN'].includes(r.type) && candidates.has(r.from))
      .map((r) => r.from),
  );
}

function fieldsOf(id: string): Set<string> {
  return new Set(
    seedRelationships()
      .filter((r) => r.type === 'ACTIVE_IN' && r.from === id)
      .map((r) => r.to),
  );
}

let statements: string[] = [];
const graph = testGraph((cypher) => statements.push(cypher));
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ graph });
});
afterAll(async () => {
  await api.close();
  await graph.close();
});

async function related(id: string, limit?: number) {
  const { body } = await api.graphql(RELATED, { id, limit });
  expect(body.errors).toBeUndefined();
  return body.data?.relatedExemplars as {
    id: string;
    kind: string;
    score: number;
    reasons: { node: { id: string }; relation: string; contribution: number; why: string }[];
  }[];
}

describe('relatedExemplars', () => {
  it("includes Lưu Minh Thức among Nguyễn Đình Duy's related exemplars, naming the field they share", async () => {
    const shared = [...fieldsOf(DUY)].filter((f) => fieldsOf(THUC).has(f));
    expect(shared).toContain('field:public-security');
    const thuc = (await related(DUY, 50)).find((r) => r.id === THUC);
    expect(thuc).toBeDefined();
    const sameField = thuc!.reasons.filter((r) => r.relation === 'SAME_FIELD').map((r) => r.node.id);
    expect(sameField).toEqual(expect.arrayContaining(shared));
    expect(thuc!.reasons.find((r) => r.node.id === 'field:public-security')?.why).toContain('An ninh trật tự');
  });

  it('relates Lưu Minh Thức and Nguyễn Mạnh Tường as district police officers of one provincial police (SAME_FORCE)', async () => {
    const rels = seedRelationships();
    const has = (from: string, type: string, to: string) => rels.some((r) => r.from === from && r.type === type && r.to === to);
    // Seed facts: Thức served in the Yên Minh district police, Tường in a team of the Mèo Vạc district police.
    expect(has(THUC, 'MEMBER_OF', 'agency:ca-huyen-yen-minh')).toBe(true);
    expect(has('agency:ca-huyen-yen-minh', 'PART_OF', 'agency:cong-an-tinh-ha-giang')).toBe(true);
    expect(has(TUONG, 'MEMBER_OF', 'agency:doi-csgt-tt-ca-meo-vac')).toBe(true);
    expect(has('agency:doi-csgt-tt-ca-meo-vac', 'PART_OF', 'agency:ca-huyen-meo-vac')).toBe(true);
    expect(has('agency:ca-huyen-meo-vac', 'PART_OF', 'agency:cong-an-tinh-ha-giang')).toBe(true);
    for (const [source, other] of [
      [THUC, TUONG],
      [TUONG, THUC],
    ] as const) {
      const found = (await related(source, 10)).find((r) => r.id === other);
      const force = found?.reasons.find((r) => r.relation === 'SAME_FORCE');
      expect(force?.node.id).toBe('agency:cong-an-tinh-ha-giang');
      expect(force?.why).toContain('units of the same level');
    }
    // Nguyễn Đình Duy serves in a provincial department (PC07), not a district police: no SAME_FORCE with Thức.
    const duy = (await related(THUC, 10)).find((r) => r.id === DUY);
    expect(duy?.reasons.map((r) => r.relation)).not.toContain('SAME_FORCE');
  });

  it('returns only exemplars, never the person asked about, ordered by score then id', async () => {
    const exemplars = seedExemplars();
    for (const id of [DUY, THUC, 'person:nguyen-manh-tuong']) {
      const list = await related(id, 50);
      expect(list.length).toBeGreaterThan(0);
      for (const r of list) {
        expect(exemplars.has(r.id)).toBe(true);
        expect(r.id).not.toBe(id);
        expect(r.score).toBeCloseTo(
          r.reasons.reduce((sum, reason) => sum + reason.contribution, 0),
          5,
        );
      }
      for (let i = 1; i < list.length; i += 1) {
        const [a, b] = [list[i - 1]!, list[i]!];
        expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
      }
    }
  });

  it('leaves out people who only took part in the same event without being exemplars (a suspect, a victim)', async () => {
    const exemplars = seedExemplars();
    const pursuit = seedRelationships().filter(
      (r) => r.type === 'TOOK_PART_IN' && r.to === 'event:yen-minh-suspect-pursuit-2018',
    );
    const nonExemplars = pursuit.map((r) => r.from).filter((id) => id.startsWith('person:') && !exemplars.has(id));
    expect(nonExemplars.length).toBeGreaterThan(0);
    const ids = (await related(THUC, 50)).map((r) => r.id);
    for (const id of nonExemplars) expect(ids).not.toContain(id);
  });

  describe('on a synthetic neighbourhood (slugs prefixed test-)', () => {
    const f = RELATED_FIXTURE;
    beforeAll(() => insertRelatedFixture(graph));
    afterAll(() => removeRelatedFixture(graph));

    it('ranks exemplars who shared the same rescue above those who only share a field', async () => {
      const ids = (await related(f.source, 50)).map((r) => r.id);
      expect(ids[0]).toBe(f.rescuer);
    });

    it('ranks an exemplar sharing a rare field above every exemplar sharing only a crowded one', async () => {
      const list = await related(f.source, 50);
      const ids = list.map((r) => r.id);
      expect(ids.indexOf(f.nichePartner)).toBeGreaterThan(-1);
      for (const crowd of f.crowd) expect(ids.indexOf(f.nichePartner)).toBeLessThan(ids.indexOf(crowd));
      const partner = list.find((r) => r.id === f.nichePartner)!;
      const niche = partner.reasons.find((r) => r.node.id === f.niche)!;
      const crowded = partner.reasons.find((r) => r.node.id === f.crowded)!;
      expect(niche.contribution).toBeGreaterThan(crowded.contribution);
    });

    it('never expands a hub: members reached only through it are not found, but it still counts for those found otherwise', async () => {
      const [result] = await relatedExemplarsBatch(graph, [f.source], 50, { hubDegree: 10, maxAnchors: 50, scanCap: 2_000 });
      if (!Array.isArray(result)) throw result ?? new Error('no result');
      const ids = result.map((r) => r.id);
      expect(ids).toEqual([f.rescuer, f.nichePartner]);
      const partnerReasons = result[1]!.reasons.map((r) => r.node.id);
      expect(partnerReasons).toEqual(expect.arrayContaining([f.niche, f.crowded]));
    });
  });

  it('costs exactly one database query for a list of N exemplars, whatever their limits', async () => {
    const people = [...seedExemplars()].filter((id) => id.startsWith('person:'));
    expect(people.length).toBeGreaterThan(3);
    statements = [];
    const { body } = await api.graphql(
      `query($ids: [ID!]!) { people(where: { id: { in: $ids } }) { id few: relatedExemplars(limit: 1) { id } many: relatedExemplars(limit: 4) { id score } } }`,
      { ids: people },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.people).toHaveLength(people.length);
    expect(statements.filter((s) => s === RELATED_EXEMPLARS_CYPHER)).toHaveLength(1);
    expect(statements).toHaveLength(1);
    // Each parent's list is its own answer, trimmed to its own limit.
    const duy = body.data?.people.find((p: { id: string }) => p.id === DUY);
    const alone = await related(DUY, 4);
    expect(duy.many.map((r: { id: string }) => r.id)).toEqual(alone.map((r) => r.id));
    expect(duy.few.map((r: { id: string }) => r.id)).toEqual(alone.slice(0, 1).map((r) => r.id));
  });

  it('defaults to 5 on a person and 10 at the root', async () => {
    const all = (await related(DUY, 50)).length;
    const { body } = await api.graphql(
      `{ people(where: { id: { eq: "${DUY}" } }) { relatedExemplars { id } } relatedExemplars(id: "${DUY}") { id } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.people[0].relatedExemplars).toHaveLength(Math.min(5, all));
    expect(body.data?.relatedExemplars).toHaveLength(Math.min(10, all));
  });

  it('answers an unknown id with NOT_FOUND naming the id', async () => {
    const { body } = await api.graphql(RELATED, { id: 'person:nobody-by-this-id' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'person:nobody-by-this-id' });
    expect(body.errors?.[0]?.message).toContain('person:nobody-by-this-id');
  });

  it('answers an id that is not a person or collective with BAD_USER_INPUT naming id', async () => {
    const { body } = await api.graphql(RELATED, { id: 'event:pai-lung-sinkhole-rescue-2023' });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'id',
      value: 'event:pai-lung-sinkhole-rescue-2023',
    });
  });

  it.each([0, 51, -3])('rejects limit %d with BAD_USER_INPUT naming limit and the value', async (limit) => {
    const { body } = await api.graphql(RELATED, { id: DUY, limit });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'limit', value: limit });
  });

  it('rejects an out-of-range limit on the Person field too', async () => {
    const { body } = await api.graphql(`{ people(where: { id: { eq: "${DUY}" } }) { relatedExemplars(limit: 0) { id } } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'limit', value: 0 });
  });
});

import { closure, seedRecords, seedRelationships } from '../support/seedFacts';
import { startTestApi, type TestApi } from '../support/startTestApi';

const PAI_LUNG = 'event:pai-lung-sinkhole-rescue-2023';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('the Pải Lủng sinkhole rescue, through GraphQL over HTTP', () => {
  it('happened in xã Pải Lủng, huyện Mèo Vạc, tỉnh Hà Giang on 3 April 2023', async () => {
    const { status, body } = await api.graphql(
      `query($id: ID!) { events(where: { id: { eq: $id } }) { date occurredIn { id } placesThen { id name level } } }`,
      { id: PAI_LUNG },
    );
    expect(status).toBe(200);
    const event = body.data?.events[0];
    expect(event.date).toBe('2023-04-03');
    expect(event.occurredIn.map((p: { id: string }) => p.id)).toContain('place:xa-pai-lung');
    const then = event.placesThen.map((p: { id: string }) => p.id);
    expect(then).toEqual(expect.arrayContaining(['place:xa-pai-lung', 'place:huyen-meo-vac', 'place:tinh-ha-giang']));
    // Units that only exist from 1 July 2025 are not where it happened.
    expect(then).not.toContain('place:tinh-tuyen-quang');
    expect(then).not.toContain('place:xa-dong-van-2025');
    const levels = Object.fromEntries(event.placesThen.map((p: { id: string; level: string }) => [p.id, p.level]));
    expect(levels['place:huyen-meo-vac']).toBe('DISTRICT');
    expect(levels['place:tinh-ha-giang']).toBe('PROVINCE');
  });

  it('belongs today to the successor commune and the merged Tuyên Quang province', async () => {
    const successors = seedRelationships()
      .filter((r) => r.type === 'SUCCEEDED_BY' && r.from === 'place:xa-pai-lung')
      .map((r) => r.to);
    expect(successors).toEqual(['place:xa-dong-van-2025']);
    const { body } = await api.graphql(`query($id: ID!) { events(where: { id: { eq: $id } }) { placesNow { id level } } }`, {
      id: PAI_LUNG,
    });
    const now = body.data?.events[0].placesNow.map((p: { id: string }) => p.id);
    expect(now).toEqual(expect.arrayContaining(['place:xa-dong-van-2025', 'place:tinh-tuyen-quang']));
    expect(now).not.toContain('place:xa-pai-lung');
    expect(now).not.toContain('place:huyen-meo-vac');
    expect(now).not.toContain('place:tinh-ha-giang');
  });

  it('was commended with a Bằng khen by the Hà Giang provincial People’s Committee, recipients not named', async () => {
    const { body } = await api.graphql(
      `query($id: ID!) { events(where: { id: { eq: $id } }) { awards { id form category issuerRole recipientsResolved confidence conferredBy { id }
         personRecipients { id } collectiveRecipients { id } agencyRecipients { id } } } }`,
      { id: PAI_LUNG },
    );
    const awards = body.data?.events[0].awards;
    expect(awards).toHaveLength(1);
    const [award] = awards;
    expect(award).toMatchObject({ form: 'BANG_KHEN', category: 'STATE', recipientsResolved: false, confidence: 'SINGLE_SOURCE' });
    expect(award.conferredBy.map((a: { id: string }) => a.id)).toEqual(['agency:ubnd-tinh-ha-giang']);
    expect([...award.personRecipients, ...award.collectiveRecipients, ...award.agencyRecipients]).toEqual([]);
  });

  it('keeps the 2023 victim and the 2018 suspect, near-identical names, as two people', async () => {
    const { body } = await api.graphql(`{ people(where: { name: { contains: "Ly" } }) { id name tookPartIn { id } } }`);
    const byId = Object.fromEntries(body.data?.people.map((p: { id: string }) => [p.id, p]));
    expect(byId['person:thao-mi-ly-2023'].tookPartIn.map((e: { id: string }) => e.id)).toEqual([PAI_LUNG]);
    expect(byId['person:thao-my-ly-2018'].tookPartIn.map((e: { id: string }) => e.id)).toEqual([
      'event:yen-minh-suspect-pursuit-2018',
    ]);
  });
});

describe('exemplars by field', () => {
  it('lists exactly the people the seeds say are active in public security or a narrower field', async () => {
    const fields = closure('field:public-security', 'PART_OF', 'in');
    const expected = [
      ...new Set(
        seedRelationships()
          .filter((r) => r.type === 'ACTIVE_IN' && fields.has(r.to))
          .map((r) => r.from),
      ),
    ].sort();
    expect(expected).toEqual(expect.arrayContaining(['person:luu-minh-thuc', 'person:nguyen-dinh-duy']));
    const { body } = await api.graphql(
      `{ fields(where: { id: { eq: "field:public-security" } }) { exemplars { id isExemplar } } }`,
    );
    const exemplars = body.data?.fields[0].exemplars;
    expect(exemplars.map((p: { id: string }) => p.id).sort()).toEqual(expected);
    expect(exemplars.every((p: { isExemplar: boolean }) => p.isExemplar)).toBe(true);
  });

  it('gives Lưu Minh Thức’s rank as the 2018 news does and keeps the seed’s differing rank', async () => {
    const thuc = seedRecords('people.json').find((p) => p.id === 'person:luu-minh-thuc')!;
    const { body } = await api.graphql(
      `{ people(where: { id: { eq: "person:luu-minh-thuc" } }) { rank rankAsInSource nameAscii memberOf { id } } }`,
    );
    expect(body.data?.people[0]).toMatchObject({
      rank: thuc.rank,
      rankAsInSource: thuc.rankAsInSource,
      nameAscii: 'Luu Minh Thuc',
    });
    expect(body.data?.people[0].memberOf.map((a: { id: string }) => a.id)).toContain('agency:ca-huyen-yen-minh');
  });
});

describe('bounded reads', () => {
  it('caps a list at its default limit when none is given', async () => {
    const { body } = await api.graphql('{ stories { id } }');
    expect(seedRecords('stories.json').length).toBeGreaterThan(25);
    expect(body.data?.stories).toHaveLength(25);
  });
});

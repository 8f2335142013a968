import { seedRecords } from '../support/seedFacts';
import { startTestApi, type TestApi } from '../support/startTestApi';

const SEARCH = `query($q: String!, $kinds: [EntityKind!], $limit: Int) {
  search(query: $q, kinds: $kinds, limit: $limit) { id kind name matchedOn matchedText exact why score }
}`;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

async function ids(q: string, kinds?: string[]): Promise<string[]> {
  const { body } = await api.graphql(SEARCH, { q, kinds, limit: 20 });
  expect(body.errors).toBeUndefined();
  return body.data?.search.map((hit: { id: string }) => hit.id);
}

describe('search', () => {
  it.each(['Pai Lung', 'pải lủng', 'Pai Lủng', 'PAI LUNG'])('finds xã Pải Lủng from "%s"', async (q) => {
    expect(await ids(q, ['PLACE'])).toContain('place:xa-pai-lung');
  });

  it('finds Đào Quang Vinh typed without marks, as the top person', async () => {
    expect((await ids('Dao Quang Vinh', ['PERSON']))[0]).toBe('person:dao-quang-vinh');
  });

  it('folds đ: "Dang" finds Đặng Thị Ngọc Thịnh', async () => {
    const thinh = seedRecords('people.json').find((p) => p.id === 'person:dang-thi-ngoc-thinh');
    expect(thinh?.name).toBe('Đặng Thị Ngọc Thịnh');
    expect(await ids('Dang')).toContain('person:dang-thi-ngoc-thinh');
  });

  it('tolerates one wrong letter and says the match was not exact', async () => {
    const { body } = await api.graphql(SEARCH, { q: 'Pai Lunh', kinds: ['PLACE'], limit: 5 });
    const hit = body.data?.search.find((h: { id: string }) => h.id === 'place:xa-pai-lung');
    expect(hit).toMatchObject({ kind: 'PLACE', exact: false });
  });

  it('says which text matched: an alias for a spelling only sources use', async () => {
    const { body } = await api.graphql(SEARCH, { q: 'Tho Mi Ly', kinds: ['PERSON'], limit: 5 });
    const hit = body.data?.search.find((h: { id: string }) => h.id === 'person:thao-mi-ly-2023');
    expect(hit).toMatchObject({ matchedOn: 'ALIAS', matchedText: 'Thò Mí Ly', exact: true });
    expect(hit.why).toContain('alias');
  });

  it('treats query syntax as plain text', async () => {
    const { body } = await api.graphql(SEARCH, { q: 'Pải Lủng) OR name:* AND "~', limit: 5 });
    expect(body.errors).toBeUndefined();
  });

  it('limits results to the kinds asked for', async () => {
    const { body } = await api.graphql(SEARCH, { q: 'Hà Giang', kinds: ['AGENCY'], limit: 20 });
    expect(body.data?.search.length).toBeGreaterThan(0);
    expect(body.data?.search.every((h: { kind: string }) => h.kind === 'AGENCY')).toBe(true);
  });

  it.each([
    [{ q: '   ' }, 'query'],
    [{ q: 'Pai Lung', limit: 0 }, 'limit'],
    [{ q: 'Pai Lung', limit: 51 }, 'limit'],
    [{ q: 'Pai Lung', kinds: [] }, 'kinds'],
  ])('rejects %j with BAD_USER_INPUT naming %s', async (variables, argument) => {
    const { body } = await api.graphql(SEARCH, variables);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
  });
});

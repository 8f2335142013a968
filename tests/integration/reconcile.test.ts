import { reconciliationValidators } from '../support/reconciliationSchemas';
import { startTestApi, type TestApi } from '../support/startTestApi';

let api: TestApi;
const spec = reconciliationValidators();

/** Asserts a value is valid under one of the spec's schemas, quoting Ajv's errors when it is not. */
function expectValid(schema: keyof typeof spec, value: unknown): void {
  const validate = spec[schema];
  const valid = validate(value);
  expect({ schema, errors: valid ? null : validate.errors }).toEqual({ schema, errors: null });
}

interface Candidate {
  id: string;
  name: string;
  score: number;
  match: boolean;
  features: { id: string; value: boolean | number }[];
}
type Results = Record<string, { result: Candidate[] }>;

/**
 * A batch shaped as OpenRefine sends it (q0, q1 … with type, limit and properties): names with
 * and without diacritics, a bare place name read on a date, and the two near-identical people
 * (Thào Mý Ly, the 2018 suspect; Thào Mí Ly, the 2023 victim) with and without a date.
 */
const BATCH = {
  q0: { query: 'Lưu Minh Thức', type: 'Person', limit: 3, type_strict: 'should' },
  q1: { query: 'Luu Minh Thuc', type: 'Person', limit: 3, type_strict: 'should' },
  q2: { query: 'dao quang vinh', type: 'Person', limit: 3 },
  q3: { query: 'Pai Lung', type: 'Place', limit: 3, properties: [{ pid: 'date', v: '2023-04-03' }] },
  q4: { query: 'Đồng Văn', type: 'Place', limit: 5, properties: [{ pid: 'date', v: '2020' }] },
  q5: { query: 'Thào Mý Ly', type: 'Person', limit: 3, properties: [{ pid: 'date', v: '2023' }] },
  q6: { query: 'Thào Mý Ly', type: 'Person', limit: 3, properties: [{ pid: 'date', v: '2018-02-17' }] },
  q7: { query: 'Thào Mý Ly', type: 'Person', limit: 3 },
  q8: { query: 'Nguyễn Văn Trường', limit: 3, properties: [{ pid: 'place', v: 'Hà Giang' }] },
  q9: { query: 'Công an tỉnh Hà Giang', type: ['Agency', 'Collective'], limit: 3 },
};

async function post(queries: unknown): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${api.url}/reconcile`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:3333' },
    body: new URLSearchParams({ queries: typeof queries === 'string' ? queries : JSON.stringify(queries) }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
async function get(path: string): Promise<{ status: number; headers: Headers; body: unknown; text: string }> {
  const response = await fetch(`${api.url}${path}`, { headers: { origin: 'http://127.0.0.1:3333' } });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body, text };
}

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('/reconcile (W3C Reconciliation API 0.2)', () => {
  it('serves a manifest the spec’s schema accepts, with CORS for OpenRefine', async () => {
    const { status, headers, body } = await get('/reconcile');
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expectValid('manifest', body);
    expect(body).toMatchObject({
      versions: ['0.2'],
      defaultTypes: expect.arrayContaining([{ id: 'Person', name: 'Người (Person)' }]),
    });
    // The validator bites: a manifest without versions is refused.
    const { versions: _versions, ...broken } = body as Record<string, unknown>;
    expect(spec.manifest(broken)).toBe(false);
  });

  it('answers an OpenRefine batch by POST: diacritics optional, places by date, never the wrong one of two namesakes', async () => {
    expectValid('reconciliation-query-batch', BATCH);
    const { status, headers, body } = await post(BATCH);
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expectValid('reconciliation-result-batch', body);
    const results = body as Results;
    const top = (key: string) => results[key]?.result[0];
    const feature = (c: Candidate | undefined, id: string) => c?.features.find((f) => f.id === id)?.value;

    expect(top('q0')).toMatchObject({ id: 'person:luu-minh-thuc', match: true, score: 100 });
    expect(feature(top('q0'), 'name_exact')).toBe(true);
    expect(top('q1')).toMatchObject({ id: 'person:luu-minh-thuc', match: true });
    expect(feature(top('q1'), 'name_exact')).toBe(false);
    expect(top('q2')).toMatchObject({ id: 'person:dao-quang-vinh', match: true });
    expect(top('q3')).toMatchObject({ id: 'place:xa-pai-lung', match: true });
    expect(feature(top('q3'), 'name_bare_place')).toBe(true);
    // In 2020 "Đồng Văn" is the district, not the commune created in 2025.
    expect(top('q4')?.id).toBe('place:huyen-dong-van');
    const commune = results.q4?.result.find((c) => c.id === 'place:xa-dong-van');
    if (commune) expect(commune.score).toBeLessThan(top('q4')?.score ?? 0);

    // The trap: in 2023 the name is the victim's spelling variant; the 2018 suspect had died by then.
    expect(top('q5')?.id).toBe('person:thao-mi-ly-2023');
    const suspectIn2023 = results.q5?.result.find((c) => c.id === 'person:thao-my-ly-2018');
    expect(suspectIn2023?.match ?? false).toBe(false);
    expect(feature(suspectIn2023, 'died_before_date')).toBe(true);
    expect(results.q5?.result.every((c) => !(c.id === 'person:thao-my-ly-2018' && c.match))).toBe(true);
    // On the day of the 2018 pursuit the exact name is the suspect.
    expect(top('q6')).toMatchObject({ id: 'person:thao-my-ly-2018', match: true });
    // Without a date nothing decides between them: no candidate is a match.
    expect(results.q7?.result.map((c) => c.id).sort()).toEqual(['person:thao-mi-ly-2023', 'person:thao-my-ly-2018']);
    expect(results.q7?.result.some((c) => c.match)).toBe(false);

    expect(top('q8')).toMatchObject({ id: 'person:nguyen-van-truong', match: true });
    expect(feature(top('q8'), 'place')).toBe(true);
    expect(top('q9')).toMatchObject({ id: 'agency:cong-an-tinh-ha-giang', match: true });
  });

  it('answers the same batch by GET ?queries=', async () => {
    const { status, body } = await get(
      `/reconcile?queries=${encodeURIComponent(JSON.stringify({ q0: BATCH.q0, q3: BATCH.q3 }))}`,
    );
    expect(status).toBe(200);
    expectValid('reconciliation-result-batch', body);
    expect((body as Results).q3?.result[0]?.id).toBe('place:xa-pai-lung');
  });

  it('refuses a malformed batch with 400 and the offending field', async () => {
    const notJson = await post('{not json');
    expect(notJson).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', argumentName: 'queries' } });
    const badType = await post({ q0: { query: 'Hà Giang', type: 'Planet' } });
    expect(badType).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', argumentName: 'queries.q0.type' } });
    const badDate = await post({ q0: { query: 'Hà Giang', properties: [{ pid: 'date', v: '03/04/2023' }] } });
    expect(badDate).toMatchObject({
      status: 400,
      body: { code: 'BAD_USER_INPUT', argumentName: 'queries.q0.properties.date', value: '03/04/2023' },
    });
  });

  it('suggests entities, properties and types in the shapes of the spec', async () => {
    const entities = await get('/reconcile/suggest/entity?prefix=pai%20lu');
    expectValid('suggest-entities-response', entities.body);
    expect((entities.body as { result: { id: string }[] }).result.map((r) => r.id)).toContain('place:xa-pai-lung');
    const people = await get('/reconcile/suggest/entity?prefix=luu%20minh&type=Person');
    expect((people.body as { result: { id: string }[] }).result.map((r) => r.id)).toEqual(['person:luu-minh-thuc']);
    const properties = await get('/reconcile/suggest/property?prefix=da');
    expectValid('suggest-properties-response', properties.body);
    expect((properties.body as { result: { id: string }[] }).result.map((r) => r.id)).toEqual(['date']);
    const types = await get('/reconcile/suggest/type?prefix=pla');
    expectValid('suggest-types-response', types.body);
    expect((types.body as { result: { id: string }[] }).result.map((r) => r.id)).toEqual(['Place']);
  });

  it('previews an entity as escaped HTML, and answers 404 for an unknown id', async () => {
    const preview = await get('/reconcile/preview?id=person%3Athao-mi-ly-2023');
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toMatch(/^text\/html/);
    expect(preview.text).toContain('Thào Mí Ly');
    expect(preview.text).toContain('Thò Mí Ly');
    const view = await get('/reconcile/entity/place%3Axa-pai-lung');
    expect(view.text).toContain('xã Pải Lủng');
    const missing = await get('/reconcile/preview?id=person%3Anobody');
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', id: 'person:nobody' } });
  });
});

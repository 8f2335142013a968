import { signToken, startTestApi, type TestApi } from '../support/startTestApi';

const CREATE_FIELD = `mutation($input: [FieldCreateInput!]!) { createFields(input: $input) { fields { id name nameAscii } } }`;
const FIELD_ID = 'field:test-editor-auth';
const input = [{ id: FIELD_ID, name: 'Đội thử nghiệm', sources: ['https://example.org/test'], confidence: 'UNVERIFIED' }];
let api: TestApi;

async function fieldExists(): Promise<boolean> {
  const rows = await api.graph.read('MATCH (f:Field {id: $id}) RETURN count(f) AS n', { id: FIELD_ID });
  return rows[0]?.n === 1;
}

beforeAll(async () => {
  api = await startTestApi();
  await api.graph.write('MATCH (f:Field {id: $id}) DETACH DELETE f', { id: FIELD_ID });
});
afterAll(async () => {
  await api.graph.write('MATCH (f:Field {id: $id}) DETACH DELETE f', { id: FIELD_ID });
  await api.close();
});

describe('generated mutations', () => {
  it('are refused without a token, and nothing is written', async () => {
    const { body } = await api.graphql(CREATE_FIELD, { input });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await fieldExists()).toBe(false);
  });

  it('are refused with a token signed by another key', async () => {
    const forged = await signToken(['editor'], 'a-different-secret-that-is-long-enough-000000');
    const { body } = await api.graphql(CREATE_FIELD, { input }, forged);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await fieldExists()).toBe(false);
  });

  it('are refused with a valid token that lacks the editor role', async () => {
    const reader = await signToken(['reader']);
    const { body } = await api.graphql(CREATE_FIELD, { input }, reader);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await fieldExists()).toBe(false);
  });

  it('are accepted with an editor token, which also derives nameAscii', async () => {
    const editor = await signToken(['editor']);
    const { body } = await api.graphql(CREATE_FIELD, { input }, editor);
    expect(body.errors).toBeUndefined();
    expect(body.data?.createFields.fields).toEqual([{ id: FIELD_ID, name: 'Đội thử nghiệm', nameAscii: 'Doi thu nghiem' }]);
    expect(await fieldExists()).toBe(true);
  });

  it('keep nameAscii in step when an editor renames, and leave it alone otherwise', async () => {
    const editor = await signToken(['editor']);
    const rename = await api.graphql(
      `mutation { updateFields(where: { id: { eq: "${FIELD_ID}" } }, update: { name: { set: "Đội cứu hộ thử" } }) { fields { nameAscii } } }`,
      {},
      editor,
    );
    expect(rename.body.data?.updateFields.fields).toEqual([{ nameAscii: 'Doi cuu ho thu' }]);
    const other = await api.graphql(
      `mutation { updateFields(where: { id: { eq: "${FIELD_ID}" } }, update: { note: { set: "checked" } }) { fields { nameAscii note } } }`,
      {},
      editor,
    );
    expect(other.body.data?.updateFields.fields).toEqual([{ nameAscii: 'Doi cuu ho thu', note: 'checked' }]);
  });

  it('leave reads public', async () => {
    const { body } = await api.graphql('{ fields(limit: 1) { id } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.fields).toHaveLength(1);
  });
});

import { BadInputError } from '../../src/errors/domainErrors';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';

/**
 * Issue 10, item 2: generated mutations skipped the importer's validation, so one bad value
 * written through the API broke reads. Every write now goes through the database's validation
 * trigger, rendered from src/domain: a refused write answers BAD_USER_INPUT naming the field and
 * the value, and nothing is written.
 */
const PAI_LUNG = 'event:pai-lung-sinkhole-rescue-2023';
const STORY = 'story:test-write-validation-bad-period';
const PERSON = 'person:test-write-validation';
const BAD_PERSON = 'agency:test-write-validation-person';
const SOURCES = ['https://example.org/test-write-validation'];

const CREATE_STORY = `mutation($input: [StoryCreateInput!]!) { createStories(input: $input) { stories { id } } }`;
const CREATE_PERSON = `mutation($input: [PersonCreateInput!]!) { createPeople(input: $input) { people { id } } }`;
const RELATED = `query($id: ID!) { relatedStories(id: $id, limit: 5) { id } }`;
const SEARCH = `query($q: String!) { search(query: $q, kinds: [PERSON]) { id matchedOn matchedText } }`;

let api: TestApi;
let editor: string;

async function count(cypher: string, params: Record<string, unknown>): Promise<number> {
  const [row] = await api.graph.read(`${cypher} RETURN count(*) AS n`, params);
  return Number(row?.n);
}

async function cleanUp(): Promise<void> {
  // Test facts are removed as an editor would, recorded like any write.
  await api.graph.write(
    'MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n',
    { ids: [STORY, PERSON, BAD_PERSON] },
    {
      actor: 'tests',
      operation: 'test:cleanup',
    },
  );
}

beforeAll(async () => {
  api = await startTestApi();
  editor = await signToken(['editor']);
  await cleanUp();
});
afterAll(async () => {
  await cleanUp();
  await api.close();
});

describe('one validation for every write', () => {
  it('refuses createStories with publishedPeriod "2023-13" as BAD_USER_INPUT naming Story.publishedPeriod, and writes nothing', async () => {
    const input = [
      {
        id: STORY,
        name: 'Bài thử kỳ sai',
        title: 'Bài thử kỳ sai',
        channel: 'NEWS',
        publishedPeriod: '2023-13',
        sources: SOURCES,
        confidence: 'UNVERIFIED',
        features: {
          connect: [{ where: { node: { id: { eq: PAI_LUNG } } }, edge: { sources: SOURCES, confidence: 'UNVERIFIED' } }],
        },
      },
    ];
    const { body } = await api.graphql(CREATE_STORY, { input }, editor);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'Story.publishedPeriod',
      value: '2023-13',
    });
    expect(body.errors?.[0]?.message).toMatch(/YYYY-MM/);
    expect(await count('MATCH (s:Story {id: $id})', { id: STORY })).toBe(0);
  });

  it('leaves relatedStories and the widget answering for the Pải Lủng rescue after the refusal', async () => {
    const related = await api.graphql(RELATED, { id: PAI_LUNG });
    expect(related.body.errors).toBeUndefined();
    expect(related.body.data?.relatedStories.length).toBeGreaterThan(0);
    const widget = await fetch(`${api.url}/widget/related-stories?entity=${encodeURIComponent(PAI_LUNG)}&limit=5`);
    expect(widget.status).toBe(200);
  });

  it('refuses a Person created with an agency: id', async () => {
    const input = [{ id: BAD_PERSON, name: 'Người thử', sources: SOURCES, confidence: 'UNVERIFIED' }];
    const { body } = await api.graphql(CREATE_PERSON, { input }, editor);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'Person.id',
      value: BAD_PERSON,
    });
    expect(await count('MATCH (n:Entity {id: $id})', { id: BAD_PERSON })).toBe(0);
  });

  it('never lets a node end up with two domain labels, whatever the write path', async () => {
    const created = await api.graphql(
      CREATE_PERSON,
      { input: [{ id: PERSON, name: 'Người thử nghiệm', sources: SOURCES, confidence: 'UNVERIFIED' }] },
      editor,
    );
    expect(created.body.errors).toBeUndefined();
    const raw = api.graph.write('MATCH (p:Person {id: $id}) SET p:Agency', { id: PERSON });
    await expect(raw).rejects.toBeInstanceOf(BadInputError);
    await expect(raw).rejects.toMatchObject({ argument: expect.stringMatching(/\.labels$/) });
    expect(await count('MATCH (p:Person:Agency {id: $id})', { id: PERSON })).toBe(0);
  });

  it('makes an alias added through the API searchable, diacritics folded', async () => {
    const update = await api.graphql(
      `mutation($id: ID!) { updatePeople(where: { id: { eq: $id } }, update: { aliases: { set: ["Thử Nghiệm Đặc Biệt"] } }) { people { aliases } } }`,
      { id: PERSON },
      editor,
    );
    expect(update.body.errors).toBeUndefined();
    for (const q of ['Thử Nghiệm Đặc Biệt', 'thu nghiem dac biet']) {
      const { body } = await api.graphql(SEARCH, { q });
      expect(body.errors).toBeUndefined();
      expect(body.data?.search).toContainEqual({ id: PERSON, matchedOn: 'ALIAS', matchedText: 'Thử Nghiệm Đặc Biệt' });
    }
  });
});

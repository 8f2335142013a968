import path from 'node:path';
import { extractProposals } from '../../src/ingestion/extractProposals';
import { foldKey } from '../../src/ingestion/foldKey';
import { createGraphGazetteer } from '../../src/ingestion/graph/createGraphGazetteer';
import { refreshNameKeys } from '../../src/ingestion/graph/refreshNameKeys';
import { readSeedGazetteer } from '../../src/ingestion/readSeedGazetteer';
import { readEvalArticles } from '../../scripts/linkingEval/evalArticles';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';
import { waitFor } from '../support/waitFor';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await refreshNameKeys(api.graph);
});
afterAll(async () => {
  await api.close();
});

describe('the graph-backed gazetteer', () => {
  it('proposes exactly what the in-memory gazetteer of seeds/ proposes, on every article of the evaluation set', async () => {
    const memory = readSeedGazetteer(path.resolve(__dirname, '..', '..', 'seeds'));
    const graph = createGraphGazetteer(api.graph);
    const { articles } = readEvalArticles();
    expect(articles.length).toBeGreaterThanOrEqual(10);
    for (const article of articles) {
      const input = {
        text: article.text,
        publishedAt: article.labels.publishedAt,
        ...(article.title ? { title: article.title } : {}),
      };
      const now = new Date('2026-01-01T00:00:00Z');
      const fromMemory = await extractProposals(input, memory, { now });
      const fromGraph = await extractProposals(input, graph, { now });
      expect({ article: article.labels.id, proposals: fromGraph.proposals }).toEqual({
        article: article.labels.id,
        proposals: fromMemory.proposals,
      });
      expect(fromGraph.stats.entries).toBe(fromMemory.stats.entries);
    }
  });

  it('finds nothing to re-key right after a sweep: the Cypher fingerprint is the one the keys were made from', async () => {
    await refreshNameKeys(api.graph);
    expect(await refreshNameKeys(api.graph)).toMatchObject({ indexed: 0, removed: 0 });
    const [row] = await api.graph.read(
      'MATCH (n:Entity) WHERE NOT EXISTS { MATCH (:NameKey {id: n.id}) } RETURN count(n) AS unkeyed',
    );
    expect(row?.unkeyed).toBe(0);
  });

  it('answers a lookup with one statement and byIds with one more', async () => {
    const statements: string[] = [];
    const counted = createGraphGazetteer(api.graph, { onQuery: (q) => statements.push(`${q.keys}/${q.ids}`) });
    const found = await counted.lookup(['pai lung', 'meo vac', 'no such name at all']);
    expect(found.map((e) => e.id)).toEqual(expect.arrayContaining(['place:xa-pai-lung', 'place:huyen-meo-vac']));
    await counted.byIds(['event:pai-lung-sinkhole-rescue-2023']);
    expect(statements).toEqual(['3/0', '0/1']);
  });

  it('follows a rename by a generated mutation: the ids it names are re-keyed at once', async () => {
    const editor = await signToken(['editor']);
    const rename = (name: string) =>
      api.graphql(
        `mutation($name: String!) { updateFields(where: { id: { eq: "field:rescue" } }, update: { name: { set: $name } }) { fields { name } } }`,
        { name },
        editor,
      );
    const [before] = await api.graph.read('MATCH (f:Field {id: "field:rescue"}) RETURN f.name AS name');
    const original = String(before?.name);
    const gazetteer = createGraphGazetteer(api.graph);
    try {
      expect((await rename('Lĩnh vực thử đổi tên')).body.errors).toBeUndefined();
      await waitFor(async () => (await gazetteer.lookup(['linh vuc thu doi ten'])).some((e) => e.id === 'field:rescue'), {
        timeoutMs: 30_000,
        what: 'the renamed field in the name index',
      });
      expect((await gazetteer.lookup([foldKey(original)])).some((e) => e.id === 'field:rescue')).toBe(false);
    } finally {
      await rename(original);
      await refreshNameKeys(api.graph);
    }
  });
});

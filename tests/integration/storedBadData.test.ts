import { startTestApi, type TestApi } from '../support/startTestApi';

/**
 * Issue 10: "reads survive bad data already stored". Values written before validation existed,
 * or by raw Cypher around it, degrade an answer and never fail it. This file writes such data
 * with the triggers bypassed (the bench-only opt-out, as a pre-validation database would hold
 * it) and reads the Pải Lủng rescue's related stories, over GraphQL and through the widget.
 */
const PAI_LUNG = 'event:pai-lung-sinkhole-rescue-2023';
const BAD_PERIOD = 'story:test-stored-bad-period';
const BAD_CHANNEL = 'story:test-stored-bad-channel';
const BYPASS = { actor: 'tests', operation: 'test:stored-bad-data', benchBulkLoad: true } as const;
const RELATED = `query($id: ID!) { relatedStories(id: $id, limit: 50) { id publishedPeriod recency } }`;
const DASHBOARD = `query { fieldDashboard(field: "field:rescue", from: "2023-01-01", to: "2023-12-31") { current { stories { count ids } } } }`;

let api: TestApi;

async function remove(): Promise<void> {
  await api.graph.write('MATCH (s:Story) WHERE s.id IN $ids DETACH DELETE s', { ids: [BAD_PERIOD, BAD_CHANNEL] }, BYPASS);
}

beforeAll(async () => {
  api = await startTestApi();
  await remove();
  await api.graph.write(
    `MATCH (e:Event {id: $event})
     CREATE (bad:Entity:Story {id: $period, name: 'Bài kỳ sai', title: 'Bài kỳ sai', channel: 'NEWS', publishedPeriod: '2023-13',
                               sources: ['https://example.org/bad'], confidence: 'UNVERIFIED'})
     CREATE (worse:Entity:Story {id: $channel, name: 'Bài kênh sai', title: 'Bài kênh sai', channel: 42, publishedPeriod: '2023-04',
                                 sources: ['https://example.org/bad'], confidence: 'UNVERIFIED'})
     CREATE (bad)-[:FEATURES {sources: ['https://example.org/bad'], confidence: 'UNVERIFIED'}]->(e)
     CREATE (worse)-[:FEATURES {sources: ['https://example.org/bad'], confidence: 'UNVERIFIED'}]->(e)`,
    { event: PAI_LUNG, period: BAD_PERIOD, channel: BAD_CHANNEL },
    BYPASS,
  );
});
afterAll(async () => {
  await remove();
  await api.close();
});

describe('reads over bad stored data', () => {
  it('answer relatedStories for the Pải Lủng rescue, the malformed period counted as undated', async () => {
    const { status, body } = await api.graphql(RELATED, { id: PAI_LUNG });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const stories = body.data?.relatedStories as { id: string; publishedPeriod: string | null; recency: number }[];
    expect(stories.length).toBeGreaterThan(1);
    expect(stories.find((s) => s.id === BAD_PERIOD)).toMatchObject({ publishedPeriod: '2023-13', recency: 0.75 });
    // A story whose stored channel is not text is skipped, not the whole answer.
    expect(stories.map((s) => s.id)).not.toContain(BAD_CHANNEL);
  });

  it('answer the widget with HTTP 200 and the other stories', async () => {
    const response = await fetch(`${api.url}/widget/related-stories?entity=${encodeURIComponent(PAI_LUNG)}&limit=20`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { stories: { id: string }[] };
    expect(body.stories.length).toBeGreaterThan(1);
  });

  it('answer a live dashboard, the undated story outside a bounded period', async () => {
    const { body } = await api.graphql(DASHBOARD);
    expect(body.errors).toBeUndefined();
    expect(body.data?.fieldDashboard.current.stories.ids).not.toContain(BAD_PERIOD);
  });
});

import { removeIngested, TEST_URL } from '../support/ingestedFixture';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';
import { aroundToday, removeWidgetCounts, WIDGET_STATS, widgetCountNodes, type StatsRow } from '../support/widgetPages';

let api: TestApi;
let editor: string;

beforeAll(async () => {
  api = await startTestApi();
  editor = await signToken(['editor']);
  await removeWidgetCounts(api.graph);
  await removeIngested(api.graph);
});
afterAll(async () => {
  if (api) {
    await removeWidgetCounts(api.graph);
    await removeIngested(api.graph);
  }
  await api?.close();
});

const SOURCE = 'event:pai-lung-sinkhole-rescue-2023';
const STORY = 'story:nhandan-pai-lung-2023';

function post(body: string, contentType = 'text/plain;charset=UTF-8') {
  return fetch(`${api.url}/widget/events`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('POST /widget/events', () => {
  it('adds a batch to the day’s counts per story, position and kind, summing equal events', async () => {
    const events = [
      { storyId: STORY, position: 1, kind: 'IMPRESSION' },
      { storyId: STORY, position: 1, kind: 'IMPRESSION' },
      { storyId: STORY, position: 1, kind: 'CLICK' },
    ];
    const response = await post(JSON.stringify({ source: SOURCE, events }));
    expect(response.status).toBe(204);
    // JSON is accepted too, for a client that sends it with a preflight.
    expect((await post(JSON.stringify({ source: SOURCE, events: events.slice(0, 1) }), 'application/json')).status).toBe(204);
    const { body } = await api.graphql(WIDGET_STATS, { entity: SOURCE, ...aroundToday() }, editor);
    const stats = body.data?.widgetStats as { impressions: number; clicks: number; ctr: number; rows: StatsRow[] };
    expect(stats.rows).toEqual([
      { storyId: STORY, title: expect.any(String), position: 1, impressions: 3, clicks: 1, ctr: 0.3333 },
    ]);
    expect(stats).toMatchObject({ impressions: 3, clicks: 1, ctr: 0.3333 });
  });

  it.each([
    ['not JSON', 'nope', 'body', 'nope'],
    ['not an object', '[1]', 'body', [1]],
    ['without a source', JSON.stringify({ events: [] }), 'source', null],
    ['with a source that is no node id', JSON.stringify({ source: 'pai-lung', events: [] }), 'source', 'pai-lung'],
    ['without events', JSON.stringify({ source: SOURCE, events: [] }), 'events', 0],
    [
      'with a story id that is no story',
      JSON.stringify({ source: SOURCE, events: [{ storyId: 'person:luu-minh-thuc', position: 1, kind: 'CLICK' }] }),
      'events[0].storyId',
      'person:luu-minh-thuc',
    ],
    [
      'with position 0',
      JSON.stringify({ source: SOURCE, events: [{ storyId: STORY, position: 0, kind: 'CLICK' }] }),
      'events[0].position',
      0,
    ],
    [
      'with an unknown kind',
      JSON.stringify({ source: SOURCE, events: [{ storyId: STORY, position: 1, kind: 'VIEW' }] }),
      'events[0].kind',
      'VIEW',
    ],
    [
      'for a source not in the graph',
      JSON.stringify({ source: 'event:does-not-exist', events: [{ storyId: STORY, position: 1, kind: 'CLICK' }] }),
      'source',
      'event:does-not-exist',
    ],
    [
      'for a story not in the graph',
      JSON.stringify({ source: SOURCE, events: [{ storyId: 'story:does-not-exist', position: 1, kind: 'CLICK' }] }),
      'storyId',
      'story:does-not-exist',
    ],
  ])(
    'refuses a body %s with 400 BAD_USER_INPUT naming the field and value, writing nothing',
    async (_what, body, argumentName, value) => {
      const before = await widgetCountNodes(api.graph);
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', argumentName, value });
      expect(await widgetCountNodes(api.graph)).toBe(before);
    },
  );
});

describe('widgetStats', () => {
  it('is for editors: FORBIDDEN for a reader, UNAUTHENTICATED without a token', async () => {
    const variables = { entity: SOURCE, ...aroundToday() };
    const reader = await api.graphql(WIDGET_STATS, variables, await signToken(['reader']));
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.graphql(WIDGET_STATS, variables);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a period that ends before it starts', async () => {
    const { body } = await api.graphql(WIDGET_STATS, { entity: SOURCE, from: '2026-02-01', to: '2026-01-01' }, editor);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'to', value: '2026-01-01' });
  });
});

describe('GET /widget/related-stories?url=', () => {
  const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { story { id url } } }`;

  it('finds the story ingested from the URL, written as the page writes it (fragment, host case)', async () => {
    const url = `${TEST_URL}widget/cuu-ho-tren-cao-nguyen`;
    const ingested = await api.graphql(
      INGEST,
      {
        input: {
          url,
          title: 'Cứu hộ trên cao nguyên đá',
          publisher: 'Báo Thử Nghiệm',
          publishedAt: '2024-06-20',
          text: 'Lực lượng công an huyện Mèo Vạc đã đưa người dân ra khỏi vùng nước lũ trong đêm.',
        },
      },
      editor,
    );
    const story = ingested.body.data?.ingestArticle?.story as { id: string; url: string };
    expect(story.url).toBe(url);
    const asWritten = `${url.replace('https://test.invalid/', 'https://TEST.invalid/')}#phan-2`;
    const response = await fetch(`${api.url}/widget/related-stories?url=${encodeURIComponent(asWritten)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ entity: story.id, url, stories: expect.any(Array) });
  });

  it('answers no stories and no entity for a URL no story came from', async () => {
    const response = await fetch(`${api.url}/widget/related-stories?url=${encodeURIComponent('https://test.invalid/khong-co')}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ entity: null, url: 'https://test.invalid/khong-co', stories: [] });
  });

  it.each(['not a url', 'ftp://example.vn/a'])('refuses url=%s with 400 BAD_USER_INPUT naming it', async (url) => {
    const response = await fetch(`${api.url}/widget/related-stories?url=${encodeURIComponent(url)}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'url', value: url });
  });
});

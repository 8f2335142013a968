import { signToken, startTestApi, type TestApi } from '../support/startTestApi';

/**
 * Under load the server refuses rather than queues without bound (issue 10, item 7): heavy
 * analytics past their concurrency limit and short queue answer 503 with Retry-After and the
 * OVERLOADED code; a client past its rate limit answers 429 with Retry-After and RATE_LIMITED.
 * Both are coded answers a client can act on, never a timeout or an internal error.
 */
const MOVEMENT = 'movement:thi-dua-yeu-nuoc-ha-giang';
const HEAVY = `{ movementImpact(id: "${MOVEMENT}") { movement { id } } }`;

async function post(api: TestApi, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[]; data?: unknown };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: body.errors?.[0]?.extensions?.code,
    body,
  };
}

describe('heavy analytics under a concurrency limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { HEAVY_CONCURRENCY: '1', HEAVY_QUEUE: '1', HEAVY_QUEUE_TIMEOUT_MS: '1000' } });
  });
  afterAll(() => api?.close());

  it('refuses the ones past the limit and the queue with 503, Retry-After and OVERLOADED, and answers the rest', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(api, HEAVY)));
    const refused = answers.filter((a) => a.status === 503);
    const answered = answers.filter((a) => a.status === 200);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(answered.length + refused.length).toBe(8);
    for (const answer of refused) {
      expect(answer.code).toBe('OVERLOADED');
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    for (const answer of answered) expect(answer.body.errors).toBeUndefined();
  });

  it('lets cheap reads through while heavy ones are refused', async () => {
    const [cheap] = await Promise.all([
      post(api, '{ places(limit: 1) { id } }'),
      ...Array.from({ length: 4 }, () => post(api, HEAVY)),
    ]);
    expect(cheap.status).toBe(200);
  });
});

describe('the per-client rate limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => api?.close());

  it('answers 429 with Retry-After and RATE_LIMITED past the limit, per client (a token subject counts apart from the address)', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(api, '{ places(limit: 1) { id } }')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await post(api, '{ places(limit: 1) { id } }');
    expect(limited.status).toBe(429);
    expect(limited.code).toBe('RATE_LIMITED');
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(Number(limited.retryAfter));

    // Another client (a signed-in reader) has its own count.
    const reader = await signToken(['reader']);
    expect((await post(api, '{ places(limit: 1) { id } }', { authorization: `Bearer ${reader}` })).status).toBe(200);
    // The widget's route counts too.
    const widget = await fetch(`${api.url}/widget/related-stories?entity=event:pai-lung-sinkhole-rescue-2023`);
    expect(widget.status).toBe(429);
    expect(await widget.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });
});

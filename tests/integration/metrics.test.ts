import { startTestApi, type TestApi } from '../support/startTestApi';

/**
 * /metrics for Prometheus: off unless METRICS_TOKEN is set, then behind that bearer token;
 * request counts and latencies per operation, database errors, the dashboard cube's state, and
 * the load shedder's and rate limiter's refusals.
 */
const TOKEN = 'metrics-test-token-0123456789';
let api: TestApi;
let off: TestApi;

beforeAll(async () => {
  api = await startTestApi({ env: { METRICS_TOKEN: TOKEN, HEAVY_CONCURRENCY: '1', HEAVY_QUEUE: '0' } });
  off = await startTestApi();
});
afterAll(async () => {
  await api?.close();
  await off?.close();
});

const scrape = (target: TestApi, token?: string) =>
  fetch(`${target.url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('/metrics', () => {
  it('is off without METRICS_TOKEN, and refuses a missing or wrong token', async () => {
    expect((await scrape(off, TOKEN)).status).toBe(404);
    expect((await scrape(api)).status).toBe(401);
    expect((await scrape(api, `${TOKEN}x`)).status).toBe(401);
  });

  it('counts and times requests per operation, and says what the cube and the load shedder are doing', async () => {
    await api.graphql('query PlacesForMetrics { places(limit: 1) { id } }');
    await api.graphql('{ people(limit: -1) { id } }');
    const heavy = '{ movementImpact(id: "movement:thi-dua-yeu-nuoc-ha-giang") { movement { id } } }';
    await Promise.all(Array.from({ length: 4 }, () => api.graphql(heavy)));
    const response = await scrape(api, TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/graphql_requests_total\{operation="PlacesForMetrics",outcome="ok"\} 1/);
    expect(text).toMatch(/graphql_requests_total\{operation="people",outcome="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/graphql_request_duration_seconds_count\{operation="PlacesForMetrics"\} 1/);
    expect(text).toMatch(/heavy_analytics_refused_total\{operation="movementImpact"\} [1-9]/);
    expect(text).toMatch(/dashboard_cube_state\{state="(current|stale|missing)"\} 1/);
    expect(text).toContain('database_errors_total');
    expect(text).toContain('rate_limited_total');
    expect(text).toContain('process_resident_memory_bytes');
  });
});

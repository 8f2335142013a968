import type { Browser } from 'playwright-core';
import { buildDashboardCube } from '../../src/jobs/dashboardCube/buildDashboardCube';
import { launchBrowser } from '../support/browser';
import { seedRelationships } from '../support/seedFacts';
import { startTestApi, type TestApi } from '../support/startTestApi';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  // Another test file's edits may have left the dashboard cube stale; build it as an import would.
  await buildDashboardCube(api.graph);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('/dashboard in a real headless Chromium', () => {
  it('renders every panel from the seeded data for the rescue field', async () => {
    const args = { field: 'field:rescue', from: '2018-01-01', to: '2024-12-31' };
    const { body } = await api.graphql(
      `query($field: ID!, $from: Date!, $to: Date!) { fieldDashboard(field: $field, from: $from, to: $to) {
         current { exemplars { count } awards { count } events { count } stories { count } } } }`,
      args,
    );
    const expected = body.data?.fieldDashboard.current;
    expect(expected.exemplars.count).toBeGreaterThan(0);

    const page = await browser.newPage();
    await page.goto(`${api.url}/dashboard?${new URLSearchParams(args)}`);
    await page.waitForSelector('body[data-field="field:rescue"]', { timeout: 30_000 });
    for (const panel of ['exemplars', 'awards', 'events', 'stories']) {
      expect(await page.getAttribute(`[data-panel="${panel}"]`, 'data-count')).toBe(String(expected[panel].count));
    }
    for (const panel of ['awardsByForm', 'awardsByLevel', 'storiesPerMonth', 'topPlaces', 'topAgencies']) {
      expect(await page.getAttribute(`[data-panel="${panel}"]`, 'data-rendered')).toBe('true');
      expect(await page.locator(`[data-panel="${panel}"] canvas`).count()).toBeGreaterThan(0);
    }
    // Whole years, no ids: the page reads the dashboard cube, and says so.
    expect(await page.textContent('#status')).toContain('(precomputed ');
    await page.close();
  });
});

describe('/explore in a real headless Chromium', () => {
  it('finds the Pải Lủng rescue by search and expands it to its participants', async () => {
    const event = 'event:pai-lung-sinkhole-rescue-2023';
    const participants = seedRelationships()
      .filter((r) => r.type === 'TOOK_PART_IN' && r.to === event)
      .map((r) => r.from);
    expect(participants).toEqual(expect.arrayContaining(['agency:pc07-ha-giang', 'person:nguyen-van-truong']));

    const page = await browser.newPage();
    await page.goto(`${api.url}/explore`);
    await page.fill('#q', 'Pai Lung');
    await page.click(`#results li[data-id="${event}"]`, { timeout: 30_000 });
    await page.waitForFunction((id) => (document.body.dataset.expanded ?? '').split(' ').includes(id), event, {
      timeout: 30_000,
    });
    const nodeIds = await page.evaluate(() =>
      (window as unknown as { explorer: { cy: { nodes(): { map(f: (n: { id(): string }) => string): string[] } } } }).explorer.cy
        .nodes()
        .map((n) => n.id()),
    );
    expect(nodeIds).toEqual(expect.arrayContaining([event, ...participants]));
    expect(await page.textContent('#status')).toMatch(/scores by (GDS|GRAPHOLOGY)/);
    await page.close();
  });
});

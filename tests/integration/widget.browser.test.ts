import http from 'node:http';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { seedRelationships } from '../support/seedFacts';
import { startTestApi, type TestApi } from '../support/startTestApi';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Stories that feature a node directly, per the seeds. */
function storiesFeaturing(id: string): string[] {
  return seedRelationships()
    .filter((r) => r.type === 'FEATURES' && r.to === id)
    .map((r) => r.from);
}

describe('<related-stories> in a real headless Chromium', () => {
  it('renders the related stories of the Pải Lủng rescue, each with title, publisher or date, and a reason', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/demo`);
    const widget = page.locator('related-stories#for-event');
    await widget.locator('li').first().waitFor({ timeout: 30_000 });
    const items = await widget.locator('li').evaluateAll((lis) =>
      lis.map((li) => ({
        id: li.getAttribute('data-story'),
        title: li.querySelector('a, strong')?.textContent ?? '',
        meta: li.querySelector('.meta')?.textContent ?? '',
        why: li.querySelector('.why')?.textContent ?? '',
      })),
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    // The stories that report the rescue itself are the closest relations.
    const direct = storiesFeaturing('event:pai-lung-sinkhole-rescue-2023');
    expect(direct.length).toBeGreaterThan(0);
    expect(items.some((item) => direct.includes(item.id ?? ''))).toBe(true);
    for (const item of items) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.why.length).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('shows a quiet empty state for an entity no story relates to', async () => {
    expect(storiesFeaturing('field:epidemic-prevention')).toEqual([]);
    const page = await browser.newPage();
    await page.goto(`${api.url}/demo`);
    const widget = page.locator('related-stories#for-none');
    await page.waitForFunction(
      () => document.querySelector('related-stories#for-none')?.getAttribute('data-state') === 'empty',
      undefined,
      { timeout: 30_000 },
    );
    expect(await widget.locator('li').count()).toBe(0);
    expect(await widget.locator('p.quiet').textContent()).toBe('No related stories yet.');
    await page.close();
  });

  it('renders the seed article card from the graph beside the widget', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/demo`);
    await page.locator('#article-features li').first().waitFor({ timeout: 30_000 });
    const title = await page.locator('#article-title').textContent();
    expect(title).toContain('Tuyên truyền, nhân rộng gương điển hình tiên tiến');
    const features = await page.locator('#article-features li').allTextContents();
    expect(features.some((f) => f.startsWith('Lưu Minh Thức'))).toBe(true);
    await page.close();
  });
});

describe('GET /widget/related-stories', () => {
  it('is cacheable: Cache-Control and an ETag that answers 304 when unchanged', async () => {
    const url = `${api.url}/widget/related-stories?entity=event:pai-lung-sinkhole-rescue-2023&limit=3`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // Note: node:http, not fetch: fetch adds "cache-control: no-cache" to a request that carries
    // If-None-Match (Fetch spec), which rightly forbids a 304.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get(url, { headers: { 'if-none-match': etag! } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on('error', reject);
    });
    expect(status).toBe(304);
  });

  it.each([
    ['entity=&limit=3', 400, 'BAD_USER_INPUT'],
    ['entity=event:pai-lung-sinkhole-rescue-2023&limit=99', 400, 'BAD_USER_INPUT'],
    ['entity=event:does-not-exist&limit=3', 404, 'NOT_FOUND'],
  ])('answers %s with %i %s', async (query, status, code) => {
    const response = await fetch(`${api.url}/widget/related-stories?${query}`);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { code: string }).code).toBe(code);
  });
});

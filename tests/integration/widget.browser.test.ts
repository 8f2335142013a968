import http from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { axeViolations, screenshot } from '../support/pageChecks';
import { seedRecords, seedRelationships } from '../support/seedFacts';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';
import { hostPage, openHostPage, removeWidgetCounts, statsWhen, widgetState } from '../support/widgetPages';

let api: TestApi;
let browser: Browser;
let editor: string;

beforeAll(async () => {
  api = await startTestApi();
  browser = await launchBrowser();
  editor = await signToken(['editor']);
  await removeWidgetCounts(api.graph);
  // The first read plans relatedStories' statement, seconds on a cold, busy database: past the
  // widget's own timeout (it would rightly show its empty state). A page's reads come later.
  await relatedIds('event:pai-lung-sinkhole-rescue-2023', 5);
});
afterAll(async () => {
  await browser?.close();
  if (api) await removeWidgetCounts(api.graph);
  await api?.close();
});

/** The seed story reporting the Pải Lủng rescue in Nhân Dân, and the URL it was published at. */
const NHANDAN = 'story:nhandan-pai-lung-2023';
const nhandanUrl = String(seedRecords('stories.json').find((r) => r.id === NHANDAN)?.url);

/** The ids of the related stories the API answers for an entity: what the widget must show, in order. */
async function relatedIds(entity: string, limit: number): Promise<string[]> {
  const response = await fetch(`${api.url}/widget/related-stories?entity=${encodeURIComponent(entity)}&limit=${limit}`);
  const body = (await response.json()) as { stories: { id: string }[] };
  return body.stories.map((s) => s.id);
}

/** What the widget shows: its state, why it is empty, its heading, its stories, their dates and its empty line. */
function shown(page: Page, selector = 'related-stories') {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel) as HTMLElement;
    const root = host.shadowRoot!;
    return {
      state: host.dataset.state,
      empty: host.dataset.empty,
      lang: root.querySelector('[part="container"]')?.getAttribute('lang') ?? null,
      heading: root.querySelector('[part="heading"]')?.textContent ?? null,
      ids: Array.from(root.querySelectorAll('li')).map((li) => li.dataset.story),
      times: Array.from(root.querySelectorAll('time')).map((t) => ({
        datetime: t.getAttribute('datetime')!,
        text: t.textContent,
      })),
      quiet: root.querySelector('[part="empty"]')?.textContent ?? null,
    };
  }, selector);
}

/** A day (YYYY-MM-DD), month (YYYY-MM) or year as Intl writes it for the locale: what the widget must print. */
function intlWhen(datetime: string, locale: string): string {
  const [y, m, d] = datetime.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'long', year: 'numeric' }
    : m
      ? { month: 'long', year: 'numeric' }
      : { year: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

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
    // The demo page is in Vietnamese, and so is the widget.
    expect(await widget.locator('p.quiet').textContent()).toBe('Chưa có tin bài liên quan.');
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

describe('<related-stories> speaks the reader’s language and is accessible', () => {
  const entity = 'event:pai-lung-sinkhole-rescue-2023';

  it('renders Vietnamese by default, dates by Intl for vi-VN (a month-only period as a month), and passes axe-core', async () => {
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ body: `<related-stories entity="${entity}" limit="10"></related-stories>` }),
    );
    await widgetState(page, 'loaded');
    const widget = await shown(page);
    expect(widget.lang).toBe('vi');
    expect(widget.heading).toBe('Tin bài liên quan');
    expect(widget.ids).toEqual(await relatedIds(entity, 10));
    expect(widget.times.length).toBeGreaterThan(0);
    for (const time of widget.times) expect(time.text).toBe(intlWhen(time.datetime, 'vi-VN'));
    // A story known only by its month shows the month, not an invented day.
    const monthOnly = widget.times.filter((t) => /^\d{4}-\d{2}$/.test(t.datetime));
    for (const time of monthOnly) expect(time.text).toMatch(/^tháng \d+ năm \d{4}$/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'widget-vi');
    await context.close();
  });

  it('renders English with lang="en" on the element, and with the page’s <html lang="en">', async () => {
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ body: `<related-stories lang="en" entity="${entity}" limit="10"></related-stories>` }),
    );
    await widgetState(page, 'loaded');
    const widget = await shown(page);
    expect(widget.lang).toBe('en');
    expect(widget.heading).toBe('Related stories');
    for (const time of widget.times) expect(time.text).toBe(intlWhen(time.datetime, 'en-GB'));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'widget-en');
    await context.close();

    const english = await openHostPage(
      browser,
      api,
      hostPage({ lang: 'en', body: `<related-stories entity="${entity}" limit="3"></related-stories>` }),
    );
    await widgetState(english.page, 'loaded');
    expect((await shown(english.page)).heading).toBe('Related stories');
    await english.context.close();
  });

  it('is a heading over a list of real links, each with a visible focus ring', async () => {
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ body: `<related-stories entity="${entity}" limit="3"></related-stories>` }),
    );
    await widgetState(page, 'loaded');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const host = document.querySelector('related-stories')!;
      const link = host.shadowRoot!.activeElement as HTMLAnchorElement | null;
      const style = link ? getComputedStyle(link) : null;
      return {
        tag: link?.tagName,
        href: link?.getAttribute('href'),
        part: link?.getAttribute('part'),
        inList: link?.closest('ol li') !== null,
        outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : null,
        listLabel: host.shadowRoot!.querySelector('ol')?.getAttribute('aria-labelledby'),
      };
    });
    expect(focused).toMatchObject({ tag: 'A', part: 'link', inList: true, outline: 'solid 3px', listLabel: 'heading' });
    expect(focused.href).toMatch(/^https?:\/\//);
    await context.close();
  });

  it('takes the host page’s theme through custom properties and ::part', async () => {
    const theme = `<style>
      related-stories { --related-stories-accent: #7a1f1f; --related-stories-font: Georgia, serif; }
      related-stories::part(heading) { text-transform: uppercase; letter-spacing: 0.05em; }
      related-stories::part(item) { border-top-color: #7a1f1f; }
    </style>`;
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ head: theme, body: `<related-stories entity="${entity}" limit="3"></related-stories>` }),
    );
    await widgetState(page, 'loaded');
    const styles = await page.evaluate(() => {
      const root = document.querySelector('related-stories')!.shadowRoot!;
      return {
        link: getComputedStyle(root.querySelector('[part="link"]')!).color,
        heading: getComputedStyle(root.querySelector('[part="heading"]')!).textTransform,
        item: getComputedStyle(root.querySelector('[part="item"]')!).borderTopColor,
      };
    });
    expect(styles).toEqual({ link: 'rgb(122, 31, 31)', heading: 'uppercase', item: 'rgb(122, 31, 31)' });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('<related-stories> keyed by the page’s URL', () => {
  it('finds the story ingested from its url attribute, normalised as ingestion does (host case, fragment)', async () => {
    const written = nhandanUrl.replace('https://nhandan.vn/', 'https://NHANDAN.vn/') + '#binh-luan';
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ body: `<related-stories url="${written}"></related-stories>` }),
    );
    await widgetState(page, 'loaded');
    const ids = await relatedIds(NHANDAN, 5);
    expect(ids.length).toBeGreaterThan(0);
    expect((await shown(page)).ids).toEqual(ids);
    await context.close();
  });

  it('uses the page’s <link rel="canonical"> when given neither entity nor url', async () => {
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ head: `<link rel="canonical" href="${nhandanUrl}">`, body: '<related-stories></related-stories>' }),
    );
    await widgetState(page, 'loaded');
    expect((await shown(page)).ids).toEqual(await relatedIds(NHANDAN, 5));
    await context.close();
  });

  it('shows the quiet empty state for a URL no story was ingested from: no heading, no list', async () => {
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ body: '<related-stories url="https://test.invalid/khong-co-bai-nay"></related-stories>' }),
    );
    await widgetState(page, 'empty');
    expect(await shown(page)).toMatchObject({ empty: 'unknown', heading: null, ids: [], quiet: 'Chưa có tin bài liên quan.' });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('<related-stories> never blocks nor breaks the page', () => {
  const entity = 'event:pai-lung-sinkhole-rescue-2023';

  it('sends no request before it scrolls into view', async () => {
    const { context, page, reads } = await openHostPage(
      browser,
      api,
      hostPage({ body: `<div style="height: 3000px"></div><related-stories entity="${entity}"></related-stories>` }),
    );
    await page.waitForLoadState('networkidle');
    expect(reads).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('related-stories')?.getAttribute('data-state'))).toBe('idle');
    await page.locator('related-stories').scrollIntoViewIfNeeded();
    await widgetState(page, 'loaded');
    expect(reads).toHaveLength(1);
    await context.close();
  });

  it.each([
    ['slow (past its timeout)', 'timeout'],
    ['failing', 'error'],
  ])('leaves the quiet empty state when the API is %s', async (_what, reason) => {
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ body: `<related-stories entity="${entity}" timeout="300"></related-stories>` }),
    );
    // The network fault is injected in the browser; the widget and the server are the real ones.
    await page.route(`${api.url}/widget/related-stories?*`, (route) =>
      reason === 'error' ? route.abort('failed') : new Promise<void>(() => undefined),
    );
    await page.reload();
    await widgetState(page, 'empty');
    expect(await shown(page)).toMatchObject({ empty: reason, heading: null, ids: [], quiet: 'Chưa có tin bài liên quan.' });
    await context.close();
  });
});

describe('<related-stories> counts what readers see and follow, anonymously', () => {
  it('records an impression of each story at least half visible for one second, readable by an editor', async () => {
    const entity = 'person:nguyen-manh-tuong';
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({
        body: `<div style="height: 3000px"></div><related-stories entity="${entity}" limit="3"></related-stories><div style="height: 1500px"></div>`,
      }),
    );
    await page.locator('related-stories').scrollIntoViewIfNeeded();
    await widgetState(page, 'loaded');
    // The reader scrolls on to the list, which the read has just filled.
    await page.locator('related-stories ol').scrollIntoViewIfNeeded();
    const ids = (await shown(page)).ids;
    expect(ids.length).toBeGreaterThan(0);
    const rows = await statsWhen(
      api,
      editor,
      entity,
      (r) => r.some((row) => row.position === 1 && row.impressions > 0),
      'the first story’s impression',
    );
    expect(rows.find((row) => row.position === 1)).toMatchObject({ storyId: ids[0], impressions: 1, clicks: 0, ctr: 0 });
    await context.close();
  });

  it('counts a click by its position, with the impressions to give a click-through rate', async () => {
    const entity = 'event:meo-vac-flood-rescue-2024';
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ body: `<related-stories entity="${entity}" limit="3"></related-stories>` }),
    );
    await widgetState(page, 'loaded');
    const link = page.locator('related-stories li:has(a)').nth(1);
    const storyId = await link.getAttribute('data-story');
    const position = Number(await link.getAttribute('data-position'));
    await link.locator('a').click();
    const rows = await statsWhen(
      api,
      editor,
      entity,
      (r) => r.some((row) => row.position === position && row.clicks > 0 && row.impressions > 0),
      'the click and the impression at position 2',
    );
    expect(rows.find((row) => row.position === position)).toMatchObject({ storyId, clicks: 1, impressions: 1, ctr: 1 });
    await context.close();
  });

  it('sends no cookie and nothing about the reader: only the source, story, position and kind', async () => {
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ body: '<related-stories entity="event:lung-phin-cave-recovery-2020" limit="2"></related-stories>' }),
    );
    await context.addCookies([{ name: 'reader', value: 'someone', url: api.url }]);
    const sent = page.waitForRequest((request) => new URL(request.url()).pathname === '/widget/events', { timeout: 30_000 });
    await widgetState(page, 'loaded');
    const request = await sent;
    expect(await request.allHeaders()).not.toHaveProperty('cookie');
    const body = JSON.parse(request.postData() ?? '') as { source: string; events: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual(['events', 'source']);
    for (const event of body.events) expect(Object.keys(event).sort()).toEqual(['kind', 'position', 'storyId']);
    await context.close();
  });

  it('counts nothing when the browser asks not to be tracked (Global Privacy Control)', async () => {
    const { context, page } = await openHostPage(
      browser,
      api,
      hostPage({ body: '<related-stories entity="event:van-chai-cave-recovery-2019" limit="3"></related-stories>' }),
    );
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    const posted: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/widget/events') posted.push(request.url());
    });
    await page.reload();
    await widgetState(page, 'loaded');
    await page.locator('related-stories li:has(a) a').first().click();
    // Nothing watched, nothing queued, nothing sent: the refusal is checked before anything is counted.
    const internals = await page.evaluate(() => {
      const host = document.querySelector('related-stories') as unknown as { itemObserver?: unknown; queue: unknown[] };
      return { watching: host.itemObserver !== undefined, queued: host.queue.length };
    });
    expect(internals).toEqual({ watching: false, queued: 0 });
    expect(posted).toEqual([]);
    await context.close();
  });
});

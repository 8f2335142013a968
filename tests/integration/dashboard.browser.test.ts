import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { buildDashboardCube } from '../../src/jobs/dashboardCube/buildDashboardCube';
import { launchBrowser } from '../support/browser';
import { addPostMergerFixture, removePostMergerFixture } from '../support/postMergerFixture';
import { startTestApi, type TestApi } from '../support/startTestApi';

/** The field dashboard in a real headless Chromium. One browser for the file. */
let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  // Test data after the 2025 merger (the seeds have none), and the cube rebuilt as an import would.
  await addPostMergerFixture(api.graph);
  await buildDashboardCube(api.graph);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await removePostMergerFixture(api.graph);
  await buildDashboardCube(api.graph);
  await api?.close();
});

async function open(query: Record<string, string>): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(`${api.url}/dashboard?${new URLSearchParams(query)}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
  return page;
}

describe('/dashboard', () => {
  const rescue = { field: 'field:rescue', from: '2018-01-01', to: '2024-12-31' };

  it("shows fieldDashboard's figures, and its summary CSV export holds the same", async () => {
    const { body } = await api.graphql(
      `query($field: ID!, $from: Date!, $to: Date!) { fieldDashboard(field: $field, from: $from, to: $to) {
         current { exemplars { count } awards { count } events { count } stories { count } } } }`,
      rescue,
    );
    const expected = body.data!.fieldDashboard.current;
    expect(expected.exemplars.count).toBeGreaterThan(0);
    const page = await open(rescue);
    for (const figure of ['exemplars', 'awards', 'events', 'stories']) {
      expect(await page.getAttribute(`[data-panel="${figure}"]`, 'data-count')).toBe(String(expected[figure].count));
    }
    for (const panel of ['awardsByForm', 'awardsByLevel', 'storiesPerMonth', 'topPlaces', 'topAgencies']) {
      expect(await page.getAttribute(`[data-panel="${panel}"]`, 'data-rendered')).toBe('true');
      expect(await page.locator(`[data-panel="${panel}"] canvas`).count()).toBeGreaterThan(0);
    }
    // The export the page links to, as a script would fetch it.
    const href = await page.getAttribute('[data-tools="summary"] a[data-made="csv"]', 'href');
    const csv = await (await fetch(`${api.url}${href}`)).text();
    const lines: string[][] = parseCsv(csv, { relax_column_count: true });
    const rows = new Map(lines.map((l) => [l[0], l[1]]));
    expect(rows.get('Gương điển hình')).toBe(String(expected.exemplars.count));
    expect(rows.get('Khen thưởng')).toBe(String(expected.awards.count));
    expect(rows.get('Sự kiện')).toBe(String(expected.events.count));
    expect(rows.get('Tin bài')).toBe(String(expected.stories.count));
    // Each chart's table lists the same figures as its export.
    const formCsv: string[][] = parseCsv(
      await (
        await fetch(`${api.url}${await page.getAttribute('[data-tools="awards-by-form"] a[data-made="csv"]', 'href')}`)
      ).text(),
      { relax_column_count: true },
    );
    const tableCounts = await page.$$eval('[data-table="awardsByForm"] td[data-count]', (cells) =>
      cells.map((c) => c.getAttribute('data-count')),
    );
    const header = formCsv.findIndex((l) => l[0] === 'Hình thức');
    expect(formCsv.slice(header + 1).map((l) => l[1])).toEqual(tableCounts);
    await page.context().close();
  });

  it('keeps its filters in the URL, so a reload shows the same dashboard', async () => {
    const page = await open(rescue);
    await page.selectOption('#field', 'field:public-security');
    await page.fill('#from', '2020-01-01');
    await Promise.all([
      page.waitForFunction(() => document.body.dataset.field === 'field:public-security'),
      page.click('button[type="submit"]'),
    ]);
    expect(new URL(page.url()).searchParams.get('field')).toBe('field:public-security');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2020-01-01');
    await page.reload();
    await page.waitForSelector('body[data-field="field:public-security"]', { state: 'attached', timeout: 60_000 });
    expect(await page.inputValue('#field')).toBe('field:public-security');
    expect(await page.inputValue('#from')).toBe('2020-01-01');
    await page.context().close();
  });

  it('colours Hà Giang on the 63 provinces for 2023, and Tuyên Quang on the 34 for 2026', async () => {
    const page2023 = await open({ field: 'field:rescue', from: '2023-01-01', to: '2023-12-31' });
    expect(await page2023.getAttribute('[data-panel="map"]', 'data-map')).toBe('PROVINCES_63');
    expect((await page2023.getAttribute('[data-panel="map"]', 'data-coloured'))?.split('|')).toContain('Hà Giang');
    expect(await page2023.locator('[data-panel="map"] canvas').count()).toBeGreaterThan(0);
    await page2023.context().close();

    const page2026 = await open({ field: 'field:rescue', from: '2026-01-01', to: '2026-12-31' });
    expect(await page2026.getAttribute('[data-panel="map"]', 'data-map')).toBe('PROVINCES_34');
    const coloured = (await page2026.getAttribute('[data-panel="map"]', 'data-coloured'))?.split('|');
    expect(coloured).toEqual(['Tuyên Quang']);
    await page2026.context().close();
  });

  it('says "no data for this period" instead of drawing empty axes', async () => {
    const page = await open({ field: 'field:rescue', from: '1990-01-01', to: '1990-12-31' });
    for (const panel of ['awardsByForm', 'awardsByLevel', 'storiesPerMonth', 'topPlaces', 'topAgencies', 'map']) {
      expect(await page.isVisible(`[data-empty="${panel}"]`)).toBe(true);
      expect(await page.textContent(`[data-empty="${panel}"]`)).toBe('Không có dữ liệu cho giai đoạn này');
      expect(await page.locator(`[data-panel="${panel}"] canvas`).count()).toBe(0);
    }
    await page.context().close();
  });
});

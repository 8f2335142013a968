import type { Browser } from 'playwright-core';
import { buildDashboardCube } from '../../src/jobs/dashboardCube/buildDashboardCube';
import { pageStringTable } from '../../src/web/pageStrings';
import { launchBrowser } from '../support/browser';
import { axeViolations, readableText, recordData, screenshot, strayWords } from '../support/pageChecks';
import { startTestApi, type TestApi } from '../support/startTestApi';

/**
 * Every page, in both languages, in a real headless Chromium: Vietnamese by default and English by
 * choice, no word on the page that is neither the language's string table nor data from the
 * graph (so no hard-coded string, and no string of the other language), no axe-core violation,
 * and a screenshot of each in the test output.
 */
let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  await buildDashboardCube(api.graph);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const PAGES = [
  { page: 'explore', path: '/explore', ready: 'body[data-ready="true"]' },
  { page: 'dashboard', path: '/dashboard?field=field:rescue&from=2018-01-01&to=2024-12-31', ready: 'body[data-ready="true"]' },
  { page: 'demo', path: '/demo', ready: 'body[data-ready="true"]' },
] as const;

describe.each(PAGES)('$path in a real headless Chromium', ({ page: name, path, ready }) => {
  it.each(['vi', 'en'] as const)('speaks %s only, passes axe-core and is photographed', async (lang) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const data = recordData(page);
    // Vietnamese is the default: no ?lang for it, so the test proves the default too.
    await page.goto(`${api.url}${path}${lang === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''}`);
    await page.waitForSelector(ready, { state: 'attached', timeout: 60_000 });
    // Let answers still in flight (views, undated facts) land before reading the page.
    await page.waitForLoadState('networkidle');

    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    const table = pageStringTable(name)[lang];
    expect(await page.textContent('h1')).toBe(table['page.heading']);
    expect(strayWords(await readableText(page), name, lang, data)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${name}-${lang}`);
    await context.close();
  });
});

describe('the language switch', () => {
  it('is visible on every page and remembers the choice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${api.url}/demo`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
    await Promise.all([page.waitForURL(/lang=en/), page.click('#lang')]);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The choice is remembered for the other pages.
    await page.goto(`${api.url}/explore`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.isVisible('#lang')).toBe(true);
    expect(await page.textContent('#lang')).toBe(pageStringTable('explore').en['lang.switch']);
    await context.close();
  });
});

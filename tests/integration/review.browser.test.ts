import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { evalArticle, removeIngested, TEST_URL } from '../support/ingestedFixture';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';

const AXE = path.resolve(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

let api: TestApi;
let browser: Browser;
let page: Page;

interface PageProposal {
  id: string;
  kind: string;
  status: string;
  entity: { id: string } | null;
}
const proposalsOnPage = (p: Page) =>
  p.evaluate(() => (window as unknown as { review: { state: { proposals: PageProposal[]; current: number } } }).review.state);

/** Presses j or k until the page's current proposal is the one asked for. */
async function moveTo(p: Page, id: string): Promise<void> {
  const { proposals, current } = await proposalsOnPage(p);
  const target = proposals.findIndex((x) => x.id === id);
  expect(target).toBeGreaterThanOrEqual(0);
  const key = target > current ? 'j' : 'k';
  for (let i = 0; i < Math.abs(target - current); i += 1) await p.keyboard.press(key);
  await p.waitForFunction((wanted) => document.body.dataset.current === wanted, id);
}

async function axeViolations(p: Page): Promise<Array<{ id: string; nodes: number }>> {
  await p.addScriptTag({ path: AXE });
  return p.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }
    ).axe.run();
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.length }));
  });
}

beforeAll(async () => {
  api = await startTestApi();
  await removeIngested(api.graph);
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await removeIngested(api.graph);
  await api?.close();
});

describe('/review in a real headless Chromium', () => {
  it('signs in with a pasted token, ingests an article, accepts one proposal and rejects one with the keyboard', async () => {
    const article = evalArticle('a02');
    await page.goto(`${api.url}/review`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.textContent('h1')).toBe('Duyệt đề xuất từ bài báo');
    await page.fill('#token', await signToken(['editor']));
    await page.click('#signin-form button[type="submit"]');
    await page.waitForSelector('#workspace:not([hidden])');

    await page.click('#ingest summary');
    await page.fill('#ingest-url', `${TEST_URL}browser/pai-lung`);
    await page.fill('#ingest-title', article.title ?? '');
    await page.fill('#ingest-publisher', 'Báo Thử Trình Duyệt');
    await page.fill('#ingest-date', article.labels.publishedAt);
    await page.fill('#ingest-text', `${article.text}\nBản dùng cho kiểm thử trình duyệt.`);
    await page.click('#ingest-form button[type="submit"]');
    await page.waitForFunction(() => (document.body.dataset.story ?? '').startsWith('story:'), undefined, { timeout: 60_000 });
    const storyId = String(await page.evaluate(() => document.body.dataset.story));
    // Mentions are highlighted in the article text, from the selectors.
    expect(await page.locator('#article-text mark').count()).toBeGreaterThan(10);
    expect(await page.locator('#article-text mark', { hasText: 'Thò Mí Ly' }).count()).toBeGreaterThan(0);

    const { proposals } = await proposalsOnPage(page);
    const accepted = proposals.find((p) => p.kind === 'LINK' && p.entity?.id === 'place:xa-pai-lung') as PageProposal;
    const rejected = proposals.find((p) => p.kind === 'LINK' && p.entity?.id === 'place:ha-noi') as PageProposal;

    await moveTo(page, accepted.id);
    // Focus is visible on the current proposal.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('true');
    await page.keyboard.press('a');
    await page.waitForSelector(`.proposal[data-id="${accepted.id}"][data-status="ACCEPTED"]`);

    await moveTo(page, rejected.id);
    await page.keyboard.press('r');
    await page.waitForSelector('#reject-dialog[open]');
    await page.keyboard.type('chỉ nhắc nơi gia đình nạn nhân ở');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.proposal[data-id="${rejected.id}"][data-status="REJECTED"]`);

    const [graph] = await api.graph.read(
      `MATCH (r:Proposal {id: $rejected}), (a:Proposal {id: $accepted})
       RETURN EXISTS { MATCH (:Story {id: $storyId})-[f:FEATURES]->(:Place {id: 'place:xa-pai-lung'}) WHERE f.sources = [$storyId] } AS featured,
              EXISTS { MATCH (:Story {id: $storyId})-[:FEATURES]->(:Place {id: 'place:ha-noi'}) } AS rejectedWritten,
              r.rejectReason AS reason, a.decidedBy AS decidedBy`,
      { storyId, rejected: rejected.id, accepted: accepted.id },
    );
    expect(graph).toEqual({
      featured: true,
      rejectedWritten: false,
      reason: 'chỉ nhắc nơi gia đình nạn nhân ở',
      decidedBy: 'test-editor',
    });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps the token for the tab, and speaks English by choice', async () => {
    await page.goto(`${api.url}/review?lang=en`);
    await page.waitForSelector('#workspace:not([hidden])');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('Review proposals from articles');
    expect(await page.textContent('#stories-heading')).toBe('Articles awaiting review');
    expect(await axeViolations(page)).toEqual([]);
  });
});

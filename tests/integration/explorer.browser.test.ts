import { XMLParser } from 'fast-xml-parser';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { seedRecords, seedRelationships } from '../support/seedFacts';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';

/** The explorer in a real headless Chromium, against the seeded graph. One browser for the file. */
const FLOOD_2024 = 'event:meo-vac-flood-rescue-2024';
let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  await api.graph.write("MATCH (v:SavedView) WHERE v.name STARTS WITH 'test:' DELETE v");
  browser = await launchBrowser();
});
afterAll(async () => {
  await api.graph.write("MATCH (v:SavedView) WHERE v.name STARTS WITH 'test:' DELETE v");
  await browser?.close();
  await api?.close();
});

async function open(path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })).newPage();
  await page.goto(`${api.url}${path}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
  return page;
}

const all = (page: Page) =>
  page.evaluate(
    () =>
      (window as any).explorer.cy
        .nodes()
        .map((n: any) => n.id())
        .sort() as string[],
  );
const shown = (page: Page) => page.evaluate(() => (document.body.dataset.shown ?? '').split(' ').filter(Boolean));
const positions = (page: Page) =>
  page.evaluate(
    () =>
      Object.fromEntries((window as any).explorer.cy.nodes().map((n: any) => [n.id(), n.position()])) as Record<
        string,
        { x: number; y: number }
      >,
  );

async function slideTo(page: Page, input: 'from-year' | 'to-year', year: number) {
  await page.$eval(
    `#${input}`,
    (el, value) => {
      (el as HTMLInputElement).value = String(value);
      el.dispatchEvent(new Event('input'));
    },
    year,
  );
}

describe('/explore', () => {
  it('opens on the most central exemplars of the graph', async () => {
    const { body } = await api.graphql(`{ centralExemplars(limit: 8) { exemplars { id } } }`);
    const central = body.data!.centralExemplars.exemplars.map((x: { id: string }) => x.id);
    const page = await open('/explore');
    expect(await all(page)).toEqual(expect.arrayContaining(central));
    await page.context().close();
  });

  it('hides a 2024 event when the time slider moves to 2020, and switches the place hierarchy past the 2025 merger', async () => {
    const page = await open(`/explore?focus=${FLOOD_2024}`);
    const commune = seedRelationships().find(
      (r) => r.type === 'OCCURRED_IN' && r.from === FLOOD_2024 && r.to.startsWith('place:xa-'),
    )!.to;
    expect(seedRecords('places.json').find((p) => p.id === commune)?.validTo).toBe('2025-06-30');
    expect(await shown(page)).toEqual(expect.arrayContaining([FLOOD_2024, commune]));

    await slideTo(page, 'to-year', 2020);
    expect(await shown(page)).not.toContain(FLOOD_2024);
    expect(await all(page)).toContain(FLOOD_2024);

    await slideTo(page, 'to-year', 2026);
    expect(await shown(page)).toContain(FLOOD_2024);
    // From 1 July 2025 the commune no longer exists: the slider shows the merged units.
    expect(await shown(page)).not.toContain(commune);
    expect(await page.textContent('#reading')).toBe('Đang hiển thị địa giới từ ngày 1/7/2025.');

    // Play starts from the first year and counts up.
    await slideTo(page, 'from-year', 2018);
    await page.click('#play');
    expect(await page.inputValue('#to-year')).toBe('2018');
    expect(await shown(page)).not.toContain(FLOOD_2024);
    await page.click('#play');
    await page.context().close();
  });

  it("restores a shared view's nodes, positions and settings from its URL", async () => {
    const page = await open(`/explore?focus=${FLOOD_2024}`);
    await page.selectOption('#measure', 'betweenness');
    await page.uncheck('#kinds input[value="STORY"]');
    await slideTo(page, 'to-year', 2024);
    const url = page.url();
    expect(url).toMatch(/#v=/);
    const [ids, where, visible] = [await all(page), await positions(page), await shown(page)];

    const again = await open(url.slice(api.url.length));
    expect(await all(again)).toEqual(ids);
    expect(await shown(again)).toEqual(visible);
    expect(await again.inputValue('#measure')).toBe('betweenness');
    expect(await again.isChecked('#kinds input[value="STORY"]')).toBe(false);
    const restored = await positions(again);
    for (const id of ids) {
      expect(Math.abs(restored[id]!.x - where[id]!.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(restored[id]!.y - where[id]!.y)).toBeLessThanOrEqual(1);
    }
    await page.context().close();
    await again.context().close();
  });

  it('exports the nodes shown, and only those, as GEXF 1.3 that parses', async () => {
    const page = await open(`/explore?focus=${FLOOD_2024}`);
    await page.uncheck('#kinds input[value="STORY"]');
    const visible = await shown(page);
    expect((await all(page)).some((id) => id.startsWith('story:'))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="gexf"]')]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['node', 'edge'].includes(n),
    }).parse(text);
    expect(doc.gexf.version).toBe('1.3');
    const ids = (doc.gexf.graph.nodes.node as { id: string }[]).map((n) => n.id).sort();
    expect(ids).toEqual([...visible].sort());
    expect(ids.some((id) => id.startsWith('story:'))).toBe(false);
    expect(doc.gexf.graph.nodes.node.find((n: { id: string }) => n.id === FLOOD_2024).start).toBe('2024-06-10');
    await page.context().close();
  });

  it('undoes and redoes an expansion', async () => {
    const page = await open(`/explore?focus=${FLOOD_2024}`);
    const before = await all(page);
    const person = before.find((id) => id.startsWith('person:'))!;
    await page.evaluate((id) => (window as any).explorer.cy.getElementById(id).emit('tap'), person);
    await page.waitForFunction((id) => (document.body.dataset.expanded ?? '').split(' ').includes(id), person, {
      timeout: 30_000,
    });
    const after = await all(page);
    expect(after.length).toBeGreaterThan(before.length);
    await page.click('#undo');
    expect(await all(page)).toEqual(before);
    await page.click('#redo');
    expect(await all(page)).toEqual(after);
    await page.context().close();
  });

  it('saves a named view for an editor, listed for everyone with the same nodes', async () => {
    const page = await open(`/explore?focus=${FLOOD_2024}`);
    const ids = await all(page);
    await page.fill('#view-name', 'test:browser-view');
    await page.fill('#view-token', await signToken(['editor']));
    await page.click('#save-view');
    await page.waitForSelector('#views button:has-text("test:browser-view")', { timeout: 30_000 });
    const { body } = await api.graphql(`{ views { id name } }`);
    const saved = body.data!.views.find((v: { name: string }) => v.name === 'test:browser-view');
    const reopened = await open(`/explore?view=${saved.id}`);
    expect(await all(reopened)).toEqual(ids);
    await page.context().close();
    await reopened.context().close();
  });
});

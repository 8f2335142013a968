import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Graph } from '../../src/neo4j/createGraph';
import { waitFor } from './waitFor';
import type { TestApi } from './startTestApi';

/** A host page for the widget, as a news site would write it: its own language, head and body. */
export function hostPage(options: { lang?: string; head?: string; body: string }): string {
  return `<!doctype html><html lang="${options.lang ?? 'vi'}"><head><meta charset="utf-8">
<title>Trang thử tiện ích</title>${options.head ?? ''}</head>
<body><main><h1>Bài viết</h1>${options.body}</main>
<script src="/widget/related-stories.js" async></script></body></html>`;
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every read of /widget/related-stories the page sent, in order. */
  readonly reads: string[];
}

/**
 * Opens a host page served at <api>/widget-test/page (the browser answers it, so the widget's
 * script and API come from the real server, same origin). Anything not on the API's origin is
 * refused: the stories' links point to news sites this machine cannot reach.
 */
export async function openHostPage(browser: Browser, api: TestApi, html: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  await context.route(
    (url) => url.origin !== api.url,
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const reads: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/widget/related-stories') reads.push(request.url());
  });
  await page.route(`${api.url}/widget-test/**`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(`${api.url}/widget-test/page`);
  return { context, page, reads };
}

/** Waits until the widget matching selector reaches a data-state (idle, loading, loaded, empty). */
export async function widgetState(page: Page, state: string, selector = 'related-stories'): Promise<void> {
  const wait = { selector, state };
  await page.waitForFunction(
    ({ selector: sel, state: wanted }) => document.querySelector<HTMLElement>(sel)?.dataset.state === wanted,
    wait,
    { timeout: 30_000 },
  );
}

export const WIDGET_STATS = `query ($entity: ID!, $from: Date!, $to: Date!) {
  widgetStats(entity: $entity, from: $from, to: $to) {
    entity from to impressions clicks ctr rows { storyId title position impressions clicks ctr }
  } }`;

export interface StatsRow {
  storyId: string;
  title: string | null;
  position: number;
  impressions: number;
  clicks: number;
  ctr: number | null;
}

/** Yesterday to tomorrow (UTC): a test running across midnight still reads its counts. */
export function aroundToday(): { from: string; to: string } {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: day(-1), to: day(1) };
}

/** Reads widgetStats as the given token until check accepts its rows (a deadline, no guessed sleep); returns them. */
export async function statsWhen(
  api: TestApi,
  token: string,
  entity: string,
  check: (rows: StatsRow[]) => boolean,
  what: string,
): Promise<StatsRow[]> {
  let rows: StatsRow[] = [];
  await waitFor(
    async () => {
      const { body } = await api.graphql(WIDGET_STATS, { entity, ...aroundToday() }, token);
      rows = (body.data?.widgetStats?.rows as StatsRow[] | undefined) ?? [];
      return check(rows);
    },
    { what, timeoutMs: 30_000 },
  );
  return rows;
}

/** Deletes every widget count (system nodes: the write triggers are told to skip the transaction). */
export async function removeWidgetCounts(graph: Graph): Promise<void> {
  await graph.write('MATCH (c:WidgetCount) DETACH DELETE c', {}, { actor: 'test', operation: 'test:reset', systemWrite: true });
}

/** How many widget counts are stored. */
export async function widgetCountNodes(graph: Graph): Promise<number> {
  const rows = await graph.read('MATCH (c:WidgetCount) RETURN count(c) AS n');
  return Number(rows[0]?.n ?? 0);
}

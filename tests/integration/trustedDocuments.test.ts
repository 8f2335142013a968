import type { Browser } from 'playwright-core';
import { documentIdOf, loadTrustedDocuments } from '../../src/server/trustedDocuments';
import { launchBrowser } from '../support/browser';
import { evalArticle, removeIngested, TEST_URL } from '../support/ingestedFixture';
import { signToken, startTestApi, type TestApi } from '../support/startTestApi';

/**
 * TRUSTED_DOCUMENTS=only: only the registered operations (src/generated/trusted-documents.json,
 * generated from what the pages send) run, named by `documentId: "sha256:<hex>"` as the
 * GraphQL-over-HTTP persisted-documents appendix has it, by GET (a cacheable URL) or POST; and
 * the pages, through their GraphQL helper, send ids by GET when the server says so.
 */
const documents = loadTrustedDocuments();
const fieldsAndPlaces = [...documents].find(([, text]) => text.startsWith('{ fields(limit: 100'));
const SEARCH = [...documents].find(([, text]) => text.startsWith('query S($q: String!)'));

let only: TestApi;
let open: TestApi;
let browser: Browser;

beforeAll(async () => {
  only = await startTestApi({ env: { TRUSTED_DOCUMENTS: 'only' } });
  open = await startTestApi();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await only?.close();
  await open?.close();
});

async function get(api: TestApi, params: Record<string, string>) {
  const response = await fetch(`${api.url}/graphql?${new URLSearchParams(params)}`, {
    headers: { 'apollo-require-preflight': 'true' },
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, unknown[]>; errors?: { extensions?: { code?: string } }[] },
  };
}
async function post(api: TestApi, body: unknown) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, unknown[]>; errors?: { extensions?: { code?: string } }[] },
  };
}

describe('the trusted documents manifest', () => {
  it('names every document by the SHA-256 of its text, and holds the pages’ operations', () => {
    expect(documents.size).toBeGreaterThanOrEqual(5);
    for (const [id, text] of documents) expect(documentIdOf(text)).toBe(id);
    expect(fieldsAndPlaces).toBeDefined();
    expect(SEARCH).toBeDefined();
  });
});

describe('TRUSTED_DOCUMENTS=only', () => {
  it('runs a registered document by GET, with its variables', async () => {
    const [id] = SEARCH!;
    const answer = await get(only, { documentId: id, variables: JSON.stringify({ q: 'Pai Lung' }) });
    expect(answer.status).toBe(200);
    expect(answer.body.data?.search).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'place:xa-pai-lung' })]));
  });

  it('runs a registered document by POST', async () => {
    const answer = await post(only, { documentId: fieldsAndPlaces![0] });
    expect(answer.status).toBe(200);
    expect(answer.body.data?.fields?.length).toBeGreaterThan(0);
  });

  it('refuses any other document, an unknown id, and automatic persisted queries', async () => {
    const own = await post(only, { query: '{ fields(limit: 1) { id } }' });
    expect({ status: own.status, code: own.body.errors?.[0]?.extensions?.code }).toEqual({
      status: 400,
      code: 'TRUSTED_DOCUMENT_REQUIRED',
    });
    const unknown = await get(only, { documentId: documentIdOf('{ fields(limit: 1) { id } }') });
    expect({ status: unknown.status, code: unknown.body.errors?.[0]?.extensions?.code }).toEqual({
      status: 400,
      code: 'PERSISTED_QUERY_NOT_FOUND',
    });
    const apq = await post(only, { extensions: { persistedQuery: { version: 1, sha256Hash: fieldsAndPlaces![0].slice(7) } } });
    expect(apq.status).toBe(400);
    const both = await post(only, { documentId: fieldsAndPlaces![0], query: '{ __typename }' });
    expect(both.status).toBe(400);
  });

  it('tells the pages so, with the id of each registered text', async () => {
    const response = await fetch(`${only.url}/graphql-documents.json`);
    expect(response.headers.get('cache-control')).toContain('max-age');
    const settings = (await response.json()) as { mode: string; ids: Record<string, string> };
    expect(settings.mode).toBe('only');
    expect(settings.ids[fieldsAndPlaces![1]]).toBe(fieldsAndPlaces![0]);
  });

  /** Opens a page on the only-mode server and records what it sends to /graphql. */
  async function openRecording(path: string) {
    const page = await browser.newPage();
    const sent: { method: string; url: string; body: Record<string, unknown> | null; status?: number }[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname !== '/graphql') return;
      sent.push({ method: request.method(), url: request.url(), body: request.postDataJSON() as Record<string, unknown> | null });
    });
    page.on('response', (response) => {
      const request = sent.find((r) => r.url === response.url() && r.status === undefined);
      if (request) request.status = response.status();
    });
    await page.goto(`${only.url}${path}`);
    return { page, sent };
  }

  /** Every request named a registered document and none was refused: a query by GET, a mutation by POST. */
  function expectOnlyRegistered(sent: { method: string; url: string; body: Record<string, unknown> | null; status?: number }[]) {
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) {
      const id = request.method === 'GET' ? new URL(request.url).searchParams.get('documentId') : request.body?.documentId;
      expect({ id, query: request.body?.query }).toEqual({
        id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        query: undefined,
      });
      expect(documents.has(id as string)).toBe(true);
      expect(request.method).toBe(documents.get(id as string)!.startsWith('mutation') ? 'POST' : 'GET');
      if (request.status !== undefined) expect(request.status).toBe(200);
    }
  }

  it('serves /explore whole, its start and its search, by registered ids', async () => {
    const { page, sent } = await openRecording('/explore');
    // Everything the page asks while it starts (filters, views, central exemplars, the network and its scores).
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
    await page.fill('#search', 'Pai Lung');
    await page.waitForSelector('#results button[data-id="place:xa-pai-lung"]', { timeout: 30_000 });
    expect(sent.some((r) => r.url.includes(encodeURIComponent(SEARCH![0])))).toBe(true);
    expectOnlyRegistered(sent);
    await page.close();
  });

  it('serves /dashboard by registered ids', async () => {
    const { page, sent } = await openRecording('/dashboard?field=field:rescue&from=2023-01-01&to=2023-12-31');
    await page.waitForSelector('body[data-field="field:rescue"]', { state: 'attached', timeout: 60_000 });
    expect(await page.textContent('#status')).not.toMatch(/Không tải được/);
    expectOnlyRegistered(sent);
    await page.close();
  });

  it('serves /review: the editor signs in and ingests an article, the mutation by POST with its id', async () => {
    await removeIngested(only.graph);
    try {
      const article = evalArticle('a02');
      const { page, sent } = await openRecording('/review');
      await page.fill('#token', await signToken(['editor']));
      await page.click('#signin-form button[type="submit"]');
      await page.waitForSelector('#workspace:not([hidden])');
      await page.click('#ingest summary');
      await page.fill('#ingest-url', `${TEST_URL}trusted/pai-lung`);
      await page.fill('#ingest-title', article.title ?? '');
      await page.fill('#ingest-publisher', 'Báo Thử Tài Liệu');
      await page.fill('#ingest-date', article.labels.publishedAt);
      await page.fill('#ingest-text', article.text);
      await page.click('#ingest-form button[type="submit"]');
      await page.waitForFunction(() => (document.body.dataset.story ?? '').startsWith('story:'), undefined, { timeout: 60_000 });
      expect(await page.locator('.proposal').count()).toBeGreaterThan(0);
      expect(sent.some((r) => r.method === 'POST')).toBe(true);
      expectOnlyRegistered(sent);
      await page.close();
    } finally {
      await removeIngested(only.graph);
    }
  });
});

describe('TRUSTED_DOCUMENTS=off (the default)', () => {
  it('runs any document, and registered ids too', async () => {
    expect((await post(open, { query: '{ fields(limit: 1) { id } }' })).status).toBe(200);
    expect((await get(open, { documentId: fieldsAndPlaces![0] })).body.data?.fields?.length).toBeGreaterThan(0);
    expect(await (await fetch(`${open.url}/graphql-documents.json`)).json()).toEqual({ mode: 'off' });
  });
});

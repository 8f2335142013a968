import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pageStringTable, type Lang } from '../../src/web/pageStrings';

/** Checks the browser tests run on every page: accessibility (axe-core), the language of what a person reads, screenshots. */

const AXE = require.resolve('axe-core/axe.min.js');
/** Screenshots for the test output: git-ignored, printed by path. */
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page (WCAG 2.x A and AA and best practices) and returns its violations, each with the elements concerned. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<any> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n: any) => n.target.join(' ')),
    }));
  });
}

/** Given text, returns its words: runs of letters, lower-cased, in NFC (numbers, dates and punctuation are not words). */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Starts recording every string the page receives as data (JSON answers of the API, the map
 * files): names from the graph are data, not the page's words, and may be in any language.
 */
export function recordData(page: Page): Set<string> {
  const seen = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') for (const w of words(value)) seen.add(w);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!type.includes('json') && !response.url().endsWith('.geojson')) return;
    response
      .json()
      .then(collect)
      .catch(() => undefined);
  });
  return seen;
}

/**
 * Returns what a person reads on the page: the title, every text node outside scripts, styles and
 * code samples (hidden ones too: a panel shown later must speak the same language), and the
 * aria-label, title, placeholder and alt attributes. The widget's Shadow DOM is its own.
 */
export function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('script, style, code, pre')) continue;
      if (node.textContent?.trim()) out.push(node.textContent);
    }
    document.querySelectorAll('[aria-label], [title], [placeholder], [alt]').forEach((el) => {
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attribute);
        if (value) out.push(value);
      }
    });
    return out;
  });
}

/**
 * Given a page's readable text, its string table, the language and the data it received, returns
 * the words that come from neither the language's strings nor the data: a hard-coded string, or
 * a string of the other language, shows up here.
 */
export function strayWords(text: readonly string[], page: string, lang: Lang, data: ReadonlySet<string>): string[] {
  const allowed = new Set(Object.values(pageStringTable(page)[lang]).flatMap(words));
  return [...new Set(text.flatMap(words))].filter((w) => !allowed.has(w) && !data.has(w)).sort();
}

/** Saves a full-page screenshot under test-output/screenshots and prints its path; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`screenshot: ${file}\n`);
  return file;
}

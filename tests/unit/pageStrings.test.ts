import fs from 'node:fs';
import path from 'node:path';
import { pageStringTable, pageTranslator } from '../../src/web/pageStrings';
import { strayWords } from '../support/pageChecks';

/**
 * "No hard-coded English" made checkable before any browser runs: each page's HTML carries no text
 * or readable attribute of its own (everything comes from its string table through data-i18n),
 * its scripts ask only for keys the table has, and both languages have the same keys. The browser
 * test (pages.browser.test.ts) then checks every word the rendered page shows.
 */
const ASSETS = path.resolve(__dirname, '..', '..', 'src', 'web', 'assets');
const PAGES = [
  { page: 'explore', scripts: ['explore.js'] },
  { page: 'dashboard', scripts: ['dashboard.js'] },
  { page: 'demo', scripts: ['demo.js'] },
];

const read = (file: string) => fs.readFileSync(path.join(ASSETS, file), 'utf8');

describe.each(PAGES)('$page', ({ page, scripts }) => {
  const table = pageStringTable(page);
  const html = read(`${page}.html`);

  it('has the same keys in Vietnamese and English, none left empty', () => {
    expect(Object.keys(table.en).sort()).toEqual(Object.keys(table.vi).sort());
    for (const lang of ['vi', 'en'] as const) {
      expect(Object.entries(table[lang]).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('writes no text and no readable attribute into its HTML except through data-i18n', () => {
    const body = html
      .slice(html.indexOf('<body'))
      .replace(/<(script|style|pre)[\s\S]*?<\/\1>/g, '')
      .replace(/<!--[\s\S]*?-->/g, '');
    const texts = [...body.matchAll(/>([^<]+)</g)]
      .map((m) => m[1]!.trim())
      .filter((text) => text && text !== '…' && text !== '–');
    expect(texts).toEqual([]);
    const attributes = [...html.matchAll(/\s(aria-label|title|placeholder|alt)="[^"]*"/g)].map((m) => m[0]);
    expect(attributes).toEqual([]);
  });

  it('uses only keys its table has, in the HTML and in its scripts', () => {
    const keys = new Set(Object.keys(table.vi));
    const used = [...html.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)].map((m) => m[1]!);
    const prefixes: string[] = [];
    for (const script of scripts) {
      const source = read(script);
      used.push(...[...source.matchAll(/\bt\('([^']+)'/g)].map((m) => m[1]!));
      // A key built at run time (t(`kind.${kind}`)) needs its prefix in the table.
      prefixes.push(...[...source.matchAll(/\bt\(`([a-zA-Z.]+)\$\{/g)].map((m) => m[1]!));
      used.push(...[...source.matchAll(/data-heading="([^"]+)"/g)].map((m) => m[1]!));
    }
    used.push(...[...html.matchAll(/data-heading="([^"]+)"/g)].map((m) => m[1]!));
    expect(used.filter((key) => !keys.has(key))).toEqual([]);
    expect(prefixes.filter((prefix) => ![...keys].some((key) => key.startsWith(prefix)))).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('catch a hard-coded English string on a Vietnamese page, and allow data', () => {
    const data = new Set(['pải', 'lủng']);
    expect(strayWords(['Bảng số liệu theo lĩnh vực', 'Pải Lủng', 'Loading…'], 'dashboard', 'vi', data)).toEqual(['loading']);
    expect(strayWords(['Figures by field', 'Bảng số liệu'], 'dashboard', 'en', new Set())).toEqual(['bảng', 'liệu', 'số']);
  });

  it('translate on the server as the page does: the language, else Vietnamese, placeholders filled', () => {
    const t = pageTranslator('dashboard', 'en');
    expect(t('panel.summary')).toBe('Summary');
    expect(t('kpi.change', { change: '+3' })).toBe('+3 against the previous period');
    expect(pageTranslator('dashboard', 'vi')('col.count')).toBe('Số lượng');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/**
 * The pages' string tables (src/web/assets/<page>.strings.js), read on the server too, so a file
 * the server writes for a page (a dashboard export) speaks the page's words from the one table.
 * Each table is a plain script assigning `window.<Name>Strings = { vi: {...}, en: {...} }`; it is
 * run once in an empty context with only `window`, so it can do nothing else.
 */
export type Lang = 'vi' | 'en';
export type StringTable = Readonly<Record<Lang, Readonly<Record<string, string>>>>;

const ASSETS = path.join(__dirname, 'assets');
const tables = new Map<string, StringTable>();

/** Given a page name ("dashboard"), returns its string table, read once per process. */
export function pageStringTable(page: string): StringTable {
  let table = tables.get(page);
  if (!table) {
    const window: Record<string, unknown> = {};
    vm.runInNewContext(fs.readFileSync(path.join(ASSETS, `${page}.strings.js`), 'utf8'), { window });
    const found = Object.values(window)[0] as StringTable | undefined;
    if (!found?.vi || !found.en) throw new Error(`${page}.strings.js assigns no { vi, en } table to window`);
    table = found;
    tables.set(page, table);
  }
  return table;
}

/**
 * Given a page and a language, returns its translator as the page's I18n helper does it: the
 * language's string, else the Vietnamese one, else the key; {name} placeholders filled.
 */
export function pageTranslator(page: string, lang: Lang): (key: string, params?: Record<string, string | number>) => string {
  const table = pageStringTable(page);
  const numbers = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return (key, params) =>
    (table[lang][key] ?? table.vi[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
}

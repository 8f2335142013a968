import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const ASSETS = path.resolve(__dirname, '..', '..', 'src', 'web', 'assets');

/**
 * Given a page script (src/web/assets/<file>), the global it defines and the globals it needs,
 * runs it as the browser does (a classic script whose `self` is the global object) and returns
 * what it defined: the pages' pure modules are tested as they ship, with no build step between.
 */
export function loadBrowserModule<T>(file: string, name: string, globals: Record<string, unknown> = {}): T {
  const context: Record<string, unknown> = { ...globals };
  context.self = context;
  vm.runInNewContext(fs.readFileSync(path.join(ASSETS, file), 'utf8'), context, { filename: file });
  const defined = context[name];
  if (defined === undefined) throw new Error(`${file} defined no ${name}`);
  return defined as T;
}

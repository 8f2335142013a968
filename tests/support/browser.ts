import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { bundledChromium, type ChromiumLaunch } from './bundledChromium';

/** The system Chromium (Debian's package), used when present. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Keep the browser off the network: this machine reaches nothing but localhost and package registries. */
const OFFLINE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Which Chromium the browser tests drive: CHROMIUM_PATH when set (it must exist), else the
 * system's /usr/bin/chromium when installed, else the one shipped inside the npm package
 * @sparticuz/chromium (a devDependency), so nothing needs installing by hand.
 */
export function findChromium(): ChromiumLaunch & { readonly source: string } {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!fs.existsSync(explicit)) {
      throw new Error(
        `CHROMIUM_PATH names ${explicit}, which does not exist; unset it to use the system's or the bundled Chromium`,
      );
    }
    return { executablePath: explicit, args: [], source: 'CHROMIUM_PATH' };
  }
  if (fs.existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: [], source: 'system' };
  return { ...bundledChromium(), source: '@sparticuz/chromium' };
}

/** Launches a headless Chromium (see findChromium) that stays off the network. */
export async function launchBrowser(): Promise<Browser> {
  const found = findChromium();
  return chromium.launch({ executablePath: found.executablePath, headless: true, args: [...found.args, ...OFFLINE_FLAGS] });
}

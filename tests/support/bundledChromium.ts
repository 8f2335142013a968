import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The package that ships a headless Chromium (chrome-headless-shell) as brotli files in node_modules. */
const PACKAGE = '@sparticuz/chromium';

/**
 * Flags of the package's recommended list (made for AWS Lambda) left out here: those that weaken
 * what a page may do (cross-origin reads, mixed content), since the tests must see pages as a
 * reader's browser does; and --single-process (a Lambda sandbox workaround), which ends the whole
 * browser when its first page closes.
 */
const LEFT_OUT = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--single-process',
]);

/**
 * Run in a child Node: the package is an ES module (Jest's CommonJS runtime cannot load it) and
 * unpacks into os.tmpdir(), which the child gets pointed at a folder of our choosing.
 */
const UNPACK = `const { default: chromium } = await import(${JSON.stringify(PACKAGE)});
process.stdout.write(JSON.stringify({ executablePath: await chromium.executablePath(), args: chromium.args }));`;

export interface ChromiumLaunch {
  readonly executablePath: string;
  readonly args: readonly string[];
}

function packageVersion(): string {
  // The package's exports hide package.json; find it beside the resolved entry (build/index.js).
  const root = path.resolve(path.dirname(require.resolve(PACKAGE)), '..');
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

function unpack(tmpdir: string): ChromiumLaunch {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', UNPACK], {
    cwd: path.resolve(__dirname, '..', '..'),
    env: { ...process.env, TMPDIR: tmpdir },
    encoding: 'utf8',
  });
  return JSON.parse(out) as ChromiumLaunch;
}

/**
 * Unpacks the Chromium that the npm package ships (once per version, into
 * <tmp>/sparticuz-chromium-<version>/) and returns its path and the package's flags less those
 * in LEFT_OUT. Safe when two test runs ask at once: each unpacks into its own folder and renames
 * it into place; the loser deletes its copy and uses the winner's.
 */
export function bundledChromium(): ChromiumLaunch {
  const target = path.join(os.tmpdir(), `sparticuz-chromium-${packageVersion()}`);
  if (!fs.existsSync(path.join(target, 'chromium'))) {
    const staging = fs.mkdtempSync(`${target}.unpacking-`);
    try {
      unpack(staging);
      fs.renameSync(staging, target);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      // Another run renamed its copy into place first: use it.
      if (!fs.existsSync(path.join(target, 'chromium'))) throw error;
    }
  }
  // With the binary in place the package only reports its path and flags (nothing is unpacked).
  const launch = unpack(target);
  return { executablePath: launch.executablePath, args: launch.args.filter((flag) => !LEFT_OUT.has(flag)) };
}

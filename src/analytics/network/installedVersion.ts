import fs from 'node:fs';
import path from 'node:path';

/**
 * Given a package name, returns the version installed (read from its package.json, found by
 * walking up from its entry point, since graphology's `exports` do not expose package.json), so no
 * version is copied into the code by hand; 'unknown' when it cannot be read.
 */
export function installedVersion(name: string): string {
  try {
    for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (!fs.existsSync(file)) continue;
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === name && typeof manifest.version === 'string') return manifest.version;
    }
  } catch {
    // Not resolvable from here: say so rather than fail an answer over a label.
  }
  return 'unknown';
}

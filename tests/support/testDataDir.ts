import fs from 'node:fs';
import path from 'node:path';

/** Where test-owned databases keep their files (git-ignored), one fresh folder per database per run. */
const TEST_DATA_ROOT = path.resolve(__dirname, '..', '..', '.neo4j-test');

/**
 * Given a name, creates and returns a fresh, empty folder for a test-owned database, unique to
 * this run (name, process id and a random suffix), so neither a second run in this checkout nor
 * another checkout ever shares it. The owner deletes it with removeTestDataDir when done.
 */
export function createTestDataDir(name: string): string {
  fs.mkdirSync(TEST_DATA_ROOT, { recursive: true });
  return fs.mkdtempSync(path.join(TEST_DATA_ROOT, `${name}-${process.pid}-`));
}

/** Deletes a folder createTestDataDir made; refuses anything else. */
export function removeTestDataDir(dir: string): void {
  if (path.dirname(path.resolve(dir)) !== TEST_DATA_ROOT) {
    throw new Error(`refusing to delete ${dir}: not a test data folder under ${TEST_DATA_ROOT}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

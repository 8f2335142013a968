import fs from 'node:fs';
import path from 'node:path';
import {
  SEED_FILES,
  SEED_ORDER,
  SeedValidationError,
  validateDataset,
  type Dataset,
  type RawFile,
  type SeedProblem,
} from './validateDataset';

/**
 * Given a folder of seed files (seeds/README.md), reads and validates all of them and returns the
 * Dataset; throws SeedValidationError listing every unreadable, unparsable or invalid record.
 */
export function readSeedDirectory(directory: string): Dataset {
  const problems: SeedProblem[] = [];
  const files: RawFile[] = [];
  for (const label of SEED_ORDER) {
    const file = SEED_FILES[label];
    const full = path.join(directory, file);
    if (!fs.existsSync(full)) {
      problems.push({ file, path: '$', message: `missing file (expected ${full})` });
      continue;
    }
    try {
      files.push({ file, label, content: JSON.parse(fs.readFileSync(full, 'utf8')) as unknown });
    } catch (error) {
      problems.push({ file, path: '$', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  try {
    const dataset = validateDataset(files);
    if (problems.length > 0) throw new SeedValidationError(problems);
    return dataset;
  } catch (error) {
    if (error instanceof SeedValidationError) throw new SeedValidationError([...problems, ...error.problems]);
    throw error;
  }
}

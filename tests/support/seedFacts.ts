import fs from 'node:fs';
import path from 'node:path';

/** The seed files, read as plain JSON, so tests derive their expectations from the facts themselves. */
const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');

export interface SeedRelationship {
  type: string;
  from: string;
  to: string;
  role?: string;
  [key: string]: unknown;
}

export function seedRecords(file: string): Record<string, any>[] {
  return JSON.parse(fs.readFileSync(path.join(SEEDS, file), 'utf8')) as Record<string, any>[];
}

export function seedRelationships(): SeedRelationship[] {
  return JSON.parse(fs.readFileSync(path.join(SEEDS, 'relationships.json'), 'utf8')) as SeedRelationship[];
}

/** Ids reachable from `start` by following `type` edges forwards (including start). */
export function closure(start: string, type: string, direction: 'out' | 'in'): Set<string> {
  const rels = seedRelationships().filter((r) => r.type === type);
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const r of rels) {
      const [from, to] = direction === 'out' ? [r.from, r.to] : [r.to, r.from];
      if (from === current && !seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

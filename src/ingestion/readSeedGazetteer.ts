import fs from 'node:fs';
import path from 'node:path';
import type { Label } from '../domain/labels';
import { buildGazetteerEntries } from './buildGazetteerEntries';
import { createMemoryGazetteer } from './createMemoryGazetteer';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import type { GraphNodeRecord, GraphRelationshipRecord } from './graphRecords';

/** The seed files (seeds/README.md) and the label of each. */
const NODE_FILES: ReadonlyArray<readonly [string, Label]> = [
  ['places.json', 'Place'],
  ['agencies.json', 'Agency'],
  ['fields.json', 'Field'],
  ['people.json', 'Person'],
  ['collectives.json', 'Collective'],
  ['events.json', 'Event'],
  ['awards.json', 'Award'],
  ['movements.json', 'Movement'],
  ['stories.json', 'Story'],
];

function readArray(file: string): Array<Record<string, unknown>> {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array`);
  return parsed as Array<Record<string, unknown>>;
}

/**
 * Given a seed folder, returns its gazetteer entries. The files are read as plain JSON: the
 * importer (src/importer) validates them, this only needs names, a few properties and the
 * relationships.
 */
export function readSeedEntries(directory: string): GazetteerEntry[] {
  const nodes: GraphNodeRecord[] = [];
  for (const [file, label] of NODE_FILES) {
    const full = path.join(directory, file);
    if (!fs.existsSync(full)) continue;
    for (const record of readArray(full)) nodes.push({ ...record, label } as unknown as GraphNodeRecord);
  }
  const relationships = readArray(path.join(directory, 'relationships.json')) as unknown as GraphRelationshipRecord[];
  return buildGazetteerEntries(nodes, relationships);
}

/** Given a seed folder, returns an in-memory gazetteer over it (tests and the linking evaluation). */
export function readSeedGazetteer(directory: string): Gazetteer {
  return createMemoryGazetteer(readSeedEntries(directory));
}

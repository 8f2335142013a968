import fs from 'node:fs';
import path from 'node:path';
import { DATE_PROPERTIES } from '../../src/domain/relationships';
import { NODE_SCHEMAS, RelationshipSchema } from '../../src/importer/seedSchema';
import type { Label } from '../../src/domain/labels';
import { generateSynthetic } from './generateSynthetic';
import type { SizeProfile } from './profiles';
import { syntheticNodeProperties } from './writeBatch';

/** The CSV files written for `neo4j-admin database import full`: one per label and one per relationship type. */
export interface CsvFiles {
  readonly nodes: readonly string[];
  readonly relationships: readonly string[];
  readonly nodeCount: number;
  readonly relationshipCount: number;
}

const LONGS = new Set(['birthYear', 'year']);
const BOOLEANS = new Set(['posthumous', 'recipientsResolved', 'synthetic']);
const DERIVED = ['nameAscii', 'aliasesText', 'synthetic'];

function columnType(label: Label | undefined, key: string): string {
  if (key === 'sources' || key === 'aliases' || (label === 'Movement' && key === 'legalBasis')) return ':string[]';
  if (LONGS.has(key)) return ':long';
  if (BOOLEANS.has(key)) return ':boolean';
  if (DATE_PROPERTIES.has(key)) return ':date';
  return '';
}

/** Given a value, returns it as one RFC 4180 CSV field (arrays joined with ';'; absent values empty). */
function field(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value)
    ? value.map((v) => String(v)).join(';')
    : typeof value === 'string'
      ? value
      : (value as { toString(): string }).toString(); // neo4j Date: ISO text
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Given a size, a seed and a folder, streams the synthetic graph into CSV files with the headers
 * neo4j-admin's importer expects (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed
 * columns), holding exactly the properties the bulk loader writes. Returns the files and counts.
 */
export function writeCsv(profile: SizeProfile, seed: number, directory: string): CsvFiles {
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  const nodeFiles = new Map<Label, { fd: number; columns: string[] }>();
  const relFiles = new Map<string, number>();
  const relColumns = Object.keys(RelationshipSchema.shape).filter((k) => k !== 'type' && k !== 'from' && k !== 'to');
  let nodeCount = 0;
  let relationshipCount = 0;

  for (const batch of generateSynthetic({ profile, seed })) {
    const nodeLines = new Map<Label, string[]>();
    for (const row of batch.nodes) {
      let file = nodeFiles.get(row.label);
      if (!file) {
        const columns = [...Object.keys(NODE_SCHEMAS[row.label].shape), ...DERIVED];
        const fd = fs.openSync(path.join(directory, `nodes-${row.label}.csv`), 'w');
        const header = columns.map((c) => (c === 'id' ? 'id:ID' : `${c}${columnType(row.label, c)}`));
        fs.writeSync(fd, `${[...header, ':LABEL'].join(',')}\n`);
        file = { fd, columns };
        nodeFiles.set(row.label, file);
      }
      const props = syntheticNodeProperties(row);
      const line = `${[...file.columns.map((c) => field(props[c])), `Entity;${row.label}`].join(',')}`;
      (nodeLines.get(row.label) ?? nodeLines.set(row.label, []).get(row.label)!).push(line);
    }
    for (const [label, lines] of nodeLines) fs.writeSync(nodeFiles.get(label)!.fd, `${lines.join('\n')}\n`);
    nodeCount += batch.nodes.length;

    const relLines = new Map<string, string[]>();
    for (const rel of batch.relationships) {
      if (!relFiles.has(rel.type)) {
        const fd = fs.openSync(path.join(directory, `rels-${rel.type}.csv`), 'w');
        fs.writeSync(
          fd,
          `${[':START_ID', ':END_ID', ':TYPE', ...relColumns.map((c) => `${c}${columnType(undefined, c)}`)].join(',')}\n`,
        );
        relFiles.set(rel.type, fd);
      }
      const record = rel as Record<string, unknown>;
      const line = [field(rel.from), field(rel.to), rel.type, ...relColumns.map((c) => field(record[c]))].join(',');
      (relLines.get(rel.type) ?? relLines.set(rel.type, []).get(rel.type)!).push(line);
    }
    for (const [type, lines] of relLines) fs.writeSync(relFiles.get(type)!, `${lines.join('\n')}\n`);
    relationshipCount += batch.relationships.length;
  }
  for (const { fd } of nodeFiles.values()) fs.closeSync(fd);
  for (const fd of relFiles.values()) fs.closeSync(fd);
  return {
    nodes: [...nodeFiles.keys()].map((label) => path.join(directory, `nodes-${label}.csv`)),
    relationships: [...relFiles.keys()].map((type) => path.join(directory, `rels-${type}.csv`)),
    nodeCount,
    relationshipCount,
  };
}

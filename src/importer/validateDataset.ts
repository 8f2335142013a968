import { DOMAIN_LABELS, type Label } from '../domain/labels';
import { PROVENANCE_PROPERTIES, RELATIONSHIPS, isRelationshipType } from '../domain/relationships';
import { NODE_SCHEMAS, RelationshipSchema, type RelationshipRecord } from './seedSchema';

/** One problem found in the input: the file, the record path inside it, and what is wrong. */
export interface SeedProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Raised with every problem at once; the importer writes nothing when it is thrown. */
export class SeedValidationError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly problems: readonly SeedProblem[]) {
    super(
      `Seed input rejected, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file} ${p.path}: ${p.message}`).join('\n'),
    );
    this.name = 'SeedValidationError';
  }
}

export interface NodeRow {
  readonly label: Label;
  readonly record: Record<string, unknown> & { id: string };
}

/** A validated dataset, ready to write. */
export interface Dataset {
  readonly nodes: readonly NodeRow[];
  readonly relationships: readonly RelationshipRecord[];
}

/** Raw input: for each file name, its parsed JSON (or the parse error) and the label it holds. */
export interface RawFile {
  readonly file: string;
  readonly label: Label | 'relationships';
  readonly content: unknown;
}

function pathOf(index: number, issuePath: readonly PropertyKey[]): string {
  return `[${index}]${issuePath.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('')}`;
}

/**
 * Given the raw seed files, returns the validated Dataset, or throws SeedValidationError listing
 * every problem with its file and record path: schema errors, duplicate ids, unknown or
 * ill-typed relationship ends, unknown story sources and duplicate (from, type, to) triples.
 */
export function validateDataset(files: readonly RawFile[]): Dataset {
  const problems: SeedProblem[] = [];
  const nodes: NodeRow[] = [];
  const relationships: { file: string; index: number; record: RelationshipRecord }[] = [];
  const labelOf = new Map<string, Label>();
  const sourceUses: { file: string; path: string; source: string }[] = [];

  for (const { file, label, content } of files) {
    if (!Array.isArray(content)) {
      problems.push({ file, path: '$', message: 'must be a JSON array of records' });
      continue;
    }
    content.forEach((item: unknown, index) => {
      const schema = label === 'relationships' ? RelationshipSchema : NODE_SCHEMAS[label];
      const parsed = schema.safeParse(item);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file, path: pathOf(index, issue.path), message: issue.message });
        return;
      }
      const data = parsed.data as Record<string, unknown> & { sources: string[] };
      data.sources.forEach((source, i) => sourceUses.push({ file, path: pathOf(index, ['sources', i]), source }));
      if (label === 'relationships') {
        relationships.push({ file, index, record: parsed.data as RelationshipRecord });
        return;
      }
      const record = data as unknown as Record<string, unknown> & { id: string };
      if (labelOf.has(record.id)) {
        problems.push({ file, path: pathOf(index, ['id']), message: `duplicate id ${record.id}` });
        return;
      }
      labelOf.set(record.id, label);
      nodes.push({ label, record });
    });
  }

  for (const use of sourceUses) {
    if (use.source.startsWith('story:') && labelOf.get(use.source) !== 'Story') {
      problems.push({ file: use.file, path: use.path, message: `unknown story ${use.source}` });
    }
  }

  const seen = new Set<string>();
  for (const { file, index, record } of relationships) {
    const at = (field: string) => pathOf(index, [field]);
    const rule = isRelationshipType(record.type) ? RELATIONSHIPS[record.type] : undefined;
    if (!rule) {
      problems.push({ file, path: at('type'), message: `unknown relationship type ${record.type}` });
      continue;
    }
    const fromLabel = labelOf.get(record.from);
    const toLabel = labelOf.get(record.to);
    if (!fromLabel) problems.push({ file, path: at('from'), message: `unknown node ${record.from}` });
    else if (!rule.from.includes(fromLabel)) {
      problems.push({ file, path: at('from'), message: `${record.type} cannot start at a ${fromLabel}` });
    }
    if (!toLabel) problems.push({ file, path: at('to'), message: `unknown node ${record.to}` });
    else if (!rule.to.includes(toLabel)) {
      problems.push({ file, path: at('to'), message: `${record.type} cannot end at a ${toLabel}` });
    }
    if (fromLabel && toLabel && rule.sameLabel && fromLabel !== toLabel) {
      problems.push({
        file,
        path: at('to'),
        message: `${record.type} must join two nodes of one label (${fromLabel} → ${toLabel})`,
      });
    }
    if (record.from === record.to) {
      problems.push({ file, path: at('to'), message: 'a relationship cannot loop to its own start' });
    }
    for (const key of Object.keys(record)) {
      if (['type', 'from', 'to', ...PROVENANCE_PROPERTIES].includes(key)) continue;
      if (!rule.properties.includes(key)) {
        problems.push({ file, path: at(key), message: `${record.type} has no property ${key}` });
      }
    }
    for (const key of rule.required) {
      if (!(key in record)) problems.push({ file, path: at(key), message: `${record.type} needs ${key}` });
    }
    const key = `${record.from}|${record.type}|${record.to}`;
    if (seen.has(key)) {
      problems.push({ file, path: pathOf(index, []), message: `duplicate ${record.type} from ${record.from} to ${record.to}` });
    }
    seen.add(key);
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  return { nodes, relationships: relationships.map((r) => r.record) };
}

/** The file name each label is read from. */
export const SEED_FILES: Readonly<Record<Label | 'relationships', string>> = {
  Place: 'places.json',
  Agency: 'agencies.json',
  Field: 'fields.json',
  Person: 'people.json',
  Collective: 'collectives.json',
  Event: 'events.json',
  Award: 'awards.json',
  Movement: 'movements.json',
  Story: 'stories.json',
  relationships: 'relationships.json',
};
export const SEED_ORDER: readonly (Label | 'relationships')[] = [...DOMAIN_LABELS, 'relationships'];

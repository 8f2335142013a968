import { DOMAIN_LABELS, type Label } from '../../domain/labels';
import { entryKeys } from '../entryKeys';
import { toEntry } from '../entryFromGraph';

/**
 * The system label of the name index: one `(:NameKey {key, id, of})` node per lookup key of an
 * entity (entryKeys: its folded name and aliases, a place's bare name, a person's loose spelling).
 * It points at the entity by id, not by a relationship, so the index never adds to an entity's
 * degree (which related-scoring reads) nor to the relationships a revision records.
 */
export const NAME_KEY_LABEL = 'NameKey';

/** What decides an entity's keys. */
export interface NamedNode {
  readonly id: string;
  readonly label: Label;
  readonly name: string;
  readonly aliases?: readonly string[] | null;
  /** A story's title, which is one more name for it. */
  readonly title?: string | null;
}

/** One row of the name index. */
export interface NameKeyRow {
  readonly key: string;
  readonly id: string;
  /** The fingerprint of the names the key was derived from: a stale row no longer matches its entity. */
  readonly of: string;
}

/** Joins the fingerprint's parts; a control character no name contains. */
export const FINGERPRINT_SEPARATOR = '\u001f';

const EMPTY_CONTEXT = {
  placeIds: [],
  directPlaceIds: [],
  agencyIds: [],
  eventIds: [],
  fieldIds: [],
  personIds: [],
  awardIds: [],
  dates: [],
} as const;

/**
 * Given an entity's label, name, aliases and title, returns the text its keys derive from. The
 * Cypher in staleNameKeys.cypher builds the same text from the stored node, so a renamed entity
 * (by any write path) is found by comparing the two.
 */
export function nameFingerprint(node: NamedNode): string {
  const s = FINGERPRINT_SEPARATOR;
  return `${node.label}${s}${node.name}${s}${(node.aliases ?? []).map((a) => a + s).join('')}${s}${node.title ?? ''}`;
}

/** Given an entity, returns the distinct keys the gazetteer finds it by (the same keys the in-memory gazetteer indexes). */
export function nameKeysOf(node: NamedNode): string[] {
  const entry = toEntry(
    {
      id: node.id,
      label: node.label,
      name: node.name,
      aliases: node.aliases ?? [],
      ...(node.title ? { title: node.title } : {}),
    },
    EMPTY_CONTEXT,
  );
  return [...new Set(entryKeys(entry).map((k) => k.lookup))];
}

/** Given entities, returns their rows of the name index. */
export function nameKeyRows(nodes: readonly NamedNode[]): NameKeyRow[] {
  return nodes.flatMap((node) => {
    const of = nameFingerprint(node);
    return nameKeysOf(node).map((key) => ({ key, id: node.id, of }));
  });
}

/** The domain labels, for statements that pick a node's own label out of labels(n). */
export const NAMED_LABELS: readonly string[] = DOMAIN_LABELS;

/**
 * The importer's statement: per entity row `{id, of, keys}`, its old rows of the name index
 * replaced by new ones; returns one count per entity, as the importer's steps do.
 */
export const IMPORT_NAME_KEYS = `UNWIND $rows AS row
OPTIONAL MATCH (old:${NAME_KEY_LABEL} {id: row.id})
WITH row, collect(old) AS olds
FOREACH (o IN olds | DELETE o)
FOREACH (key IN row.keys | CREATE (:${NAME_KEY_LABEL} {key: key, id: row.id, of: row.of}))
RETURN count(*) AS written`;

/** Given entities, returns the rows of IMPORT_NAME_KEYS. */
export function importNameKeyRows(nodes: readonly NamedNode[]): Array<{ id: string; of: string; keys: string[] }> {
  return nodes.map((node) => ({ id: node.id, of: nameFingerprint(node), keys: nameKeysOf(node) }));
}

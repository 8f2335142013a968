import { isDomainLabel } from '../../domain/labels';
import type { Tx } from '../../neo4j/createGraph';
import { array, decodeRows, nullable, object, string } from '../../neo4j/decode';
import { NAME_KEY_LABEL, NAMED_LABELS, nameKeyRows, type NamedNode } from './nameKeys';

const READ_NAMES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, head([l IN labels(n) WHERE l IN $labels]) AS label, n.name AS name, n.aliases AS aliases, n.title AS title`;

const DELETE_KEYS = `UNWIND $ids AS id MATCH (k:${NAME_KEY_LABEL} {id: id}) DELETE k`;
const CREATE_KEYS = `UNWIND $rows AS row CREATE (k:${NAME_KEY_LABEL}) SET k = row`;

const decodeNamed = object<{ id: string; label: string; name: string; aliases: string[] | null; title: string | null }>({
  id: string,
  label: string,
  name: string,
  aliases: nullable(array(string)),
  title: nullable(string),
});

/**
 * Given entities as they are being written, replaces their rows of the name index inside the
 * caller's transaction (the importer's batches: the records are at hand, nothing is read back).
 */
export async function writeNameKeysOf(tx: Tx, nodes: readonly NamedNode[]): Promise<void> {
  if (nodes.length === 0) return;
  await tx.run(DELETE_KEYS, { ids: nodes.map((n) => n.id) });
  await tx.run(CREATE_KEYS, { rows: nameKeyRows(nodes) });
}

/**
 * Given entity ids, reads their names inside the caller's transaction (so it sees what the
 * transaction wrote) and replaces their rows of the name index; an id whose entity is gone loses
 * its rows. Every write path that names, renames or deletes entities calls this (or the sweep).
 */
export async function writeNameKeys(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = decodeRows('read names', await tx.run(READ_NAMES, { ids, labels: NAMED_LABELS }), decodeNamed);
  const nodes = rows.flatMap((row): NamedNode[] =>
    isDomainLabel(row.label) ? [{ id: row.id, label: row.label, name: row.name, aliases: row.aliases, title: row.title }] : [],
  );
  await tx.run(DELETE_KEYS, { ids });
  if (nodes.length > 0) await tx.run(CREATE_KEYS, { rows: nameKeyRows(nodes) });
}

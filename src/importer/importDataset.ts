import type { Graph, Tx, WriteMetadata } from '../neo4j/createGraph';
import { toNeo4jDate } from '../neo4j/values';
import { foldDiacritics } from '../text/foldDiacritics';
import { DATE_PROPERTIES } from '../domain/relationships';
import type { RelationshipRecord } from './seedSchema';
import type { Dataset, NodeRow } from './validateDataset';
import { chunks, groupBy } from './batching';
import { IMPORT_NAME_KEYS, importNameKeyRows } from '../ingestion/graph/nameKeys';

export interface ImportOptions {
  /** Rows per UNWIND statement. */
  readonly batchSize?: number;
  /**
   * true (the default, right for the seeds): every batch in one transaction, so a failure
   * leaves the graph as it was. false (bulk loads): one transaction per batch.
   */
  readonly atomic?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /** Who imports and from where, recorded on every revision the import writes (actor `unknown` without it). */
  readonly metadata?: WriteMetadata;
}

export interface ImportReport {
  readonly nodes: number;
  readonly relationships: number;
  readonly millis: number;
}

function toProperties(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    out[key] = DATE_PROPERTIES.has(key) && typeof value === 'string' ? toNeo4jDate(value) : value;
  }
  return out;
}

/**
 * Derived search properties every node carries: nameAscii (đ→d, marks removed) and aliasesText.
 * The write trigger derives the same from the stored name and aliases on every write; they are
 * computed here too for loads the trigger does not see (the bench's bulk loads, admin-import CSVs).
 */
export function nodeProperties(row: NodeRow): Record<string, unknown> {
  const props = toProperties(row.record);
  const name = String(row.record.name);
  const aliases = (row.record.aliases as string[] | undefined) ?? [];
  props.nameAscii = foldDiacritics(name);
  props.aliasesText = [...aliases, ...aliases.map(foldDiacritics)].join(' | ');
  return props;
}

function relationshipProperties(record: RelationshipRecord): Record<string, unknown> {
  const { type: _type, from: _from, to: _to, ...rest } = record;
  return toProperties(rest);
}

/**
 * Given a validated Dataset, MERGEs its nodes by id (replacing their properties, adding the label
 * and the shared Entity label) and its relationships by (from, type, to), in UNWIND batches.
 * Idempotent: a second run leaves identical node and relationship counts.
 */
export async function importDataset(graph: Graph, dataset: Dataset, options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 2_000;
  const total = dataset.nodes.length + dataset.relationships.length;
  const steps: { cypher: string; rows: Record<string, unknown>[]; counted?: false }[] = [];

  for (const [label, rows] of groupBy(dataset.nodes, (n) => n.label)) {
    // Labels cannot be parameters; they come from the closed DOMAIN_LABELS list, never from input.
    const cypher = `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row, n:${label} RETURN count(*) AS written`;
    for (const batch of chunks(rows, batchSize)) steps.push({ cypher, rows: batch.map(nodeProperties) });
    // The name index ingestion looks names up in (src/ingestion/graph/nameKeys.ts), in the same transaction.
    const named = rows.map((row) => ({ ...(row.record as { id: string; name: string }), label: row.label }));
    for (const batch of chunks(named, batchSize)) {
      steps.push({ cypher: IMPORT_NAME_KEYS, rows: importNameKeyRows(batch), counted: false });
    }
  }
  for (const [type, rows] of groupBy(dataset.relationships, (r) => r.type)) {
    const cypher =
      'UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) ' +
      `MERGE (a)-[r:${type}]->(b) SET r = row.props RETURN count(*) AS written`;
    for (const batch of chunks(rows, batchSize)) {
      steps.push({ cypher, rows: batch.map((r) => ({ from: r.from, to: r.to, props: relationshipProperties(r) })) });
    }
  }

  let done = 0;
  const runStep = async (tx: Tx, step: (typeof steps)[number]) => {
    const [result] = await tx.run(step.cypher, { rows: step.rows });
    if (result?.written !== step.rows.length) {
      throw new Error(
        `Import wrote ${String(result?.written)} of ${step.rows.length} rows: a relationship end is missing from the graph`,
      );
    }
    if (step.counted === false) return;
    done += step.rows.length;
    options.onProgress?.(done, total);
  };
  if (options.atomic ?? true) {
    await graph.writeTransaction(async (tx) => {
      done = 0;
      for (const step of steps) await runStep(tx, step);
    }, options.metadata);
  } else {
    for (const step of steps) await graph.writeTransaction((tx) => runStep(tx, step), options.metadata);
  }
  return { nodes: dataset.nodes.length, relationships: dataset.relationships.length, millis: Date.now() - started };
}

import { importDataset, nodeProperties } from '../../src/importer/importDataset';
import { DATE_PROPERTIES, isRelationshipType } from '../../src/domain/relationships';
import type { RelationshipRecord } from '../../src/importer/seedSchema';
import type { NodeRow } from '../../src/importer/validateDataset';
import type { Graph, WriteMetadata } from '../../src/neo4j/createGraph';
import { toNeo4jDate } from '../../src/neo4j/values';
import type { SyntheticBatch } from './records';
import { chunks, groupBy } from '../../src/importer/batching';

/** One UNWIND statement and its rows; each runs in a transaction of its own. */
export interface Statement {
  readonly kind: 'nodes' | 'relationships';
  readonly cypher: string;
  readonly rows: readonly Record<string, unknown>[];
}

/**
 * The metadata of every synthetic write: bench-only, the write triggers skip these transactions
 * (no validation by the database, no revisions), which would otherwise record a million
 * revisions of made-up facts. The generator's records pass the importer's zod validation.
 */
export const BENCH_LOAD: WriteMetadata = { actor: 'bench', operation: 'bench:synthetic-load', benchBulkLoad: true };

/** How a batch is written: CREATE into an empty graph (fast), or the importer's idempotent MERGE. */
export type LoadMode = 'create' | 'merge';

/** Given a node row, returns the properties stored: the importer's (nameAscii, aliasesText, dates) plus `synthetic: true`. */
export function syntheticNodeProperties(row: NodeRow): Record<string, unknown> {
  return { ...nodeProperties(row), synthetic: true };
}

function relationshipProperties(record: RelationshipRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'type' || key === 'from' || key === 'to' || value === undefined) continue;
    out[key] = DATE_PROPERTIES.has(key) && typeof value === 'string' ? toNeo4jDate(value) : value;
  }
  return out;
}

/**
 * Given a batch and the rows per statement, returns the CREATE statements that write it: nodes
 * by label, then relationships by type, ends looked up through the Entity id constraint. Labels
 * and types are interpolated only from the closed lists the validator knows.
 */
export function createStatements(batch: SyntheticBatch, rowsPerStatement: number): Statement[] {
  const statements: Statement[] = [];
  for (const [label, rows] of groupBy(batch.nodes, (n) => n.label)) {
    const cypher = `UNWIND $rows AS row CREATE (n:Entity:${label}) SET n = row RETURN count(*) AS written`;
    for (const slice of chunks(rows, rowsPerStatement)) {
      statements.push({ kind: 'nodes', cypher, rows: slice.map(syntheticNodeProperties) });
    }
  }
  for (const [type, rows] of groupBy(batch.relationships, (r) => r.type)) {
    if (!isRelationshipType(type)) throw new Error(`unknown relationship type ${type}`);
    const cypher =
      'UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) ' +
      `CREATE (a)-[r:${type}]->(b) SET r = row.props RETURN count(*) AS written`;
    for (const slice of chunks(rows, rowsPerStatement)) {
      statements.push({
        kind: 'relationships',
        cypher,
        rows: slice.map((r) => ({ from: r.from, to: r.to, props: relationshipProperties(r) })),
      });
    }
  }
  return statements;
}

/**
 * Given the graph, statements and how many may run at once, runs each in its own write
 * transaction and checks every row was written. Node statements all finish before the first
 * relationship statement starts (its ends must exist); a deadlock between two concurrent
 * relationship statements is retried by the driver's managed transaction.
 */
export async function runStatements(graph: Graph, statements: readonly Statement[], concurrency = 1): Promise<void> {
  const run = async (statement: Statement) => {
    const [result] = await graph.write(statement.cypher, { rows: statement.rows }, BENCH_LOAD);
    if (result?.written !== statement.rows.length) {
      throw new Error(`wrote ${String(result?.written)} of ${statement.rows.length} rows: a relationship end is missing`);
    }
  };
  const pool = async (group: readonly Statement[]) => {
    let next = 0;
    const worker = async () => {
      while (next < group.length) await run(group[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, group.length) }, worker));
  };
  await pool(statements.filter((s) => s.kind === 'nodes'));
  await pool(statements.filter((s) => s.kind === 'relationships'));
}

/**
 * Given the graph and a batch, writes it through the project's importer (MERGE by id, one
 * transaction per UNWIND batch), then marks its nodes `synthetic: true`, which the importer's
 * strict seed model has no field for.
 */
export async function mergeBatch(graph: Graph, batch: SyntheticBatch, rowsPerStatement: number): Promise<void> {
  await importDataset(graph, batch, { atomic: false, batchSize: rowsPerStatement, metadata: BENCH_LOAD });
  for (const ids of chunks(
    batch.nodes.map((n) => n.record.id),
    rowsPerStatement,
  )) {
    await graph.write('UNWIND $ids AS id MATCH (n:Entity {id: id}) SET n.synthetic = true', { ids }, BENCH_LOAD);
  }
}

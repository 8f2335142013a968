import { migrate } from '../../src/migrations/migrate';
import type { Graph } from '../../src/neo4j/createGraph';
import { generateSynthetic, planSynthetic } from './generateSynthetic';
import type { SizeProfile } from './profiles';
import { createStatements, mergeBatch, runStatements, type LoadMode } from './writeBatch';

export interface LoadOptions {
  readonly profile: SizeProfile;
  readonly seed: number;
  readonly mode: LoadMode;
  /** Rows per UNWIND statement (one transaction each). */
  readonly rowsPerStatement?: number;
  /** Entities generated per batch. */
  readonly entitiesPerBatch?: number;
  /** Statements in flight at once (create mode); DEFAULT_LOAD_CONCURRENCY when not given. */
  readonly concurrency?: number;
  /** Called after every batch with the nodes and relationships written so far and the planned node total. */
  readonly onProgress?: (progress: { nodes: number; relationships: number; totalNodes: number }) => void;
}

export interface LoadReport {
  readonly nodes: number;
  readonly relationships: number;
  readonly loadMillis: number;
  readonly indexMillis: number;
  readonly totalMillis: number;
}

/**
 * Write statements in flight at once in create mode: two, one per core of the machine the targets
 * are stated for. While one transaction commits (its log forced to disk, the next statement's rows
 * sent), the other is planned and written. Measured at L on 2026-12-02 on the same 2-core machine:
 * 196.7 s until every index was online with two, 276.6 s the day before with one (README,
 * "Benchmarks"). Two relationship statements may deadlock on a shared node; the driver's managed
 * transaction retries the loser, and runStatements checks that every row was written.
 */
export const DEFAULT_LOAD_CONCURRENCY = 2;

/** The migration's own statement: created first so relationship ends are found by index while loading. */
const ENTITY_CONSTRAINT = 'CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE';

/**
 * Given an empty graph, streams the synthetic data of a size into it and returns counts and
 * times. `create`: only the Entity id constraint exists while writing (CREATE, one transaction
 * per statement, generation of the next batch overlapping the write of the current one), then
 * the migration builds the other constraints and the full-text index over the loaded data.
 * `merge`: migrate first, then the project's importer (MERGE, one transaction per batch). The
 * report's totalMillis covers everything until every index is online.
 */
export async function loadSynthetic(graph: Graph, options: LoadOptions): Promise<LoadReport> {
  const started = Date.now();
  const [count] = await graph.read('MATCH (n) RETURN count(n) AS nodes');
  if (Number(count?.nodes ?? 0) > 0) {
    throw new Error(
      `the target database is not empty (${String(count?.nodes)} nodes): load synthetic data into a fresh bench database only`,
    );
  }
  const rows = options.rowsPerStatement ?? 10_000;
  const plan = planSynthetic(options);
  let nodes = 0;
  let relationships = 0;

  if (options.mode === 'merge') await migrate(graph);
  else await graph.write(ENTITY_CONSTRAINT);

  let pending: Promise<void> = Promise.resolve();
  for (const batch of generateSynthetic({ ...options, entitiesPerBatch: options.entitiesPerBatch ?? rows })) {
    const write =
      options.mode === 'create'
        ? (() => {
            const statements = createStatements(batch, rows);
            return () => runStatements(graph, statements, options.concurrency ?? DEFAULT_LOAD_CONCURRENCY);
          })()
        : () => mergeBatch(graph, batch, rows);
    await pending;
    pending = write().then(() => {
      nodes += batch.nodes.length;
      relationships += batch.relationships.length;
      options.onProgress?.({ nodes, relationships, totalNodes: plan.totalNodes });
    });
  }
  await pending;
  const loaded = Date.now();
  if (options.mode === 'create') await migrate(graph);
  const done = Date.now();
  return { nodes, relationships, loadMillis: loaded - started, indexMillis: done - loaded, totalMillis: done - started };
}

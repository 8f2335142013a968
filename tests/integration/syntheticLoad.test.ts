import { generateSynthetic, planSynthetic } from '../../bench/synthetic/generateSynthetic';
import { DEFAULT_LOAD_CONCURRENCY } from '../../bench/synthetic/loadSynthetic';
import { DEFAULT_SEED, PROFILES } from '../../bench/synthetic/profiles';
import { BENCH_LOAD, createStatements, runStatements } from '../../bench/synthetic/writeBatch';
import type { Graph } from '../../src/neo4j/createGraph';
import { testGraph } from '../support/testDatabase';

/**
 * The bench loader writes with two statements in flight (issue 12, item 6): nothing may be lost or
 * doubled when two relationship statements meet on the same nodes (a deadlock is retried by the
 * driver). The whole synthetic graph of size S is written into the test database in small
 * statements, so many pairs of concurrent statements share fields, places and agencies, then
 * counted against the generator's own records, and deleted again (every synthetic node carries
 * `synthetic: true`; the seeds carry none).
 */
let graph: Graph;

async function removeSynthetic(): Promise<void> {
  for (;;) {
    const [row] = await graph.write(
      'MATCH (n:Entity) WHERE n.synthetic = true WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS deleted',
      {},
      BENCH_LOAD,
    );
    if (Number(row?.deleted ?? 0) === 0) return;
  }
}

beforeAll(() => {
  graph = testGraph();
});

afterAll(async () => {
  await removeSynthetic();
  await graph.close();
});

it('writes every node and relationship of size S exactly once with two statements in flight', async () => {
  expect(DEFAULT_LOAD_CONCURRENCY).toBe(2);
  const options = { profile: PROFILES.S, seed: DEFAULT_SEED, entitiesPerBatch: 2_000 };
  const expected = { nodes: 0, relationships: 0 };
  for (const batch of generateSynthetic(options)) {
    expected.nodes += batch.nodes.length;
    expected.relationships += batch.relationships.length;
    await runStatements(graph, createStatements(batch, 250), DEFAULT_LOAD_CONCURRENCY);
  }
  expect(expected.nodes).toBe(planSynthetic(options).totalNodes);

  const [counts] = await graph.read(
    `MATCH (n:Entity) WHERE n.synthetic = true
     WITH count(n) AS nodes, count(DISTINCT n.id) AS ids
     CALL () { MATCH (:Entity {synthetic: true})-[r]->(:Entity {synthetic: true}) RETURN count(r) AS relationships }
     RETURN nodes, ids, relationships`,
  );
  expect(counts).toEqual({ nodes: expected.nodes, ids: expected.nodes, relationships: expected.relationships });
}, 180_000);

import { randomUUID } from 'node:crypto';
import type { Graph } from '../../neo4j/createGraph';
import { array, decode, decodeRows, object, string } from '../../neo4j/decode';
import { PAGERANK, graphologyScores, simplePairs } from '../../analytics/network/centrality';
import { RELATIONSHIP_TYPES } from '../../domain/relationships';
import { detectEngines, type EngineName } from '../../analytics/network/graphEngines';

/**
 * Whole-graph scores written back as node properties `pagerank` (summing to 1 over the graph) and
 * `community` (Louvain), by the same rules as the subgraph scores (undirected, simple). Reading
 * them costs nothing per request and gives every replica the same numbers; the price is staleness
 * (they are as old as the last run: rerun after imports) and that they describe the whole graph,
 * not a neighbourhood. influenceNetwork reads them when every node of its subgraph has them.
 * Betweenness is not precomputed: Brandes is O(n·m), hours at a million nodes.
 */

/**
 * GDS: a native projection of every Entity and every domain relationship, undirected with
 * parallel relationships merged, then PageRank and Louvain written back, then dropped. Write
 * procedures write in their own transactions; the statement runs as a write so it goes to the
 * leader in a cluster.
 */
const GDS_PRECOMPUTE_CYPHER = `
CALL gds.graph.project($name, 'Entity', $relationships) YIELD nodeCount, relationshipCount
CALL gds.pageRank.write($name, {writeProperty: 'pagerank', dampingFactor: $damping, maxIterations: $maxIterations, tolerance: $tolerance, scaler: 'L1Norm'})
YIELD nodePropertiesWritten AS pagerankWritten
CALL gds.louvain.write($name, {writeProperty: 'community'}) YIELD communityCount
CALL gds.graph.drop($name, false) YIELD graphName
RETURN nodeCount, relationshipCount, pagerankWritten, communityCount`;

const PAGE_CYPHER = `
MATCH (a:Entity) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $page
RETURN a.id AS id, [(a)-[r]->(b:Entity) WHERE type(r) IN $types | b.id] AS out`;

const WRITE_CYPHER = `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.pagerank = row.pagerank, n.community = row.community`;

const CLEAR_CYPHER = 'MATCH (n:Entity) WHERE n.pagerank IS NOT NULL OR n.community IS NOT NULL REMOVE n.pagerank, n.community';

const decodePage = object<{ id: string; out: string[] }>({ id: string, out: array(string) });

export interface PrecomputeReport {
  readonly engine: EngineName;
  readonly nodes: number;
  readonly communities: number;
  readonly millis: number;
}

async function withGds(graph: Graph): Promise<Omit<PrecomputeReport, 'millis'>> {
  // GDS rejects a projection naming a type the database has never stored (a graph without rivers
  // has no FLOWS_THROUGH), so project only the domain types that exist.
  const present = await graph.read(
    'CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types',
  );
  const existing = new Set(decode('relationship types', present[0], object<{ types: string[] }>({ types: array(string) })).types);
  const relationships = Object.fromEntries(
    RELATIONSHIP_TYPES.filter((type) => existing.has(type)).map((type) => [
      type,
      { type, orientation: 'UNDIRECTED', aggregation: 'SINGLE' },
    ]),
  );
  // The catalog lives outside transactions: a retried attempt gets a fresh name, and every name
  // tried is dropped at the end, so a failed attempt leaves no projection on the heap.
  const names: string[] = [];
  try {
    const [row] = await graph.writeTransaction((tx) => {
      const name = `precompute-${randomUUID()}`;
      names.push(name);
      return tx.run(GDS_PRECOMPUTE_CYPHER, {
        name,
        relationships,
        damping: PAGERANK.damping,
        maxIterations: PAGERANK.maxIterations,
        tolerance: PAGERANK.tolerance,
      });
    });
    return { engine: 'GDS', nodes: Number(row?.nodeCount ?? 0), communities: Number(row?.communityCount ?? 0) };
  } finally {
    for (const name of names) {
      await graph.write('CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName', { name }).catch(() => undefined);
    }
  }
}

async function withGraphology(graph: Graph, page: number): Promise<Omit<PrecomputeReport, 'millis'>> {
  const nodes: string[] = [];
  const edges: { from: string; to: string }[] = [];
  for (let after = ''; ;) {
    const rows = await graph.read(PAGE_CYPHER, { after, page, types: RELATIONSHIP_TYPES });
    const decoded = decodeRows('precomputeScores page', rows, decodePage);
    for (const row of decoded) {
      nodes.push(row.id);
      for (const to of row.out) edges.push({ from: row.id, to });
    }
    if (decoded.length < page) break;
    after = decoded[decoded.length - 1]!.id;
  }
  const scores = graphologyScores(nodes, simplePairs(nodes, edges), { pageRank: true, betweenness: false, communities: true });
  for (let i = 0; i < nodes.length; i += page) {
    const rows = nodes
      .slice(i, i + page)
      .map((id) => ({ id, pagerank: scores.pageRank.get(id) ?? 0, community: scores.community.get(id) ?? 0 }));
    await graph.write(WRITE_CYPHER, { rows });
  }
  return { engine: 'GRAPHOLOGY', nodes: nodes.length, communities: new Set(scores.community.values()).size };
}

/**
 * Given a graph (and optionally a forced engine and page size), computes whole-graph PageRank and
 * Louvain communities and writes them to every Entity as `pagerank` and `community`; returns what
 * it did. Idempotent: a rerun overwrites the properties.
 */
export async function precomputeScores(
  graph: Graph,
  options: { engine?: EngineName; page?: number } = {},
): Promise<PrecomputeReport> {
  const started = Date.now();
  const engine = options.engine ?? ((await detectEngines(graph)).gds ? 'GDS' : 'GRAPHOLOGY');
  const report = engine === 'GDS' ? await withGds(graph) : await withGraphology(graph, options.page ?? 10_000);
  return { ...report, millis: Date.now() - started };
}

/** Given a graph, removes the stored scores, so influenceNetwork computes on the subgraph again. */
export async function clearStoredScores(graph: Graph): Promise<void> {
  await graph.write(CLEAR_CYPHER);
}

import { randomUUID } from 'node:crypto';
import type { Graph } from '../neo4j/createGraph';
import {
  ALL_ALGORITHMS,
  PAGERANK,
  canonicalCommunities,
  graphologyScores,
  normaliseBetweenness,
  scaleToUnitSum,
  type Algorithms,
  type Scores,
} from './centrality';

export type EngineName = 'GDS' | 'GRAPHOLOGY';

export interface EngineInfo {
  readonly gds: boolean;
  /** The GDS version when the server has it. */
  readonly gdsVersion: string | null;
}

/** The graphology version computing in-process (kept with package.json's pin). */
export const GRAPHOLOGY_VERSION = 'graphology 0.26.0 (metrics 2.4.2, louvain 2.0.2)';

const GDS_VERSION_CYPHER = 'RETURN gds.version() AS version';

/**
 * Projects the subgraph from the given pairs (and isolated nodes) under a name unique to the
 * request, streams PageRank, betweenness and Louvain, and drops the projection: one statement, so
 * in a cluster every step runs on the same member. GDS procedures are read-only on the database.
 * One thread and no progress logging: for subgraphs of at most a few thousand nodes GDS's fixed
 * cost (thread pools, task tracking) outweighs the work.
 */
const GDS_SCORES_CYPHER = `
CALL () {
  CALL () {
    UNWIND $pairs AS pair
    MATCH (a:Entity {id: pair[0]}), (b:Entity {id: pair[1]})
    RETURN a, b
    UNION ALL
    UNWIND $isolated AS id
    MATCH (a:Entity {id: id})
    RETURN a, null AS b
  }
  WITH gds.graph.project($name, a, b, {}, {undirectedRelationshipTypes: ['*'], readConcurrency: 1, logProgress: false}) AS projected
  RETURN projected.nodeCount AS nodeCount
}
${gdsAlgorithms('$pageRank', '$betweenness', '$communities')}
RETURN nodeCount, pageRank, betweenness, community`;

/**
 * Cypher, given \`nodeCount\` in scope (null when nothing was projected), three boolean
 * expressions and the variables they read (imports): streams PageRank, betweenness and Louvain on the projection \`$name\` (each an empty
 * list when not wanted), then drops it, keeping the row.
 */
function gdsAlgorithms(pageRank: string, betweenness: string, communities: string, imports = ''): string {
  const scope = ['nodeCount', ...(imports ? [imports] : [])].join(', ');
  return `
CALL (${scope}) {
  WITH nodeCount WHERE nodeCount IS NOT NULL AND ${pageRank}
  CALL gds.pageRank.stream($name, {dampingFactor: $damping, maxIterations: $maxIterations, tolerance: $tolerance, scaler: 'L1Norm', concurrency: 1, logProgress: false})
  YIELD nodeId, score
  RETURN collect([gds.util.asNode(nodeId).id, score]) AS pageRank
}
CALL (${scope}) {
  WITH nodeCount WHERE nodeCount IS NOT NULL AND ${betweenness}
  CALL gds.betweenness.stream($name, {concurrency: 1, logProgress: false}) YIELD nodeId, score
  RETURN collect([gds.util.asNode(nodeId).id, score]) AS betweenness
}
CALL (${scope}) {
  WITH nodeCount WHERE nodeCount IS NOT NULL AND ${communities}
  CALL gds.louvain.stream($name, {concurrency: 1, logProgress: false}) YIELD nodeId, communityId
  RETURN collect([gds.util.asNode(nodeId).id, communityId]) AS community
}
CALL () {
  CALL gds.graph.drop($name, false) YIELD graphName
  RETURN count(graphName) AS dropped
}`;
}

/**
 * Given a statement body ending in one row with \`kept\` (nodes), \`nodes\` (maps with stored
 * scores) and \`edges\` (maps of from and to ids), returns the statement that goes on to project
 * that subgraph (undirected, each linked pair once, no self-loops, isolated nodes kept), score it
 * and drop the projection, returning the body's row with \`stored\` (PageRank and community come
 * from the stored whole-graph scores, so only betweenness is computed) and the three score lists.
 * The body's row must hold seedIds, nodes, edges, truncated and kept (subgraphBody's).
 * One statement, so extracting and scoring a subgraph is one round trip, on one cluster member.
 */
export function gdsOnSubgraphCypher(body: string): string {
  return `${body}
WITH *, NOT $recompute AND size(nodes) > 0 AND all(n IN nodes WHERE n.storedPageRank IS NOT NULL AND n.storedCommunity IS NOT NULL) AS stored
OPTIONAL CALL (kept, edges) {
  WITH kept, edges, [k IN kept | k.id] AS keptIds WHERE size(kept) > 0
  CALL (kept, edges, keptIds) {
    UNWIND edges AS e
    WITH e WHERE e.from IN keptIds AND e.to IN keptIds AND e.from <> e.to
    WITH DISTINCT CASE WHEN e.from < e.to THEN [e.from, e.to] ELSE [e.to, e.from] END AS pair
    MATCH (a:Entity {id: pair[0]}), (b:Entity {id: pair[1]})
    RETURN a, b
    UNION ALL
    UNWIND kept AS a
    RETURN a, null AS b
  }
  WITH gds.graph.project($name, a, b, {}, {undirectedRelationshipTypes: ['*'], readConcurrency: 1, logProgress: false}) AS projected
  RETURN projected.nodeCount AS nodeCount
}
${gdsAlgorithms('NOT stored', 'true', 'NOT stored', 'stored')}
RETURN seedIds, nodes, edges, truncated, stored, nodeCount, pageRank, betweenness, community`;
}

/** The parameters every GDS scoring statement takes besides its own: a projection name unique to the request and PageRank's settings. */
export function gdsParams(): { name: string; damping: number; maxIterations: number; tolerance: number } {
  return { name: `influence-${randomUUID()}`, damping: PAGERANK.damping, maxIterations: PAGERANK.maxIterations, tolerance: PAGERANK.tolerance };
}

/** Given a row with GDS's score lists and how many nodes were scored, returns the scores normalised as the graphology engine's; pure. */
export function scoresFromGdsRow(row: Record<string, unknown> | undefined, nodeCount: number): Scores {
  const pairs = (key: string) => new Map((row?.[key] as [string, number][] | undefined) ?? []);
  return {
    pageRank: scaleToUnitSum(pairs('pageRank')),
    betweenness: normaliseBetweenness(pairs('betweenness'), nodeCount),
    community: canonicalCommunities(pairs('community')),
  };
}

const GDS_DROP_CYPHER = 'CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName';

const detected = new WeakMap<Graph, Promise<EngineInfo>>();

function isUnknownFunction(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (typeof code === 'string' && code.startsWith('Neo.ClientError.Statement.')) ||
    (typeof message === 'string' && /unknown function|not found|no such/i.test(message))
  );
}

/**
 * Given a graph, returns whether its server has GDS, asking once with gds.version() and caching
 * the answer for the Graph; an unreachable database is not cached, so the next call asks again.
 */
export function detectEngines(graph: Graph): Promise<EngineInfo> {
  const cached = detected.get(graph);
  if (cached) return cached;
  const probe = graph.read(GDS_VERSION_CYPHER).then(
    (rows) => ({ gds: true, gdsVersion: typeof rows[0]?.version === 'string' ? rows[0].version : 'unknown' }),
    (error: unknown) => {
      if (isUnknownFunction(error)) return { gds: false, gdsVersion: null };
      detected.delete(graph);
      throw error;
    },
  );
  detected.set(graph, probe);
  return probe;
}

/** The subgraph an engine scores: node ids and each linked pair once. */
export interface ScoringInput {
  readonly nodes: readonly string[];
  readonly pairs: readonly [string, string][];
}

/** Given a subgraph, returns the scores computed by GDS on an in-memory projection dropped afterwards. */
export async function gdsScores(graph: Graph, input: ScoringInput, algorithms: Algorithms = ALL_ALGORITHMS): Promise<Scores> {
  if (input.nodes.length === 0) return { pageRank: new Map(), betweenness: new Map(), community: new Map() };
  const linked = new Set(input.pairs.flat());
  const params = { ...gdsParams(), pairs: input.pairs, isolated: input.nodes.filter((id) => !linked.has(id)), ...algorithms };
  try {
    const [row] = await graph.read(GDS_SCORES_CYPHER, params);
    return scoresFromGdsRow(row, input.nodes.length);
  } catch (error) {
    // The statement drops the projection itself; this only runs when it failed part-way.
    await dropProjection(graph, params.name);
    throw error;
  }
}

/** Given a graph and a projection name, drops the projection if it is still there (after a failed statement). */
export async function dropProjection(graph: Graph, name: string): Promise<void> {
  await graph.read(GDS_DROP_CYPHER, { name }).catch(() => undefined);
}

/** Given an engine, a graph and a subgraph, returns the scores that engine computes on it. */
export function scoreWith(engine: EngineName, graph: Graph, input: ScoringInput, algorithms: Algorithms = ALL_ALGORITHMS): Promise<Scores> {
  switch (engine) {
    case 'GDS':
      return gdsScores(graph, input, algorithms);
    case 'GRAPHOLOGY':
      return Promise.resolve(graphologyScores(input.nodes, input.pairs, algorithms));
    default: {
      const unreachable: never = engine;
      throw new Error(`Unknown engine ${String(unreachable)}`);
    }
  }
}

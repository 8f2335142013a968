import { randomUUID } from 'node:crypto';
import type { Graph } from '../../neo4j/createGraph';
import { installedVersion } from './installedVersion';
import { array, decode, nullable, number, object, pair, string } from '../../neo4j/decode';
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

/** The graphology packages computing in-process, as installed. */
export const GRAPHOLOGY_VERSION = `graphology ${installedVersion('graphology')} (metrics ${installedVersion('graphology-metrics')}, louvain ${installedVersion('graphology-communities-louvain')})`;

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
CALL (nodeCount) {
  WITH nodeCount WHERE $pageRank
  CALL gds.pageRank.stream($name, {dampingFactor: $damping, maxIterations: $maxIterations, tolerance: $tolerance, scaler: 'L1Norm', concurrency: 1, logProgress: false})
  YIELD nodeId, score
  RETURN collect([gds.util.asNode(nodeId).id, score]) AS pageRank
}
CALL (nodeCount) {
  WITH nodeCount WHERE $betweenness
  CALL gds.betweenness.stream($name, {concurrency: 1, logProgress: false}) YIELD nodeId, score
  RETURN collect([gds.util.asNode(nodeId).id, score]) AS betweenness
}
CALL (nodeCount) {
  WITH nodeCount WHERE $communities
  CALL gds.louvain.stream($name, {concurrency: 1, logProgress: false}) YIELD nodeId, communityId
  RETURN collect([gds.util.asNode(nodeId).id, communityId]) AS community
}
CALL gds.graph.drop($name, false) YIELD graphName
RETURN nodeCount, pageRank, betweenness, community`;

/** Scores as [node id, score] pairs, per algorithm. */
const scored = nullable(array(pair(string, number)));
const decodeScores = object<{
  pageRank: [string, number][] | null;
  betweenness: [string, number][] | null;
  community: [string, number][] | null;
}>({
  pageRank: scored,
  betweenness: scored,
  community: scored,
});

const GDS_DROP_CYPHER = 'CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName';

/**
 * A request's projection lives as long as its statement; one older than this was left by a
 * statement that died part-way (its transaction terminated, its process gone before the drop).
 * Far above any query timeout, so another API process's projection in use is never taken.
 */
export const ORPHAN_PROJECTION_AGE_MS = 10 * 60_000;

const GDS_SWEEP_CYPHER = `
CALL gds.graph.list() YIELD graphName, creationTime
WITH graphName, creationTime
WHERE graphName STARTS WITH 'influence-' AND creationTime < datetime() - duration({milliseconds: $ageMs})
CALL gds.graph.drop(graphName, false) YIELD graphName AS dropped
RETURN collect(dropped) AS dropped`;

/**
 * Given a graph on a server with GDS, drops the request projections older than the given age
 * (orphans: see ORPHAN_PROJECTION_AGE_MS) and returns their names. Run when a server's engines are
 * first detected and after a GDS statement fails, so the catalog does not keep what no one drops.
 */
export async function dropOrphanProjections(graph: Graph, ageMs: number = ORPHAN_PROJECTION_AGE_MS): Promise<string[]> {
  const rows = await graph.read(GDS_SWEEP_CYPHER, { ageMs });
  return decode('orphan projections', rows[0], object<{ dropped: string[] }>({ dropped: array(string) })).dropped;
}

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
 * With GDS, the first detection also drops orphaned request projections.
 */
export function detectEngines(graph: Graph): Promise<EngineInfo> {
  const cached = detected.get(graph);
  if (cached) return cached;
  const probe = graph.read(GDS_VERSION_CYPHER).then(
    async (rows) => {
      await dropOrphanProjections(graph).catch(() => undefined);
      return { gds: true, gdsVersion: typeof rows[0]?.version === 'string' ? rows[0].version : 'unknown' };
    },
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
  const name = `influence-${randomUUID()}`;
  const params = {
    name,
    pairs: input.pairs,
    isolated: input.nodes.filter((id) => !linked.has(id)),
    damping: PAGERANK.damping,
    maxIterations: PAGERANK.maxIterations,
    tolerance: PAGERANK.tolerance,
    ...algorithms,
  };
  try {
    const rows = await graph.read(GDS_SCORES_CYPHER, params);
    const row = decode('gds scores', rows[0], decodeScores);
    const pairs = (key: 'pageRank' | 'betweenness' | 'community') => new Map(row[key] ?? []);
    return {
      pageRank: scaleToUnitSum(pairs('pageRank')),
      betweenness: normaliseBetweenness(pairs('betweenness'), input.nodes.length),
      community: canonicalCommunities(pairs('community')),
    };
  } catch (error) {
    // The statement drops the projection itself; this only runs when it failed part-way.
    await graph.read(GDS_DROP_CYPHER, { name }).catch(() => undefined);
    await dropOrphanProjections(graph).catch(() => undefined);
    throw error;
  }
}

/** Given an engine, a graph and a subgraph, returns the scores that engine computes on it. */
export function scoreWith(
  engine: EngineName,
  graph: Graph,
  input: ScoringInput,
  algorithms: Algorithms = ALL_ALGORITHMS,
): Promise<Scores> {
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

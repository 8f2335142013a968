import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';

/**
 * Centrality on a subgraph, engine-independent: the subgraph is read as undirected and simple (one
 * edge per linked pair, no self-loops), PageRank (damping 0.85) is scaled to sum to 1, betweenness
 * is the share of shortest paths between other pairs that pass through a node (0..1), and Louvain
 * communities are renumbered from 0 by size, largest first (ties by smallest member id), so two
 * engines that find the same partition give the same numbers.
 */

/** Which scores to compute; PageRank and community may be read from stored values instead. */
export interface Algorithms {
  readonly pageRank: boolean;
  readonly betweenness: boolean;
  readonly communities: boolean;
}

export const ALL_ALGORITHMS: Algorithms = { pageRank: true, betweenness: true, communities: true };

/** Scores per node id; a map is empty when its algorithm was not asked for. */
export interface Scores {
  readonly pageRank: ReadonlyMap<string, number>;
  readonly betweenness: ReadonlyMap<string, number>;
  readonly community: ReadonlyMap<string, number>;
}

/** PageRank settings both engines use. */
export const PAGERANK = { damping: 0.85, maxIterations: 100, tolerance: 1e-7 } as const;

/** Given node ids and directed edges, returns each linked pair once (sorted ids), self-loops dropped. */
export function simplePairs(nodes: readonly string[], edges: readonly { from: string; to: string }[]): [string, string][] {
  const known = new Set(nodes);
  const seen = new Map<string, [string, string]>();
  for (const { from, to } of edges) {
    if (from === to || !known.has(from) || !known.has(to)) continue;
    const pair: [string, string] = from < to ? [from, to] : [to, from];
    seen.set(`${pair[0]}\u0000${pair[1]}`, pair);
  }
  return [...seen.values()];
}

/** Given raw scores, returns them scaled to sum to 1 (unchanged when they sum to 0). */
export function scaleToUnitSum(raw: ReadonlyMap<string, number>): Map<string, number> {
  const total = [...raw.values()].reduce((sum, v) => sum + v, 0);
  return new Map([...raw].map(([id, v]) => [id, total > 0 ? v / total : v]));
}

/** Given raw undirected betweenness (pairs through each node) and the node count, returns it normalised to 0..1. */
export function normaliseBetweenness(raw: ReadonlyMap<string, number>, nodeCount: number): Map<string, number> {
  const pairs = ((nodeCount - 1) * (nodeCount - 2)) / 2;
  return new Map([...raw].map(([id, v]) => [id, pairs > 0 ? v / pairs : 0]));
}

/** Given any community labels per node, returns labels 0.. by community size, largest first, ties by smallest member id. */
export function canonicalCommunities(labels: ReadonlyMap<string, number | string>): Map<string, number> {
  const members = new Map<number | string, string[]>();
  for (const [id, label] of labels) members.set(label, [...(members.get(label) ?? []), id]);
  const ordered = [...members.values()]
    .map((ids) => ids.sort())
    .sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  const out = new Map<string, number>();
  ordered.forEach((ids, index) => ids.forEach((id) => out.set(id, index)));
  return out;
}

/** A seeded generator (mulberry32), so graphology's Louvain gives the same answer every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Given nodes and linked pairs, returns the scores computed in-process by graphology. */
export function graphologyScores(
  nodes: readonly string[],
  pairs: readonly [string, string][],
  algorithms: Algorithms = ALL_ALGORITHMS,
): Scores {
  const graph = new UndirectedGraph();
  for (const id of nodes) graph.addNode(id);
  for (const [a, b] of pairs) graph.addEdge(a, b);
  const noEdges = graph.size === 0;
  const pageRank = algorithms.pageRank
    ? scaleToUnitSum(
        noEdges
          ? new Map(nodes.map((id) => [id, 1]))
          : new Map(
              Object.entries(
                pagerank(graph, {
                  getEdgeWeight: null,
                  alpha: PAGERANK.damping,
                  maxIterations: PAGERANK.maxIterations,
                  tolerance: PAGERANK.tolerance,
                }),
              ),
            ),
      )
    : new Map<string, number>();
  // graphology's Brandes refuses a graph without nodes (a stack of capacity 0).
  const between =
    algorithms.betweenness && nodes.length > 0
      ? normaliseBetweenness(
          new Map(Object.entries(betweenness(graph, { getEdgeWeight: null, normalized: false }))),
          nodes.length,
        )
      : new Map<string, number>();
  const community = algorithms.communities
    ? canonicalCommunities(
        noEdges
          ? new Map(nodes.map((id, i) => [id, i]))
          : new Map(Object.entries(louvain(graph, { getEdgeWeight: null, rng: seededRandom(42) }))),
      )
    : new Map<string, number>();
  return { pageRank, betweenness: between, community };
}

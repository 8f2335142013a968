import type { InfluenceNetwork } from '../analytics/network/influenceNetwork';
import type { ExportGraph } from './exportGraph';

/**
 * Given an influenceNetwork (or viewNetwork) answer, returns it as the writers' graph: every node
 * with its dates, confidence and scores, and its hops from the seeds as an extra column; every
 * relationship with its type, dates and confidence.
 */
export function fromInfluenceNetwork(network: InfluenceNetwork): ExportGraph {
  return {
    nodes: network.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      name: n.name,
      start: n.start,
      end: n.end,
      confidence: n.confidence,
      pageRank: n.pageRank,
      betweenness: n.betweenness,
      degree: n.degree,
      community: n.community,
      attributes: { hops: n.hops },
    })),
    edges: network.edges.map((e) => ({
      source: e.from,
      target: e.to,
      type: e.type,
      start: e.start,
      end: e.end,
      confidence: e.confidence,
    })),
  };
}

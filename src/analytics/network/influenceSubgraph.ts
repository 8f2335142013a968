import type { Graph } from '../../neo4j/createGraph';
import { array, boolean, decode, nullable, number, object, string } from '../../neo4j/decode';
import type { Confidence } from '../../domain/enums';
import { RELATIONSHIP_TYPES } from '../../domain/relationships';
import {
  looseConfidence,
  looseDate,
  nodeEndCypher,
  nodeStartCypher,
  relationshipEndCypher,
  relationshipStartCypher,
} from './elementDates';

/**
 * The bounded expansion rule. Seeds are the given ids, or a field and its narrower fields, or a
 * place and the units ever part of it (at most `limit` seeds). Each level walks the domain
 * relationships of the previous level's new nodes, at most FANOUT relationships per node and
 * `limit × 3` per level, in storage order, and keeps new nodes until `limit` nodes are held: a hub
 * is never expanded whole, so the subgraph is a sample of its neighbourhood, and `truncated` says
 * when a cap cut it. The edges are the relationships walked between kept nodes (those between two
 * nodes of the last level are not walked).
 */

/** Most relationships walked from one node. */
export const FANOUT = 50;

export type SeedBy = { ids: readonly string[] } | { field: string } | { place: string };

export interface SubgraphNode {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly hops: number;
  /** Stored whole-graph scores, when precomputed. */
  readonly storedPageRank: number | null;
  readonly storedCommunity: number | null;
  /** When it holds (elementDates.ts): a partial ISO date, or null. */
  readonly start: string | null;
  readonly end: string | null;
  readonly confidence: Confidence | null;
}

export interface SubgraphEdge {
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly confidence: Confidence | null;
}

export interface Subgraph {
  /** Every id the seed selection found, before the limit. */
  readonly seedIds: readonly string[];
  readonly nodes: readonly SubgraphNode[];
  readonly edges: readonly SubgraphEdge[];
  readonly truncated: boolean;
}

const SEEDS = `
CALL () {
  MATCH (s:Entity) WHERE s.id IN $ids RETURN s
  UNION
  MATCH (:Field {id: $field})<-[:PART_OF*0..4]-(s:Field) RETURN s
  UNION
  MATCH (:Place {id: $place})<-[:PART_OF|LOCATED_IN*0..5]-(s:Place) RETURN s
}
WITH collect(DISTINCT s) AS found
WITH [s IN found | s.id] AS seedIds, found[..$limit] AS seen0, size(found) > $limit AS capped0
WITH seedIds, seen0, seen0 AS frontier0, [] AS rels0, capped0`;

function level(k: number): string {
  const p = k - 1;
  const frontiers = Array.from({ length: k + 1 }, (_, i) => `frontier${i}`).join(', ');
  return `
CALL (seen${p}, frontier${p}) {
  UNWIND frontier${p} AS n
  CALL (n) {
    MATCH (n)-[r]-(m:Entity) WHERE type(r) IN $types
    WITH r, m LIMIT $fanout
    RETURN collect({r: r, m: m}) AS hits
  }
  WITH size(hits) >= $fanout AS full, hits
  UNWIND hits AS hit
  WITH full, hit LIMIT $levelCap
  WITH collect(DISTINCT hit.m) AS reached, count(*) >= $levelCap OR any(f IN collect(full) WHERE f) AS full,
       collect({from: startNode(hit.r).id, to: endNode(hit.r).id, type: type(hit.r), start: ${relationshipStartCypher('hit.r')}, end: ${relationshipEndCypher('hit.r')}, confidence: hit.r.confidence}) AS walked
  WITH walked, full, [m IN reached WHERE NOT m IN seen${p}] AS fresh
  RETURN walked AS walked${k}, fresh[..($limit - size(seen${p}))] AS frontier${k}, full OR size(fresh) > $limit - size(seen${p}) AS cut${k}
}
WITH seedIds, seen${p} + frontier${k} AS seen${k}, ${frontiers}, rels${p} + walked${k} AS rels${k}, capped${p} OR cut${k} AS capped${k}`;
}

const decodeSubgraphRow = object<{ seedIds: string[]; nodes: SubgraphNode[]; edges: SubgraphEdge[]; truncated: boolean }>({
  seedIds: array(string),
  nodes: array(
    object<SubgraphNode>({
      id: string,
      kind: string,
      name: string,
      hops: number,
      storedPageRank: nullable(number),
      storedCommunity: nullable(number),
      start: looseDate,
      end: looseDate,
      confidence: looseConfidence,
    }),
  ),
  edges: array(
    object<SubgraphEdge>({
      from: string,
      to: string,
      type: string,
      start: looseDate,
      end: looseDate,
      confidence: looseConfidence,
    }),
  ),
  truncated: boolean,
});

/** Given a depth (1 to 3), returns the expansion statement for it. */
export function subgraphCypher(depth: number): string {
  const levels = Array.from({ length: depth }, (_, i) => level(i + 1)).join('\n');
  const hops = Array.from(
    { length: depth + 1 },
    (_, i) =>
      `[n IN frontier${i} | n {.id, .name, kind: toUpper([l IN labels(n) WHERE l <> 'Entity'][0]), hops: ${i}, storedPageRank: n.pagerank, storedCommunity: n.community, start: ${nodeStartCypher('n')}, end: ${nodeEndCypher('n')}, confidence: n.confidence}]`,
  );
  return `${SEEDS}\n${levels}\nRETURN seedIds, ${hops.join(' + ')} AS nodes, rels${depth} AS edges, capped${depth} AS truncated`;
}

/**
 * Given how to seed, a depth (1 to 3) and a node limit, returns the bounded subgraph with each
 * node's hops from the seeds and the relationships walked between kept nodes, deduplicated. One
 * database round trip.
 */
export async function extractSubgraph(graph: Graph, seedBy: SeedBy, depth: number, limit: number): Promise<Subgraph> {
  const params = {
    ids: 'ids' in seedBy ? seedBy.ids : null,
    field: 'field' in seedBy ? seedBy.field : null,
    place: 'place' in seedBy ? seedBy.place : null,
    types: RELATIONSHIP_TYPES,
    fanout: FANOUT,
    limit,
    levelCap: limit * 3,
  };
  const rows = await graph.read(subgraphCypher(depth), params);
  const row = decode('influenceSubgraph', rows[0], decodeSubgraphRow);
  const nodes = row.nodes;
  const kept = new Set(nodes.map((n) => n.id));
  const edges = new Map<string, SubgraphEdge>();
  for (const edge of row.edges) {
    if (kept.has(edge.from) && kept.has(edge.to)) edges.set(`${edge.from}|${edge.type}|${edge.to}`, edge);
  }
  return {
    seedIds: row.seedIds,
    nodes,
    edges: [...edges.values()],
    truncated: row.truncated,
  };
}

import { RELATIONSHIP_TYPES } from '../../domain/relationships';
import type { Graph } from '../../neo4j/createGraph';
import { array, decode, nullable, number, object, string } from '../../neo4j/decode';
import {
  looseConfidence,
  looseDate,
  nodeEndCypher,
  nodeStartCypher,
  relationshipEndCypher,
  relationshipStartCypher,
} from './elementDates';
import { detectEngines, type EngineName } from './graphEngines';
import { scoreSubgraph, type InfluenceNetwork } from './influenceNetwork';
import type { Subgraph, SubgraphEdge, SubgraphNode } from './influenceSubgraph';

/**
 * The network of an explorer view: exactly the nodes named (no expansion) and the domain
 * relationships between them, scored like an influence network. It is how a shared view is
 * restored with the same nodes, and how the explorer rescores what it shows after an expansion.
 *
 * Relationships are found by walking each node's outgoing relationships: in this model the hubs
 * are hubs of incoming ones (a field's ACTIVE_IN, a place's OCCURRED_IN), so no hub is expanded whole.
 */
export const VIEW_SUBGRAPH_CYPHER = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS n
  MATCH (n)-[r]->(m:Entity)
  WHERE type(r) IN $types AND m.id IN $ids
  RETURN collect({from: n.id, to: m.id, type: type(r), start: ${relationshipStartCypher('r')}, end: ${relationshipEndCypher('r')}, confidence: r.confidence}) AS edges
}
RETURN [n IN nodes | n {.id, .name, kind: toUpper([l IN labels(n) WHERE l <> 'Entity'][0]), hops: 0,
  storedPageRank: n.pagerank, storedCommunity: n.community,
  start: ${nodeStartCypher('n')}, end: ${nodeEndCypher('n')}, confidence: n.confidence}] AS nodes, edges`;

/** Most nodes a view may name: the influence network's own limit. */
export const VIEW_LIMIT = 2000;

const decodeViewRow = object<{ nodes: SubgraphNode[]; edges: SubgraphEdge[] }>({
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
});

export interface ViewNetwork {
  readonly network: InfluenceNetwork;
  /** Ids named that no node has (deleted or merged since the view was saved), in the order given. */
  readonly missing: readonly string[];
}

export type ViewNetworkResult =
  { readonly found: true; readonly view: ViewNetwork } | { readonly found: false; readonly engineUnavailable: EngineName };

/**
 * Given distinct ids (1 to VIEW_LIMIT, validated by the caller) and engine choices, returns the
 * induced network scored as influenceNetwork scores, every node at hop 0, and the ids not found;
 * or that a forced engine is missing. One round trip, plus GDS's.
 */
export async function viewNetwork(
  graph: Graph,
  ids: readonly string[],
  options: { engine: EngineName | null; recompute: boolean },
): Promise<ViewNetworkResult> {
  const engines = await detectEngines(graph);
  if (options.engine === 'GDS' && !engines.gds) return { found: false, engineUnavailable: 'GDS' };
  const engine: EngineName = options.engine ?? (engines.gds ? 'GDS' : 'GRAPHOLOGY');
  const rows = await graph.read(VIEW_SUBGRAPH_CYPHER, { ids, types: RELATIONSHIP_TYPES });
  const row = decode('viewNetwork', rows[0], decodeViewRow);
  const present = new Set(row.nodes.map((n) => n.id));
  const subgraph: Subgraph = { seedIds: [...present], nodes: row.nodes, edges: row.edges, truncated: false };
  const network = await scoreSubgraph(graph, subgraph, engine, engines.gdsVersion, {
    depth: 0,
    limit: ids.length,
    engine,
    recompute: options.recompute,
  });
  return { found: true, view: { network, missing: ids.filter((id) => !present.has(id)) } };
}

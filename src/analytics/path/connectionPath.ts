import type { Graph } from '../../neo4j/createGraph';
import { RELATIONSHIP_TYPES, cypherTypes, type RelationshipType } from '../../domain/relationships';
import { factSentence, type FactProperties } from './factSentence';
import { array, decode, nullable, object, oneOf, string } from '../../neo4j/decode';
import { decodeAnalysisNode, type AnalysisNode } from '../shared/figures';

/**
 * The path rule: the shortest chains (allShortestPaths, either direction) over the domain
 * relationships, at most maxHops long. By default a chain may not pass through a Story: every
 * story FEATURES many entities, so "both appear in the same article" would link almost anything in
 * two hops and explain nothing; a story may still be an end of the chain. Among equally short
 * chains the best-sourced wins: most CONFIRMED facts (CONFIRMED 2, SINGLE_SOURCE 1, UNVERIFIED 0
 * summed), then the weakest fact strongest, then node ids in order. Up to 100 chains are compared.
 */

/** Confidence weights for ranking chains. */
const CONFIDENCE_WEIGHT: Readonly<Record<string, number>> = { CONFIRMED: 2, SINGLE_SOURCE: 1, UNVERIFIED: 0 };

/** Most chains compared among the shortest. */
export const MAX_CHAINS = 100;

/** Given the most hops (validated 1..10), returns the statement; the bound is part of the pattern. */
export function connectionPathCypher(maxHops: number): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 10) throw new RangeError(`maxHops ${maxHops} is outside 1..10`);
  return `
OPTIONAL MATCH (a:Entity {id: $fromId})
OPTIONAL MATCH (b:Entity {id: $toId})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[:${cypherTypes(RELATIONSHIP_TYPES)}*..${maxHops}]-(b))
  WHERE $viaStories OR all(n IN nodes(p) WHERE n = a OR n = b OR NOT n:Story)
  WITH p LIMIT ${MAX_CHAINS}
  RETURN collect({
    nodes: [n IN nodes(p) | n {.id, .name, kind: toUpper([l IN labels(n) WHERE l <> 'Entity'][0])}],
    rels: [r IN relationships(p) | {type: type(r), start: startNode(r).id, end: endNode(r).id, props: properties(r)}]
  }) AS chains
}
RETURN a {.id, .name, kind: toUpper([l IN labels(a) WHERE l <> 'Entity'][0])} AS source,
       b {.id, .name, kind: toUpper([l IN labels(b) WHERE l <> 'Entity'][0])} AS target, chains`;
}

interface StoredFact {
  type: RelationshipType;
  start: string;
  end: string;
  props: FactProperties & { sources?: string[] | null; confidence?: string | null; note?: string | null };
}

/** A fact's stored properties as read: those it lacks are null. */
type StoredProperties = { [K in keyof FactProperties]-?: string | null } & {
  sources: string[] | null;
  confidence: string | null;
  note: string | null;
};

/** A chain as the statement returns it: n+1 nodes and n facts, in walking order. */
export interface Chain {
  nodes: AnalysisNode[];
  rels: StoredFact[];
}

export interface PathStep {
  readonly from: AnalysisNode;
  readonly to: AnalysisNode;
  readonly type: RelationshipType;
  readonly direction: 'FORWARD' | 'BACKWARD';
  readonly sentence: string;
  readonly role: string | null;
  readonly sources: readonly string[];
  readonly confidence: string;
  readonly note: string | null;
}

export interface ConnectionPath {
  readonly from: AnalysisNode;
  readonly to: AnalysisNode;
  readonly maxHops: number;
  readonly viaStories: boolean;
  readonly found: boolean;
  readonly hops: number | null;
  readonly steps: readonly PathStep[];
  readonly explanation: string;
  readonly alternatives: number;
}

function weights(chain: Chain): number[] {
  return chain.rels.map((r) => CONFIDENCE_WEIGHT[r.props.confidence ?? ''] ?? 0);
}

/** Given equally short chains, returns them best-sourced first (the rule above); pure. */
export function rankChains(chains: readonly Chain[]): Chain[] {
  const key = (chain: Chain) => {
    const w = weights(chain);
    return { total: w.reduce((s, v) => s + v, 0), weakest: Math.min(...w), ids: chain.nodes.map((n) => n.id).join('|') };
  };
  return [...chains].sort((x, y) => {
    const a = key(x);
    const b = key(y);
    return b.total - a.total || b.weakest - a.weakest || a.ids.localeCompare(b.ids);
  });
}

/** Given a chain, returns its steps in walking order, each fact said in words; pure. */
export function explainChain(chain: Chain): PathStep[] {
  return chain.rels.map((fact, i) => {
    const from = chain.nodes[i]!;
    const to = chain.nodes[i + 1]!;
    const forward = fact.start === from.id;
    const [start, end] = forward ? [from, to] : [to, from];
    return {
      from,
      to,
      type: fact.type,
      direction: forward ? 'FORWARD' : 'BACKWARD',
      sentence: factSentence(fact.type, start.name, end.name, fact.props),
      role: fact.props.role ?? null,
      sources: fact.props.sources ?? [],
      confidence: fact.props.confidence ?? 'UNVERIFIED',
      note: fact.props.note ?? null,
    };
  });
}

const text = nullable(string);
const decodeChain = object<Chain>({
  nodes: array(decodeAnalysisNode),
  rels: array(
    object<StoredFact>({
      type: oneOf(RELATIONSHIP_TYPES),
      start: string,
      end: string,
      props: object<StoredProperties>({
        role: text,
        since: text,
        until: text,
        validFrom: text,
        validTo: text,
        date: text,
        instrument: text,
        sources: nullable(array(string)),
        confidence: text,
        note: text,
      }),
    }),
  ),
});
const decodePathRow = object<{ source: AnalysisNode | null; target: AnalysisNode | null; chains: Chain[] }>({
  source: nullable(decodeAnalysisNode),
  target: nullable(decodeAnalysisNode),
  chains: array(decodeChain),
});

export type ConnectionPathResult = { found: true; path: ConnectionPath } | { found: false; missing: 'fromId' | 'toId' };

/**
 * Given two distinct ids, the most hops and whether chains may pass through stories, returns the
 * best shortest chain explained, an answer with found: false when none is that short, or which id
 * does not exist. One database round trip.
 */
export async function connectionPath(
  graph: Graph,
  fromId: string,
  toId: string,
  maxHops: number,
  viaStories: boolean,
): Promise<ConnectionPathResult> {
  const rows = await graph.read(connectionPathCypher(maxHops), { fromId, toId, viaStories });
  const { source, target, chains } = decode('connectionPath', rows[0], decodePathRow);
  if (!source) return { found: false, missing: 'fromId' };
  if (!target) return { found: false, missing: 'toId' };
  const [best, ...others] = rankChains(chains);
  const steps = best ? explainChain(best) : [];
  return {
    found: true,
    path: {
      from: source,
      to: target,
      maxHops,
      viaStories,
      found: best !== undefined,
      hops: best ? steps.length : null,
      steps,
      explanation: best
        ? `${steps.map((s) => s.sentence).join('; ')}.`
        : `No chain of at most ${maxHops} facts links ${source.name} and ${target.name}${viaStories ? '' : ' without passing through a story'}.`,
      alternatives: others.length,
    },
  };
}

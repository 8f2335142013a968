import { cypherIsExemplar } from '../../domain/exemplar';
import { RELATIONSHIP_TYPES } from '../../domain/relationships';
import type { Graph } from '../../neo4j/createGraph';
import { array, decode, nullable, number, object, string } from '../../neo4j/decode';

/**
 * Where the explorer opens: the most central exemplars of the whole graph. When whole-graph scores
 * are stored (`npm run precompute:scores` writes `pagerank`), by stored PageRank; else by degree
 * (domain relationships), which needs no precomputation. Ties by id, so the choice is stable.
 */
export const CENTRAL_EXEMPLARS_CYPHER = `
MATCH (x:Entity)
WHERE ${cypherIsExemplar('x')}
WITH x, x.pagerank AS rank, COUNT { (x)-[r]-(:Entity) WHERE type(r) IN $types } AS degree
ORDER BY CASE WHEN rank IS NULL THEN 1 ELSE 0 END, rank DESC, degree DESC, x.id
LIMIT $limit
RETURN x.id AS id, toUpper([l IN labels(x) WHERE l <> 'Entity'][0]) AS kind, x.name AS name, rank, degree`;

export interface CentralExemplar {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  /** The stored whole-graph PageRank, or null when scores are not precomputed. */
  readonly pageRank: number | null;
  readonly degree: number;
}

export interface CentralExemplars {
  /** PAGERANK when the first exemplar has a stored score (the precompute scores every node), else DEGREE. */
  readonly rankedBy: 'PAGERANK' | 'DEGREE';
  readonly exemplars: readonly CentralExemplar[];
}

const decodeRow = object<{ id: string; kind: string; name: string; rank: number | null; degree: number }>({
  id: string,
  kind: string,
  name: string,
  rank: nullable(number),
  degree: number,
});

/** Given a limit (validated by the caller), returns the most central exemplars; one round trip. */
export async function centralExemplars(graph: Graph, limit: number): Promise<CentralExemplars> {
  const rows = await graph.read(CENTRAL_EXEMPLARS_CYPHER, { types: RELATIONSHIP_TYPES, limit });
  const exemplars = decode('centralExemplars', rows, array(decodeRow)).map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    pageRank: r.rank,
    degree: r.degree,
  }));
  return { rankedBy: exemplars[0]?.pageRank !== null && exemplars[0] !== undefined ? 'PAGERANK' : 'DEGREE', exemplars };
}

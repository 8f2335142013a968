import { cypherHasExemplarLabel } from '../../domain/exemplar';
import type { Graph } from '../../neo4j/createGraph';
import { array, decode, nullable, object, string } from '../../neo4j/decode';
import type { AnalysisNode } from '../shared/figures';
import { AWARD_ON, EVENT_ON } from '../shared/period';
import {
  decodeCompactRollupRow,
  decodeRollupPlace,
  hydrateRollups,
  ROLLUP_SUBQUERY,
  unitsThen,
  type CompactRollupRow,
  type RollupPlace,
} from '../shared/placeRollup';

/**
 * What the explorer filters a node by besides its kind and dates: the fields it belongs to and the
 * provinces it is tied to, then and now.
 *
 * Fields: a field is itself; an exemplar has the fields it is ACTIVE_IN; an event has those of the
 * exemplars who took part, an award those of its recipients, a story those of the exemplars and
 * fields it features, a movement those of its exemplars (EXEMPLAR_OF). Each with its broader fields
 * (PART_OF, 4 levels up), so "public security" keeps a crime-suppression officer.
 *
 * Provinces: through the place rollup (shared/placeRollup.ts) from the node's places: a place
 * itself; an event's OCCURRED_IN places on its date; an award's event places and its recipients'
 * places on its date; where a person, collective or agency is LOCATED_IN, and where a person's
 * agencies (MEMBER_OF) are; where a movement's launching agency is. `then` keeps the units of
 * level PROVINCE containing those places on the day, `now` today's provinces that succeeded them.
 *
 * Each walk from a node is capped (FACET_CAP), so a national movement's hundred thousand exemplars
 * are sampled, never expanded whole.
 */
export const FACET_CAP = 200;

export const NODE_FACETS_CYPHER = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  CALL (n) {
    WITH n AS x WHERE ${cypherHasExemplarLabel('x')} RETURN x
    UNION
    MATCH (n:Event)<-[:TOOK_PART_IN]-(x) WHERE ${cypherHasExemplarLabel('x')} WITH x LIMIT $cap RETURN x
    UNION
    MATCH (n:Award)<-[:RECEIVED]-(x) WHERE ${cypherHasExemplarLabel('x')} WITH x LIMIT $cap RETURN x
    UNION
    MATCH (n:Story)-[:FEATURES]->(x) WHERE ${cypherHasExemplarLabel('x')} WITH x LIMIT $cap RETURN x
    UNION
    MATCH (n:Movement)<-[:EXEMPLAR_OF]-(x) WITH x LIMIT $cap RETURN x
  }
  RETURN collect(x) AS exemplars
}
CALL (n, exemplars) {
  CALL (n, exemplars) {
    UNWIND exemplars AS x
    MATCH (x)-[:ACTIVE_IN]->(f:Field) RETURN f
    UNION
    WITH n AS f WHERE f:Field RETURN f
    UNION
    MATCH (n:Story)-[:FEATURES]->(f:Field) RETURN f
  }
  MATCH (f)-[:PART_OF*0..4]->(b:Field)
  RETURN collect(DISTINCT b.id) AS fields
}
CALL (n) {
  CALL (n) {
    WITH n AS p WHERE p:Place RETURN p, null AS day
    UNION
    MATCH (n:Event)-[:OCCURRED_IN]->(p:Place) RETURN p, ${EVENT_ON('n')} AS day
    UNION
    MATCH (n:Award)-[:FOR_EVENT]->(:Event)-[:OCCURRED_IN]->(p:Place) RETURN p, ${AWARD_ON('n')} AS day
    UNION
    MATCH (n:Award)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) RETURN p, ${AWARD_ON('n')} AS day
    UNION
    MATCH (n)-[:LOCATED_IN]->(p:Place) WHERE n:Person OR n:Collective OR n:Agency RETURN p, null AS day
    UNION
    MATCH (n:Person)-[:MEMBER_OF]->(:Agency)-[:LOCATED_IN]->(p:Place) RETURN p, null AS day
    UNION
    MATCH (n:Movement)-[:LAUNCHED_BY]->(:Agency)-[:LOCATED_IN]->(p:Place) RETURN p, null AS day
  }
  WITH p, day LIMIT $cap
  RETURN collect({place: p.id, day: day}) AS places
}
WITH collect({id: n.id, fields: fields, places: places}) AS facets
CALL (facets) {
  UNWIND facets AS facet
  UNWIND facet.places AS anchor
  RETURN collect(anchor) AS anchors
}
${ROLLUP_SUBQUERY}
RETURN facets, rollups, rollupPlaces`;

interface FacetsRow {
  facets: { id: string; fields: string[]; places: { place: string; day: string | null }[] }[];
  rollups: CompactRollupRow[];
  rollupPlaces: RollupPlace[];
}

const decodeFacetsRow = object<FacetsRow>({
  facets: array(
    object<FacetsRow['facets'][number]>({
      id: string,
      fields: array(string),
      places: array(object<{ place: string; day: string | null }>({ place: string, day: nullable(string) })),
    }),
  ),
  rollups: array(decodeCompactRollupRow),
  rollupPlaces: array(decodeRollupPlace),
});

export interface NodeFacets {
  readonly fields: readonly string[];
  readonly provinces: { readonly then: readonly AnalysisNode[]; readonly now: readonly AnalysisNode[] };
}

const NO_FACETS: NodeFacets = { fields: [], provinces: { then: [], now: [] } };

/** Given the row of the facets statement, returns each id's facets (none for an id not found), in key order; pure. */
export function facetsFromRow(ids: readonly string[], row: FacetsRow): NodeFacets[] {
  const rollups = new Map(hydrateRollups(row.rollups, row.rollupPlaces).map((r) => [r.place, r]));
  const byId = new Map(
    row.facets.map((facet) => {
      const then = new Map<string, AnalysisNode>();
      const now = new Map<string, AnalysisNode>();
      for (const { place, day } of facet.places) {
        const rollup = rollups.get(place);
        if (!rollup) continue;
        for (const unit of unitsThen(rollup, day)) {
          if (unit.level === 'PROVINCE') then.set(unit.id, { id: unit.id, kind: 'PLACE', name: unit.name });
        }
        for (const unit of rollup.now) {
          if (unit.level === 'PROVINCE') now.set(unit.id, { id: unit.id, kind: 'PLACE', name: unit.name });
        }
      }
      const sorted = (m: Map<string, AnalysisNode>) => [...m.values()].sort((a, b) => a.id.localeCompare(b.id));
      return [facet.id, { fields: [...facet.fields].sort(), provinces: { then: sorted(then), now: sorted(now) } }] as const;
    }),
  );
  return ids.map((id) => byId.get(id) ?? NO_FACETS);
}

/** Given node ids, returns their facets in the same order: one round trip for the whole batch. */
export async function nodeFacetsBatch(graph: Graph, ids: readonly string[]): Promise<NodeFacets[]> {
  const rows = await graph.read(NODE_FACETS_CYPHER, { ids, cap: FACET_CAP });
  return facetsFromRow(ids, decode('nodeFacets', rows[0], decodeFacetsRow));
}

import type { Graph } from '../../neo4j/createGraph';
import { AWARD_ON, EVENT_ON, STORY_ON } from '../../analytics/shared/period';
import { ROLLUP_SUBQUERY, hydrateRollups, type CompactRollupRow, type RollupPlace } from '../../analytics/shared/placeRollup';

interface FieldRow {
  id: string;
  broader: string[];
}
interface ExemplarRow {
  id: string;
  fields: string[];
  memberOf: string[];
}
interface EventRow {
  id: string;
  on: string | null;
  places: string[];
  agencies: string[];
  participants: string[];
}
interface AwardRow {
  id: string;
  on: string | null;
  form: string | null;
  level: string | null;
  conferredBy: string[];
  recipients: string[];
  events: string[];
  homes: string[];
}
interface StoryRow {
  id: string;
  on: string | null;
  features: string[];
}

/** Given a graph, reads everything the cube is built from, in a few whole-graph statements run side by side. */
export async function readCubeInput(graph: Graph) {
  const [fields, exemplars, events, awards, stories, agencies, places] = await Promise.all([
    graph.read(`MATCH (f:Field) RETURN f.id AS id, COLLECT { MATCH (f)-[:PART_OF*1..4]->(b:Field) RETURN DISTINCT b.id } AS broader`),
    graph.read(`
      MATCH (x) WHERE (x:Person OR x:Collective) AND EXISTS { (x)-[:ACTIVE_IN]->(:Field) }
      RETURN x.id AS id, [(x)-[:ACTIVE_IN]->(f:Field) | f.id] AS fields, [(x)-[:MEMBER_OF]->(g:Agency) | g.id] AS memberOf`),
    graph.read(`
      MATCH (e:Event)
      RETURN e.id AS id, ${EVENT_ON('e')} AS on, [(e)-[:OCCURRED_IN]->(p:Place) | p.id] AS places,
             [(g:Agency)-[:TOOK_PART_IN]->(e) | g.id] AS agencies,
             [(x)-[:TOOK_PART_IN]->(e) WHERE x:Person OR x:Collective | x.id] AS participants`),
    graph.read(`
      MATCH (a:Award)
      RETURN a.id AS id, ${AWARD_ON('a')} AS on, a.form AS form, a.level AS level,
             [(a)-[:CONFERRED_BY]->(g:Agency) | g.id] AS conferredBy,
             [(x)-[:RECEIVED]->(a) WHERE x:Person OR x:Collective | x.id] AS recipients,
             [(a)-[:FOR_EVENT]->(e:Event) | e.id] AS events,
             [(a)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) | p.id] AS homes`),
    graph.read(`MATCH (s:Story) RETURN s.id AS id, ${STORY_ON('s')} AS on, [(s)-[:FEATURES]->(t) | t.id] AS features`),
    graph.read('MATCH (g:Agency) RETURN g.id AS id, g.name AS name'),
    graph.read(`MATCH (p:Place) WITH collect({place: p.id}) AS anchors ${ROLLUP_SUBQUERY} RETURN rollups, rollupPlaces`),
  ]);
  const placeRow = places[0] as { rollups: CompactRollupRow[]; rollupPlaces: RollupPlace[] };
  return {
    fields: fields as unknown as FieldRow[],
    exemplars: exemplars as unknown as ExemplarRow[],
    events: events as unknown as EventRow[],
    awards: awards as unknown as AwardRow[],
    stories: stories as unknown as StoryRow[],
    agencies: agencies as unknown as { id: string; name: string }[],
    rollups: hydrateRollups(placeRow.rollups, placeRow.rollupPlaces),
    rollupPlaces: placeRow.rollupPlaces,
  };
}

export type CubeInput = Awaited<ReturnType<typeof readCubeInput>>;

import type { Graph } from '../../neo4j/createGraph';
import { array, decode, number, object, string } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';

/**
 * The undated side of the dashboard rule (fieldDashboard.ts). In a dashboard's scope (the field
 * with its narrower fields; the place with every unit ever part of it, when given) a fact is
 * undated when no period can count it: an event, award or story with no date, or a stored one
 * that is no partial date (read as undated, never an error); an exemplar when every event and
 * award that brings them into the scope is undated. The scope is the rule's over all dates, so
 * the answer does not depend on the period asked.
 */
export const FIELD_DASHBOARD_UNDATED_CYPHER = loadCypher(__dirname, 'undatedFacts.cypher');

/** How many undated ids a dashboard lists unless told otherwise; the count is always exact. */
export const UNDATED_FIRST = 100;

export interface UndatedFacts {
  /** How many distinct undated facts the scope holds. */
  readonly count: number;
  /** The first of their ids, sorted. */
  readonly ids: readonly string[];
}

const decodeUndated = object<UndatedFacts>({ count: number, ids: array(string) });

/**
 * Given a field id, an optional place id and how many ids to list, returns the scope's undated
 * facts: their exact count and the first `first` ids, sorted. One round trip; an unknown field or
 * place has none (the dashboard has already answered NOT_FOUND for it).
 */
export async function undatedFacts(graph: Graph, field: string, place: string | null, first: number): Promise<UndatedFacts> {
  const rows = await graph.read(FIELD_DASHBOARD_UNDATED_CYPHER, { field, place, first });
  return rows[0] === undefined ? { count: 0, ids: [] } : decode('undatedFacts', rows[0], decodeUndated);
}

import neo4j from 'neo4j-driver';

/** Given an ISO calendar date (YYYY-MM-DD), returns the value the driver stores as a Neo4j Date. */
export function toNeo4jDate(iso: string): unknown {
  const [year, month, day] = iso.split('-').map(Number);
  return new neo4j.types.Date(year ?? 0, month ?? 1, day ?? 1);
}

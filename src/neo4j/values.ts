import neo4j from 'neo4j-driver';

/** Given an ISO calendar date (YYYY-MM-DD), returns the value the driver stores as a Neo4j Date. */
export function toNeo4jDate(iso: string): unknown {
  const [year, month, day] = iso.split('-').map(Number);
  return new neo4j.types.Date(year ?? 0, month ?? 1, day ?? 1);
}

/**
 * Given query parameters, returns them with every safe integer as a Neo4j Integer, deeply: a
 * JavaScript number is a float to Cypher, which LIMIT and integer properties refuse.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toNeo4jParams(inner);
    return out;
  }
  return value;
}

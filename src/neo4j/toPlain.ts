import neo4j from 'neo4j-driver';

/**
 * Given a value returned by the driver, returns plain JavaScript: Integers become numbers (or
 * strings past 2^53), temporals become ISO strings, nodes and relationships their properties, and
 * lists and maps are converted deeply. Nothing above src/neo4j sees a driver type.
 *
 * Strings, numbers and booleans, most of any result, are returned before any driver type is
 * checked, and lists and the driver's maps (plain objects) before the eight checks of driver
 * classes: at L, converting relatedStories' 60 candidates took 0.7 ms of the API's CPU per request,
 * and the driver's type checks on every string another 0.65 (a CPU profile of the API at 8
 * connections).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (neo4j.isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  return plainMap(value as Record<string, unknown>);
}

/**
 * Given a map, returns a new one with each value converted (toPlain). A key named __proto__ (a map
 * a statement built from stored text) is defined as a property, as the driver does, never set as
 * the prototype.
 */
function plainMap(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map)) {
    if (key === '__proto__') {
      Object.defineProperty(out, key, { value: toPlain(map[key]), writable: true, enumerable: true, configurable: true });
    } else out[key] = toPlain(map[key]);
  }
  return out;
}

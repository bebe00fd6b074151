import neo4j from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JSON-friendly values, once, so that no driver
 * object (Integer, temporal, Node) leaves the graph layer.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, booleans and floats are most of what a read returns: nothing to convert.
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (neo4j.isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (isTemporal(value)) return String(value);
  if (isGraphEntity(value)) return toPlain(value.properties);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
  return out;
}

function isTemporal(value: unknown): boolean {
  return (
    neo4j.isDateTime(value as never) ||
    neo4j.isDate(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isDuration(value as never)
  );
}

function isGraphEntity(value: unknown): value is { properties: Record<string, unknown> } {
  return neo4j.isNode(value as never) || neo4j.isRelationship(value as never);
}

/** JavaScript numbers reach Cypher as floats; LIMIT and SKIP need integers. */
export function cypherInt(value: number) {
  return neo4j.int(value);
}

import neo4j from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JSON-friendly values, once, so that no driver
 * object (temporal, Node, big integer) leaves the graph layer. The driver decodes Bolt maps
 * into fresh plain objects owned by the record being read, so those are converted in place
 * rather than copied: a read's answer is mostly maps, and copying each was a second allocation
 * of the whole answer per request.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, booleans and numbers are most of what a read returns: nothing to convert.
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if ((value as object).constructor === Object) {
    const map = value as Record<string, unknown>;
    for (const k in map) {
      const v = map[k];
      if (v === undefined || (v !== null && typeof v === 'object') || typeof v === 'bigint') map[k] = toPlain(v);
    }
    return map;
  }
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isTemporal(value)) return String(value);
  if (isGraphEntity(value)) return toPlain({ ...value.properties });
  // Any other driver value (a point, a path): its own fields, as a plain map.
  return toPlain({ ...(value as Record<string, unknown>) });
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

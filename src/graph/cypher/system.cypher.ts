import { labelOf, NODE_KIND_NAMES } from '../../model/kinds';

/** Which Neo4j answers: name, version and edition of the kernel component. */
export const DB_INFO = `
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN { name: name, version: versions[0], edition: edition } AS info
`;

/**
 * How much the graph holds: nodes per kind, the relationships that are facts, and the derived
 * ones the product computed from them (`$derived`: the table's derived types). Rows: { nodes, relationships, derived }.
 */
export const GRAPH_COUNTS = `
RETURN { ${NODE_KIND_NAMES.map((kind) => `${kind}: COUNT { MATCH (:${labelOf(kind)}) }`).join(', ')} } AS nodes,
       COUNT { ()-[r]->() WHERE NOT type(r) IN $derived } AS relationships,
       COUNT { ()-[r]->() WHERE type(r) IN $derived } AS derived
`;

/**
 * What each import has loaded: one DataSource node per publisher (written by the importer).
 * `counts` is JSON text, decoded by the repository; the source's name is `name`, as served.
 * Rows: { source }.
 */
export const DATA_SOURCES = `
MATCH (d:DataSource)
RETURN d { .key, name: d.source, .version, .licence, .attribution, .state, .counts,
           loadedAt: CASE WHEN d.loadedAt IS NULL THEN null ELSE toString(datetime.truncate('millisecond', d.loadedAt)) END
         } AS source
ORDER BY d.key
`;

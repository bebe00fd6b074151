import { NODE_KIND_NAMES, labelOf, type NodeLabel } from '../../model/kinds';
import type { RelationshipType } from '../../model/relationships';

/*
 * Labels and relationship types cannot be query parameters, so these builders take them only
 * from the model's own tables (typed as literal unions); every value arrives as a parameter.
 */

const OUR_LABELS = NODE_KIND_NAMES.map((kind) => `n:${labelOf(kind)}`).join(' OR ');

export const COUNT_NODES = `MATCH (n) WHERE ${OUR_LABELS} RETURN count(n) AS count`;

export const COUNT_GRAPH = `
MATCH (n) WHERE ${OUR_LABELS}
OPTIONAL MATCH (n)-[r]->()
RETURN count(DISTINCT n) AS nodes, count(r) AS relationships
`;

export const DELETE_ALL = `MATCH (n) WHERE ${OUR_LABELS} DETACH DELETE n`;

/** Rows: { id, props }. Replaces the node's properties with the file's, keeps its identity. */
export const mergeNodes = (label: NodeLabel) => `
UNWIND $rows AS row
OPTIONAL MATCH (existing:${label} {id: row.id})
WITH row, existing IS NULL AS isNew
MERGE (n:${label} {id: row.id})
SET n = row.props, n.updatedAt = datetime()
RETURN count(CASE WHEN isNew THEN 1 END) AS created, count(CASE WHEN NOT isNew THEN 1 END) AS updated
`;

/** Rows: { from, to, props }. One edge per (type, from, to). */
export const mergeRelationships = (type: RelationshipType, fromLabel: NodeLabel, toLabel: NodeLabel) => `
UNWIND $rows AS row
MATCH (a:${fromLabel} {id: row.from})
MATCH (b:${toLabel} {id: row.to})
OPTIONAL MATCH (a)-[existing:${type}]->(b)
WITH a, b, row, existing IS NULL AS isNew
MERGE (a)-[r:${type}]->(b)
SET r = row.props, r.updatedAt = datetime()
RETURN count(CASE WHEN isNew THEN 1 END) AS created, count(CASE WHEN NOT isNew THEN 1 END) AS updated
`;

/** Rows: { id }. Which of the given ids exist under the label. */
export const existingIds = (label: NodeLabel) => `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN n.id AS id
`;

export const exportNodes = (label: NodeLabel) => `
MATCH (n:${label})
RETURN properties(n) AS props
ORDER BY n.id
`;

export const exportRelationships = (type: RelationshipType, fromLabel: NodeLabel, toLabel: NodeLabel) => `
MATCH (a:${fromLabel})-[r:${type}]->(b:${toLabel})
RETURN a.id AS from, b.id AS to, properties(r) AS props
ORDER BY from, to
`;

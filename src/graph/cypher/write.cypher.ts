import { NODE_KIND_NAMES, labelOf, type NodeKind } from '../../model/kinds';
import { RELATIONSHIPS, type RelationshipType } from '../../model/relationships';
import { projection, relationshipProperties } from './projections.cypher';

/*
 * Writes. Labels and relationship types come only from the model's tables; every value is a
 * parameter. Every write stamps updatedAt.
 */

/** Which kinds of node hold each of $ids (one index lookup per label). Rows: { id, kind }. */
export const KINDS_OF_IDS = NODE_KIND_NAMES.map(
  (kind) => `UNWIND $ids AS id MATCH (n:${labelOf(kind)} {id: id}) RETURN id, '${kind}' AS kind`,
).join('\nUNION ALL\n');

/** Creates or updates one node: $props are set (a null removes), $defaults only on creation. */
export const upsertNode = (kind: NodeKind) => `
OPTIONAL MATCH (existing:${labelOf(kind)} {id: $id})
WITH existing IS NULL AS created
MERGE (n:${labelOf(kind)} {id: $id})
ON CREATE SET n += $defaults
SET n += $props, n.updatedAt = datetime()
RETURN created, ${projection(kind, 'n')} AS node
`;

export const deleteNode = (kind: NodeKind) => `
MATCH (n:${labelOf(kind)} {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
`;

const ends = (type: RelationshipType) => {
  const spec = RELATIONSHIPS[type];
  return {
    from: spec.from,
    to: spec.to,
    pattern: `(a:${labelOf(spec.from)} {id: $from}), (b:${labelOf(spec.to)} {id: $to})`,
  };
};

export const link = (type: RelationshipType) => {
  const e = ends(type);
  return `
MATCH ${e.pattern}
OPTIONAL MATCH (a)-[existing:${type}]->(b)
WITH a, b, existing IS NULL AS created
MERGE (a)-[r:${type}]->(b)
ON CREATE SET r += $defaults
SET r += $props, r.updatedAt = datetime()
RETURN created, ${projection(e.from, 'a')} AS from, ${projection(e.to, 'b')} AS to, ${relationshipProperties(type, 'r')} AS properties
`;
};

export const unlink = (type: RelationshipType) => {
  const spec = RELATIONSHIPS[type];
  return `
MATCH (:${labelOf(spec.from)} {id: $from})-[r:${type}]->(:${labelOf(spec.to)} {id: $to})
DELETE r
RETURN count(*) AS deleted
`;
};

import type { NodeKind } from '../model/kinds';
import type { Direction, RelationshipType } from '../model/relationships';

/*
 * A read plan: what one read takes of each node it reaches, compiled once from a query's
 * selection at its root field (src/schema/shared/read-plan.ts). The same plan gives the Cypher
 * (cypher/read-plan.cypher.ts), the loader key of a batched read, and the relationships read
 * in the statement of the nodes themselves, at every level below.
 */

/** The most items any one list read returns (a relationship page, a node's list property). */
export const MAX_FIRST = 1000;

/** What is read of nodes of one kind. */
export interface NodePlan {
  kind: NodeKind;
  /** Stored properties, as the GraphQL type names them (`__typename` and `id` are always read). */
  fields: readonly string[];
  /** Relationships read at these nodes, answered under `PLANNED` by their `key`. */
  relations: readonly RelationPlan[];
}

export type RelationRead = 'nodes' | 'links' | 'count';

/** One relationship read at a node: its far ends (or their links, or how many there are). */
export interface RelationPlan {
  key: string;
  type: RelationshipType;
  direction: Direction;
  read: RelationRead;
  /** Page size and order (a property of the relationship, or null for the far end's name). */
  first: number;
  orderBy: string | null;
  /** What is read of the far ends; null for a count. */
  node: NodePlan | null;
}

/** Where a node record carries the relationships its plan read: `record[PLANNED][key]`. */
export const PLANNED = '_planned';

export type PlannedRecord = { id: string; [PLANNED]?: Record<string, unknown> };

/**
 * The key of a relationship read: same key, same answer, whatever the field's name (a
 * deprecated alias shares its field's answer).
 */
export function relationKey(
  type: RelationshipType,
  direction: Direction,
  read: RelationRead,
  first: number,
  orderBy: string | null,
): string {
  return read === 'count' ? `${type}:${direction}:count` : `${type}:${direction}:${read}:${first}:${orderBy ?? 'name'}`;
}

/** A plan that reads only the nodes' `__typename` and `id`: enough to know they exist. */
export const idPlan = (kind: NodeKind): NodePlan => ({ kind, fields: [], relations: [] });

/** Whether the plan reads no more of its nodes than their names (the traversals' lean shape). */
export const readsOnlyNames = (plan: NodePlan) => plan.fields.every((f) => f === 'name');

/** Two plans of the same kind as one: every field and relationship either reads. */
export function mergePlans(a: NodePlan, b: NodePlan): NodePlan {
  const relations = new Map(a.relations.map((r) => [r.key, r]));
  for (const r of b.relations) {
    const known = relations.get(r.key);
    relations.set(r.key, known?.node && r.node ? { ...known, node: mergePlans(known.node, r.node) } : r);
  }
  return {
    kind: a.kind,
    fields: [...new Set([...a.fields, ...b.fields])].sort(),
    relations: [...relations.values()].sort((x, y) => x.key.localeCompare(y.key)),
  };
}

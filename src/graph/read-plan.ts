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
  /**
   * Stored properties, as the GraphQL type names them (`__typename` and `id` are always read);
   * of an object-valued one, the parts asked as `field.part` (see `partField`).
   */
  fields: readonly string[];
  /** Relationships read at these nodes, answered under `PLANNED` by their `key`. */
  relations: readonly RelationPlan[];
  /**
   * Set when the selection asks nothing of these nodes but stored fields (not their id, nor a
   * computed field, nor `__typename`): the far ends of a relationship read are then projected
   * without `__typename` and `id`, which a list of one object type needs neither of. A root
   * field's nodes are looked up, paged and told apart by id, so their reads ignore it.
   */
  storedOnly?: true;
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

/**
 * Where a node record carries the relationships its plan read: `record[PLANNED][key]`, a list,
 * a count, or a column of one field's values (read it through `plannedItems`).
 */
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

/** A plan's field naming one part of an object-valued field (`salary.min`): only named parts are read. */
export const partField = (field: string, part: string) => `${field}.${part}`;

/** A plan's field as [field, part], the part null when the field is read whole. */
export function splitField(planned: string): [string, string | null] {
  const dot = planned.indexOf('.');
  return dot < 0 ? [planned, null] : [planned.slice(0, dot), planned.slice(dot + 1)];
}

/** A plan that reads only the nodes' `__typename` and `id`: enough to know they exist. */
export const idPlan = (kind: NodeKind): NodePlan => ({ kind, fields: [], relations: [] });

/** Whether the plan reads no more of its nodes than their names (the traversals' lean shape). */
export const readsOnlyNames = (plan: NodePlan) => plan.fields.every((f) => f === 'name');

/**
 * The one field a relationship read's far ends are asked when that is all they are asked (a
 * role's tools by name), else null. Such a read returns that field's values as one column,
 * `{ name: [...] }`, instead of a map per item that the driver decodes and the API drops: W2's
 * API CPU per request 19–42% less (bench/results/2026-12-04-columns-pairs.txt).
 */
export const soleField = (plan: NodePlan): string | null =>
  plan.storedOnly && plan.fields.length === 1 ? plan.fields[0]! : null;

/**
 * A relationship read's answer as its record holds it, made what the field returns: a column
 * (see `soleField`) becomes one item per value; a list of items or a count is returned as it is.
 */
export function plannedItems(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  for (const field in value) return (value as Record<string, unknown[]>)[field]!.map((v) => ({ [field]: v }));
  return value;
}

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
    ...(a.storedOnly && b.storedOnly ? { storedOnly: true as const } : {}),
  };
}

// Plans live as long as their document's cache entry: what each shares is worked out once per plan.
const sharedOf = new WeakMap<NodePlan, readonly RelationPlan[]>();

/**
 * The relationship reads of a page's nodes whose far ends read relationships of their own
 * (roles → tools → who uses them). On a page, one far node is often reached from many of its
 * nodes (a popular tool under many roles), and read inline it would read its own relationships
 * once per parent: these are read once per distinct far node instead, and joined back by id
 * (`joinShared`). On the large graph's first 50 roles, their tools and who uses each, that is
 * 283 distinct tools in 507 places, and the repeated ones are the most used.
 */
export function sharedReads(plan: NodePlan): readonly RelationPlan[] {
  let reads = sharedOf.get(plan);
  if (!reads) {
    reads = plan.relations.filter((r) => r.read !== 'count' && r.node !== null && r.node.relations.length > 0);
    sharedOf.set(plan, reads);
  }
  return reads;
}

/**
 * Puts back, in each page record, the far nodes of `plan`'s shared reads, which the statement
 * gives once each in `shared` (one list per read, in `sharedReads` order) and by id in place.
 */
export function joinShared(records: readonly PlannedRecord[], plan: NodePlan, shared: readonly unknown[][]): void {
  sharedReads(plan).forEach((read, k) => {
    const byId = new Map((shared[k] as PlannedRecord[]).map((node) => [node.id, node]));
    const nodeOf = (id: unknown) => {
      const node = byId.get(id as string);
      if (!node) throw new Error(`A shared read (${read.key}) names ${String(id)}, which it did not return`);
      return node;
    };
    for (const record of records) {
      const planned = record[PLANNED]!;
      const items = planned[read.key] as unknown[];
      planned[read.key] =
        read.read === 'links'
          ? items.map((link) => ({ ...(link as object), node: nodeOf((link as { node: unknown }).node) }))
          : items.map(nodeOf);
    }
  });
}

import DataLoader from 'dataloader';
import type { NodeKind } from '../../model/kinds';
import { PLANNED, plannedItems, type NodePlan, type PlannedRecord, type RelationPlan } from '../read-plan';
import type { CareerPathRecord, NodeRecord, RoleSimilarityRecord } from '../records';
import type { Repositories } from '../repositories';
import type { PathQuery } from '../repositories/routes.repository';
import type { AnswerShape } from '../repositories/traversal.repository';

const SEPARATOR = '\u0000';

// Plans are compiled once per query document (see planFor), so their keys are too.
const planKeys = new WeakMap<NodePlan, string>();
const planKey = (plan: NodePlan) => {
  let key = planKeys.get(plan);
  if (key === undefined) planKeys.set(plan, (key = JSON.stringify(plan)));
  return key;
};

/** The plan that reads one relationship at nodes of `kind`, the same object for the same relation. */
const relationParents = new WeakMap<RelationPlan, Partial<Record<NodeKind, NodePlan>>>();
function parentPlan(kind: NodeKind, relation: RelationPlan): NodePlan {
  let byKind = relationParents.get(relation);
  if (!byKind) relationParents.set(relation, (byKind = {}));
  return (byKind[kind] ??= { kind, fields: [], relations: [relation] });
}

/**
 * Per-request loaders. Every lookup by id requested in the same tick is sent as one statement,
 * each with its read plan (so with every relationship the query asks below it), so a query costs
 * one round trip per root field, and a relationship asked under a traversal's or a mutation's
 * answer one per level, whatever the number of parents or of sibling fields. Computed fields
 * (similar roles, routes) batch per set of arguments.
 */
export function createLoaders(repositories: Repositories) {
  // Keyed by plan and id. A batch reads each plan object as it was compiled for the document,
  // not a copy, so the statement built for that plan is found again (planStatement).
  const keyed = new DataLoader<{ plan: NodePlan; id: string }, unknown, string>(
    async (keys) => {
      const groups = new Map<string, { plan: NodePlan; ids: string[]; index: number }>();
      const grouped = keys.map(({ plan, id }) => {
        const key = planKey(plan);
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { plan, ids: [], index: groups.size }));
        group.ids.push(id);
        return group;
      });
      const found = await repositories.keyed.read([...groups.values()]);
      return keys.map(({ id }, k) => found[grouped[k].index].get(id) ?? null);
    },
    { cacheKeyFn: ({ plan, id }) => `${planKey(plan)}${SEPARATOR}${id}` },
  );

  const computed = new Map<string, DataLoader<string, unknown>>();
  function perArguments<V>(key: string, load: (ids: readonly string[]) => Promise<Map<string, V>>, missing: V) {
    let loader = computed.get(key);
    if (!loader) {
      loader = new DataLoader<string, unknown>(async (ids) => {
        const values = await load(ids);
        return ids.map((id) => values.get(id) ?? missing);
      });
      computed.set(key, loader);
    }
    return loader as DataLoader<string, V>;
  }

  /** The node of the plan's kind with this id as the plan reads it, or null. */
  function node<T extends NodeRecord = NodeRecord>(plan: NodePlan, id: string): Promise<T | null> {
    return keyed.load({ plan, id }) as Promise<T | null>;
  }

  return {
    node,

    /**
     * One relationship read at the node of `kind` with this id, for a parent whose own read did
     * not include it (a traversal's answer, a mutation's result): batched with every other read
     * of the same tick, and reading everything below it in the same statement.
     */
    async relation(kind: NodeKind, id: string, relation: RelationPlan): Promise<unknown> {
      const parent = await node<NodeRecord & PlannedRecord>(parentPlan(kind, relation), id);
      return plannedItems(parent?.[PLANNED]?.[relation.key] ?? (relation.read === 'count' ? 0 : []));
    },

    similarRoles(first: number, shape: AnswerShape): DataLoader<string, RoleSimilarityRecord[]> {
      return perArguments(
        `similar:${first}:${JSON.stringify(shape)}`,
        (ids) => repositories.traversals.similarRoles(ids, first, shape),
        [],
      );
    },

    pathsTo(query: PathQuery): DataLoader<string, CareerPathRecord[]> {
      return perArguments(
        `paths:${JSON.stringify(query)}`,
        (ids) => repositories.routes.progressionPaths(ids, query),
        [],
      );
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

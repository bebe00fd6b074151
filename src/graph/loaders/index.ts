import DataLoader from 'dataloader';
import type { NodeKind } from '../../model/kinds';
import type { RelationshipType } from '../../model/relationships';
import type { Direction, KeyedRead } from '../cypher/read.cypher';
import type { CareerPathRecord, EdgeRecord, NodeRecord, RoleSimilarityRecord } from '../records';
import type { Repositories } from '../repositories';
import type { AnswerShape, PathQuery } from '../repositories/traversal.repository';

const SEPARATOR = '\u0000';

/**
 * Per-request loaders. Every lookup by id and every relationship field requested in the same
 * tick (one level of a query) is sent as one statement, so a nested query costs one round trip
 * per level whatever the number of parents or of sibling fields. Computed fields (similar roles,
 * routes) batch per set of arguments.
 */
export function createLoaders(repositories: Repositories) {
  const keyed = new DataLoader<string, unknown>(async (keys) => {
    const groups = new Map<string, { read: KeyedRead; ids: string[] }>();
    const parsed = keys.map((key) => {
      const [readKey, id] = key.split(SEPARATOR);
      let group = groups.get(readKey);
      if (!group) {
        group = { read: JSON.parse(readKey) as KeyedRead, ids: [] };
        groups.set(readKey, group);
      }
      group.ids.push(id);
      return { readKey, id };
    });
    const batches = [...groups.values()];
    const results = new Map(batches.map((batch, i) => [batch, i]));
    const found = await repositories.keyed.read(batches);
    return parsed.map(({ readKey, id }) => {
      const batch = groups.get(readKey)!;
      const value = found[results.get(batch)!].get(id);
      if (value !== undefined) return value;
      return batch.read.read === 'node' ? null : [];
    });
  });
  const keyOf = (read: KeyedRead, id: string) => `${JSON.stringify(read)}${SEPARATOR}${id}`;

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

  return {
    /** The node of this kind with this id, or null; `lean`: only its `__typename`, `id` and `name`. */
    node<T extends NodeRecord = NodeRecord>(kind: NodeKind, id: string, lean = false): Promise<T | null> {
      return keyed.load(keyOf({ read: 'node', kind, lean }, id)) as Promise<T | null>;
    },

    /**
     * The relationships of one type at a node, seen from one end; `lean` as for `node`, and their
     * properties only if asked (otherwise `properties` is null).
     */
    edges(
      type: RelationshipType,
      direction: Direction,
      id: string,
      read: { lean: boolean; properties: boolean } = { lean: false, properties: true },
    ): Promise<EdgeRecord[]> {
      return keyed.load(keyOf({ read: 'edges', type, direction, ...read }, id)) as Promise<EdgeRecord[]>;
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
        (ids) => repositories.traversals.progressionPaths(ids, query),
        [],
      );
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

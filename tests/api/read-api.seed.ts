import path from 'node:path';
import type { GraphQLFormattedError } from 'graphql';
import { NODE_KINDS, NODE_KIND_NAMES, type NodeKind } from '../../src/model/kinds';
import type { RelationshipType } from '../../src/model/relationships';
import type { EntityFact, RelationshipFact, RoleFact } from '../../src/model/rules';
import { readDataFiles } from '../../src/seed/read-files';
import { validateDocuments } from '../../src/seed/validate';
import { openSeededDatabase, type TestDatabase } from '../helpers/database';
import { createTestGraphQL, type TestGraphQL } from '../helpers/graphql';

/**
 * What the read-API tests expect, taken from the seed files themselves (the same reader and
 * validator the loader uses), so that expectations follow the data rather than being copied
 * into the tests.
 */
export interface SeedFacts {
  nodes: Record<NodeKind, (RoleFact | EntityFact)[]>;
  relationships: RelationshipFact[];
}

export const seedDir = (db: TestDatabase) => path.join(db.config.rootDir, 'seed');

export async function readSeed(db: TestDatabase): Promise<SeedFacts> {
  const { documents } = await readDataFiles([seedDir(db)]);
  const { batch, problems } = await validateDocuments(documents);
  if (problems.length > 0) throw new Error(`The seed is invalid: ${JSON.stringify(problems)}`);
  const nodes = Object.fromEntries(NODE_KIND_NAMES.map((k) => [k, []])) as unknown as SeedFacts['nodes'];
  for (const group of batch.nodes) nodes[group.kind].push(...group.facts);
  return { nodes, relationships: batch.relationships };
}

/** The order every list of the API promises: by name, then by id (code-point order, as Cypher). */
export function byNameThenId<T extends { name: string; id: string }>(a: T, b: T): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export function sortedIds(nodes: { name: string; id: string }[]): string[] {
  return [...nodes].sort(byNameThenId).map((n) => n.id);
}

/** GraphQL names of each kind: the single lookup, the connection and the type. */
export const QUERY_NAMES: Record<NodeKind, { single: string; plural: string; type: string }> = {
  ROLE: { single: 'role', plural: 'roles', type: 'Role' },
  TOOL: { single: 'tool', plural: 'tools', type: 'Tool' },
  SKILL: { single: 'skill', plural: 'skills', type: 'Skill' },
  FRAMEWORK: { single: 'framework', plural: 'frameworks', type: 'Framework' },
  EMPLOYER: { single: 'employer', plural: 'employers', type: 'Employer' },
  WORKFLOW: { single: 'workflow', plural: 'workflows', type: 'Workflow' },
  LANGUAGE: { single: 'language', plural: 'languages', type: 'Language' },
  CATEGORY: { single: 'category', plural: 'categories', type: 'Category' },
};

export const KINDS = NODE_KIND_NAMES;
export const labelOfKind = (kind: NodeKind) => NODE_KINDS[kind].label;

export class SeedIndex {
  constructor(readonly facts: SeedFacts) {}

  node(id: string): RoleFact | EntityFact {
    for (const kind of KINDS) {
      const found = this.facts.nodes[kind].find((n) => n.id === id);
      if (found) return found;
    }
    throw new Error(`No node "${id}" in the seed`);
  }

  rels(type: RelationshipType): RelationshipFact[] {
    return this.facts.relationships.filter((r) => r.type === type);
  }

  /** Ids at the far end of `type` edges leaving `from`. */
  out(type: RelationshipType, from: string): string[] {
    return this.rels(type)
      .filter((r) => r.from === from)
      .map((r) => r.to);
  }

  /** Ids at the near end of `type` edges arriving at `to`. */
  in(type: RelationshipType, to: string): string[] {
    return this.rels(type)
      .filter((r) => r.to === to)
      .map((r) => r.from);
  }

  /** Sorted (name, id) order of the given ids. */
  ordered(ids: string[]): string[] {
    return sortedIds(ids.map((id) => ({ id, name: this.node(id).name })));
  }

  /** The seed's `from`→`to` pairs of a type, as "from>to" strings, sorted. */
  pairs(type: RelationshipType): string[] {
    return this.rels(type)
      .map((r) => `${r.from}>${r.to}`)
      .sort();
  }

  /** A `from` id with the most edges of `type` (so filter tests have something to find). */
  busiestFrom(type: RelationshipType): string {
    return mostCommon(this.rels(type).map((r) => r.from));
  }

  busiestTo(type: RelationshipType): string {
    return mostCommon(this.rels(type).map((r) => r.to));
  }
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (!best) throw new Error('No values');
  return best[0];
}

/** The codes of a response's errors. */
export const codesOf = (errors: readonly GraphQLFormattedError[] | undefined): unknown[] =>
  (errors ?? []).map((e) => e.extensions?.code);

/**
 * The shared set-up of the read-API suites: the seeded graph (which they do not reset; what a
 * suite adds there it removes) and an executeOperation client.
 */
/** `env`: configuration for this suite's server (limits, say), on top of the tests' own. */
export async function openSeededApi(
  env: Record<string, string> = {},
): Promise<{ db: TestDatabase; gql: TestGraphQL; seed: SeedIndex }> {
  const db = await openSeededDatabase(env);
  const seed = new SeedIndex(await readSeed(db));
  return { db, gql: await createTestGraphQL(db), seed };
}

export async function closeSeededApi({ gql, db }: { gql: TestGraphQL; db: TestDatabase }): Promise<void> {
  await gql.stop();
  await db.close();
}

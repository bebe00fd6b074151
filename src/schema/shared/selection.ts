import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { Direction } from '../../graph/cypher/read.cypher';
import type { RelationshipType } from '../../model/relationships';

/*
 * What a query selects, read ahead of execution, so that a resolver can fetch only what will be
 * used (lean nodes) and fetch the next level in the round trip that reads the nodes themselves
 * (relationship prefetch).
 */

/** A field backed by one relationship read at its parent's id (see `Relation`). */
export interface EdgesExtension {
  type: RelationshipType;
  direction: Direction;
}

/** Field extensions that tell what a field needs of its parent record. */
export interface NeedsExtensions {
  /** The field is one relationship read; only the parent's id is needed. */
  edges?: EdgesExtension;
  /** The field is computed from the parent's id alone (traversals on a role). */
  fromId?: boolean;
}

/** The properties a lean node record carries. */
const LEAN_FIELDS = new Set(['__typename', 'id', 'name']);

type Field = GraphQLField<unknown, unknown>;

function fieldOf(schema: GraphQLSchema, typeName: string, fieldName: string): Field | undefined {
  const type = schema.getType(typeName);
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[fieldName] : undefined;
}

export function extensionsOf(field: Field | undefined): NeedsExtensions {
  return (field?.extensions ?? {}) as NeedsExtensions;
}

// Per request (its coerced variables) and field position: a list's items share one answer.
const parsed = new WeakMap<object, WeakMap<object, ResolveTree | null>>();

/** The selection under the field being resolved (fragments, aliases and @skip/@include applied). */
export function selectionOf(info: GraphQLResolveInfo): ResolveTree | null {
  let perRequest = parsed.get(info.variableValues);
  if (!perRequest) {
    perRequest = new WeakMap();
    parsed.set(info.variableValues, perRequest);
  }
  let tree = perRequest.get(info.fieldNodes);
  if (tree === undefined) {
    tree = (parseResolveInfo(info) as ResolveTree | null | undefined) ?? null;
    perRequest.set(info.fieldNodes, tree);
  }
  return tree;
}

/** The selections of every field called `name` (any alias, any type condition) under `trees`. */
function childrenNamed(trees: readonly ResolveTree[], name: string): ResolveTree[] {
  return trees.flatMap((tree) =>
    Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields).filter((f) => f.name === name)),
  );
}

/** Follows a path of field names down from `trees`. */
export function descend(trees: readonly ResolveTree[], ...path: string[]): ResolveTree[] {
  return path.reduce<readonly ResolveTree[]>((at, name) => childrenNamed(at, name), trees) as ResolveTree[];
}

/**
 * Whether nodes selected as `trees` can be read lean (`__typename`, `id`, `name`): every field
 * asked of them is one of those or needs only the id (relationships, traversals).
 */
export function isLean(schema: GraphQLSchema, trees: readonly ResolveTree[]): boolean {
  return trees.every((tree) =>
    Object.entries(tree.fieldsByTypeName).every(([typeName, fields]) =>
      Object.values(fields).every((f) => {
        if (LEAN_FIELDS.has(f.name)) return true;
        const ext = extensionsOf(fieldOf(schema, typeName, f.name));
        return ext.edges !== undefined || ext.fromId === true;
      }),
    ),
  );
}

/** Whether the nodes this resolver returns, at `path` below its field, can be read lean. */
export function leanAt(info: GraphQLResolveInfo, ...path: string[]): boolean {
  const tree = selectionOf(info);
  return tree !== null && isLean(info.schema, descend([tree], ...path));
}

/** The nodes a link selection reaches: its fields of object type (`tool`, `role`...). */
function linkNodes(schema: GraphQLSchema, trees: readonly ResolveTree[]): ResolveTree[] {
  return trees.flatMap((tree) =>
    Object.entries(tree.fieldsByTypeName).flatMap(([typeName, fields]) =>
      Object.values(fields).filter((f) => {
        const field = fieldOf(schema, typeName, f.name);
        return field !== undefined && isObjectType(getNamedType(field.type));
      }),
    ),
  );
}

// Per selection: every parent in a list asks the same question of the same tree.
const leanRelations = new WeakMap<ResolveTree, { asNodes?: boolean; asLinks?: boolean }>();

/** Whether a relationship field selected as `tree` can read its far ends lean. */
export function isLeanRelation(schema: GraphQLSchema, tree: ResolveTree, asLinks: boolean): boolean {
  let known = leanRelations.get(tree);
  if (!known) leanRelations.set(tree, (known = {}));
  const key = asLinks ? 'asLinks' : 'asNodes';
  return (known[key] ??= isLean(schema, asLinks ? linkNodes(schema, [tree]) : [tree]));
}

/** A relationship field selected under a node, as its resolver will read it. */
export interface SelectedRelation {
  edges: EdgesExtension;
  lean: boolean;
  /** Asked as links (with the relationship's properties) rather than as nodes. */
  asLinks: boolean;
}

/** The relationship fields selected of nodes of `typeName` under `trees` (see `Relation`). */
export function selectedRelations(
  schema: GraphQLSchema,
  trees: readonly ResolveTree[],
  typeName: string,
): SelectedRelation[] {
  const type = schema.getType(typeName);
  const applies = (name: string) =>
    name === typeName || (isObjectType(type) && type.getInterfaces().some((i) => i.name === name));
  return trees.flatMap((tree) =>
    Object.entries(tree.fieldsByTypeName)
      .filter(([name]) => applies(name))
      .flatMap(([name, fields]) =>
        Object.values(fields).flatMap((f) => {
          const field = fieldOf(schema, name, f.name);
          const { edges } = extensionsOf(field);
          if (!edges || !field) return [];
          const named = getNamedType(field.type);
          const asLinks = !(isObjectType(named) && named.getInterfaces().some((i) => i.name === 'Node'));
          return [{ edges, lean: isLeanRelation(schema, f, asLinks), asLinks }];
        }),
      ),
  );
}

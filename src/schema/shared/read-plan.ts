import {
  isInterfaceType,
  isObjectType,
  Kind,
  visit,
  type ASTNode,
  type FieldNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { isStoredField, storedParts } from '../../graph/cypher/projections.cypher';
import {
  mergePlans,
  partField,
  relationKey,
  type NodePlan,
  type RelationPlan,
  type RelationRead,
} from '../../graph/read-plan';
import { labelOf, NODE_KIND_NAMES, type NodeKind } from '../../model/kinds';
import type { RelationEnd } from '../../model/relationships';
import { MAX_FIRST, ORDER_BY_NAME } from './relation.args';

/*
 * The selection under a root field, compiled once into a read plan (src/graph/read-plan.ts):
 * which stored fields of each node, which relationships with their own plans, as nodes, links
 * or counts, with their page sizes. Relationship fields find the plan's answer on their parent.
 */

/** What a generated relationship field reads, recorded on the schema field (see relation-fields.ts). */
export interface RelationExtension {
  relation: { end: RelationEnd; read: RelationRead };
}

/** The arguments a relationship field takes. */
export interface RelationArgsShape {
  first: number;
  orderBy?: string | null;
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

/*
 * Plans outlive requests. Apollo keeps one parsed document per distinct query text, so a field's
 * AST nodes are the same objects in every request sending that text: a plan compiled for them is
 * the plan of every later request, unless a variable the selection reads (a page size, an
 * @include) has another value. The cache is keyed by the field's first AST node (weakly, so it
 * goes with the document), its position, and the values of the variables the field reads.
 */

/** The variables read by `nodes` (their arguments, directives and selections, fragments followed). */
function variablesIn(nodes: readonly ASTNode[], info: GraphQLResolveInfo, below: boolean): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (node: ASTNode) =>
    visit(node, {
      Variable: (v) => void names.add(v.name.value),
      FragmentSpread: (spread) => {
        const fragment = info.fragments[spread.name.value];
        if (fragment && !seen.has(spread.name.value)) {
          seen.add(spread.name.value);
          walk(fragment);
        }
      },
    });
  for (const node of nodes) {
    if (!below) walk(node);
    else if (node.kind === Kind.FIELD && node.selectionSet) walk(node.selectionSet);
  }
  return [...names].sort();
}

const variablesRead = new WeakMap<FieldNode, { own: string[]; below: string[] }>();

/**
 * Where in a cached document the field being resolved is, with the values of the variables its
 * plan depends on: those of its selection, and with `ownArguments` those of its own arguments.
 */
function planKey(info: GraphQLResolveInfo, ownArguments: boolean): string {
  const [first] = info.fieldNodes;
  let read = variablesRead.get(first);
  if (!read) {
    read = { own: variablesIn(info.fieldNodes, info, false), below: variablesIn(info.fieldNodes, info, true) };
    variablesRead.set(first, read);
  }
  let at = '';
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) {
    if (typeof p.key === 'string') at = `${p.key}/${at}`;
  }
  const names = ownArguments ? read.own : read.below;
  return `${info.fieldNodes.length}:${at}:${JSON.stringify(names.map((name) => info.variableValues[name] ?? null))}`;
}

const cached = new WeakMap<FieldNode, Map<string, unknown>>();

/**
 * The value `compile` gives for the field being resolved, compiled once per document, position
 * and values of the variables it depends on (`ownArguments`: also those of its arguments).
 */
export function planFor<T>(info: GraphQLResolveInfo, what: string, ownArguments: boolean, compile: () => T): T {
  const [first] = info.fieldNodes;
  let known = cached.get(first);
  if (!known) cached.set(first, (known = new Map()));
  const key = `${what}|${planKey(info, ownArguments)}`;
  let value = known.get(key) as T | undefined;
  if (value === undefined) {
    value = compile();
    // Bounded per document: one entry per distinct set of variable values the plan reads.
    if (known.size >= MAX_PLANS_PER_FIELD) known.clear();
    known.set(key, value);
  }
  return value;
}

/** How many plans one field keeps (page sizes sent as variables vary little in practice). */
const MAX_PLANS_PER_FIELD = 64;

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

function relationOf(schema: GraphQLSchema, typeName: string, fieldName: string): RelationExtension['relation'] | null {
  const type = schema.getType(typeName);
  if (!isObjectType(type) && !isInterfaceType(type)) return null;
  const ext = type.getFields()[fieldName]?.extensions as Partial<RelationExtension> | undefined;
  return ext?.relation ?? null;
}

/** Whether selections made on `typeName` apply to nodes of `kind` (the type or an interface of it). */
function appliesTo(schema: GraphQLSchema, typeName: string, kind: NodeKind): boolean {
  const label = labelOf(kind);
  if (typeName === label) return true;
  const type = schema.getType(label);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === typeName);
}

/** The page size a plan reads: the field refuses values out of range, and the plan never reads more. */
const boundedFirst = (first: unknown) => Math.min(Math.max(Number(first) || 1, 1), MAX_FIRST);

/** The plan of one relationship field with the given arguments and selection. */
export function relationPlan(
  schema: GraphQLSchema,
  { end, read }: RelationExtension['relation'],
  args: Partial<RelationArgsShape>,
  tree: ResolveTree | null,
): RelationPlan {
  const first = boundedFirst(args.first);
  // The order's values are the allowlisted property names (see relation.args.ts); `name` is the default.
  const orderBy = typeof args.orderBy === 'string' && args.orderBy !== ORDER_BY_NAME ? args.orderBy : null;
  const base = { type: end.type, direction: end.direction, read, first, orderBy };
  if (read === 'count') return { ...base, key: relationKey(end.type, end.direction, read, 0, null), node: null };
  const trees = tree ? [tree] : [];
  // A link reaches its far node through the field named after that node's kind (`tool`, `role`...).
  const nodes = read === 'nodes' ? trees : descend(trees, labelOf(end.far).toLowerCase());
  return {
    ...base,
    key: relationKey(end.type, end.direction, read, first, orderBy),
    node: nodePlan(schema, nodes, end.far),
  };
}

/** The plan of nodes of `kind` selected as `trees`. */
export function nodePlan(schema: GraphQLSchema, trees: readonly ResolveTree[], kind: NodeKind): NodePlan {
  let plan: NodePlan = { kind, fields: [], relations: [] };
  // Whether anything but a stored field is asked (the id, `__typename`, a computed field).
  let more = false;
  for (const tree of trees) {
    for (const [typeName, fields] of Object.entries(tree.fieldsByTypeName)) {
      if (!appliesTo(schema, typeName, kind)) continue;
      for (const field of Object.values(fields)) {
        const relation = relationOf(schema, typeName, field.name);
        if (!relation && !isStoredField(kind, field.name)) more = true;
        const part: NodePlan = relation
          ? { kind, fields: [], relations: [relationPlan(schema, relation, field.args, field)] }
          : { kind, fields: storedFields(kind, field), relations: [] };
        plan = mergePlans(plan, part);
      }
    }
  }
  // With relationships below, a field not answered by the read would look them up by its id.
  const storedOnly = !more && plan.fields.length > 0 && plan.relations.length === 0;
  return storedOnly ? { ...plan, storedOnly } : plan;
}

/**
 * What a selected field reads of the node: the field, or of an object-valued one only the parts
 * selected (the whole when none is a stored part, e.g. only `__typename`).
 */
function storedFields(kind: NodeKind, field: ResolveTree): string[] {
  if (!isStoredField(kind, field.name)) return [];
  const known = storedParts(kind, field.name);
  if (!known) return [field.name];
  const asked = Object.values(field.fieldsByTypeName)
    .flatMap((byName) => Object.values(byName).map((sub) => sub.name))
    .filter((name) => known.includes(name));
  return asked.length > 0 ? [...new Set(asked)].map((part) => partField(field.name, part)) : [field.name];
}

/**
 * The stored fields selected of nodes whatever their kind (a traversal's items, of several
 * kinds): a field stored by any kind counts.
 */
export function anyKindPlan(trees: readonly ResolveTree[]): NodePlan {
  const fields = trees.flatMap((tree) =>
    Object.values(tree.fieldsByTypeName).flatMap((byName) =>
      Object.values(byName)
        .map((f) => f.name)
        .filter((name) => NODE_KIND_NAMES.some((kind) => isStoredField(kind, name))),
    ),
  );
  return { kind: 'ROLE', fields: [...new Set(fields)].sort(), relations: [] };
}

/** The plan of the nodes this resolver returns, at `path` below its field (not its own arguments). */
export function planAt(info: GraphQLResolveInfo, kind: NodeKind, ...path: string[]): NodePlan {
  return planFor(info, `${kind}:${path.join('.')}`, false, () => {
    const tree = selectionOf(info);
    return nodePlan(info.schema, tree ? descend([tree], ...path) : [], kind);
  });
}

/** For nodes of any kind (search hits): one plan per kind. */
export function plansAt(info: GraphQLResolveInfo, ...path: string[]): Record<NodeKind, NodePlan> {
  return Object.fromEntries(NODE_KIND_NAMES.map((kind) => [kind, planAt(info, kind, ...path)])) as Record<
    NodeKind,
    NodePlan
  >;
}

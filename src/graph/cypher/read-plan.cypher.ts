import { labelOf } from '../../model/kinds';
import { ORDER_BY_WEIGHT, specOf } from '../../model/relationships';
import { cypherInt } from '../mapping';
import { PLANNED, soleField, splitField, type NodePlan, type RelationPlan } from '../read-plan';
import { REQUIREMENT_TYPES } from '../../model/fit-weights';
import { need } from './fit.cypher';
import { fieldValue, fieldsProjection, relationshipProperties } from './projections.cypher';

/*
 * Read plans as Cypher: a node's map projection with, under `_planned`, one COLLECT (or COUNT)
 * subquery per relationship read, nested as deep as the plan. Labels, types and property names
 * come from the model's tables; page sizes are parameters.
 */

/** The parameters of one statement, named in the order the text uses them. */
export class Params {
  readonly values: Record<string, unknown> = {};
  private next = 0;

  add(value: unknown): string {
    const name = `p${this.next++}`;
    this.values[name] = value;
    return `$${name}`;
  }
}

const planIds = new WeakMap<NodePlan, number>();
let nextPlanId = 0;
const statements = new Map<string, { text: string; params: Readonly<Record<string, unknown>> }>();
/** Distinct statements kept; past it the cache starts over (plans of discarded documents go with it). */
export const MAX_STATEMENTS = 2000;

/**
 * A statement built from read plans, built once per plan: plans are compiled once per query
 * document and reused by every request sending it (src/schema/shared/read-plan.ts), so their
 * text is too, instead of being rebuilt on every request. `parts` name the plans and whatever
 * else shapes the text (filter keys, an order); the parameters returned are shared, read-only.
 */
export function planStatement<S extends { text: string; params: Record<string, unknown> }>(
  name: string,
  parts: readonly (NodePlan | string)[],
  build: () => S,
): S {
  const key = [name, ...parts.map((p) => (typeof p === 'string' ? `'${p}` : `#${planIdOf(p)}`))].join('\u0000');
  let statement = statements.get(key);
  if (!statement) {
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    const built = build();
    statement = { ...built, params: Object.freeze(built.params) };
    statements.set(key, statement);
  }
  return statement as S;
}

/**
 * A statement whose text depends only on `parts` (a shape, a ranking: never a client's value)
 * and that has no parameters of its own, built once per parts like the plans' statements.
 */
export const textOnce = (name: string, parts: readonly string[], build: () => string): string =>
  planStatement(name, parts, () => ({ text: build(), params: {} })).text;

function planIdOf(plan: NodePlan): number {
  let id = planIds.get(plan);
  if (id === undefined) planIds.set(plan, (id = nextPlanId++));
  return id;
}

/**
 * The projection of the node bound to `v` as `plan` reads it; `given` holds, by relation key, an
 * expression already read for a relation (a shared read's ids, see `sharedRelationRead`).
 * `farEnd`: the node is an item of a relationship read, read without its identity when the
 * plan is `storedOnly`.
 */
export function planProjection(
  plan: NodePlan,
  v: string,
  params: Params,
  given: ReadonlyMap<string, string> = new Map(),
  farEnd = false,
): string {
  const relations = plan.relations.map((r) => `\`${r.key}\`: ${given.get(r.key) ?? relationRead(r, v, params)}`);
  const extra = relations.length > 0 ? [`${PLANNED}: { ${relations.join(', ')} }`] : [];
  return fieldsProjection(plan.kind, v, plan.fields, extra, !(farEnd && plan.storedOnly));
}

/** Depth-numbered variables keep nested subqueries' names apart. */
const depthOf = (v: string) => Number(/\d+$/.exec(v)?.[0] ?? 0);

/**
 * A shared read (src/graph/read-plan.ts `sharedReads`) at the node bound to `v`: its page of far
 * ends as `{ n, v }`, the far node and what stands in its place (its id, or its link with the id
 * as `node`). The far nodes themselves are projected once each by the statement.
 */
export function sharedRelationRead(plan: RelationPlan, v: string, params: Params): string {
  return relationRead(plan, v, params, true);
}

function relationRead(plan: RelationPlan, v: string, params: Params, shared = false): string {
  const spec = specOf(plan.type);
  const far = plan.direction === 'OUT' ? spec.to : spec.from;
  const depth = depthOf(v) + 1;
  const [r, b] = [`r${depth}`, `n${depth}`];
  const [left, right] = plan.direction === 'OUT' ? ['-', '->'] : ['<-', '-'];
  if (plan.read === 'count' || !plan.node) {
    return `COUNT { (${v})${left}[:${plan.type}]${right}(:${labelOf(far)}) }`;
  }
  // What a role requires weighs need (the fit's rule), worked out once per link: to order by and to return.
  const weight = (REQUIREMENT_TYPES as readonly string[]).includes(plan.type) ? need(r) : null;
  const w = `${r}_weight`;
  const first =
    plan.orderBy === ORDER_BY_WEIGHT && weight ? [`${w} DESC`] : plan.orderBy ? [`${r}.${plan.orderBy}`] : [];
  const order = [...first, `${b}.name`, `${b}.id`].join(', ');
  const links = plan.read === 'links';
  // Far ends asked one stored field come back as a column of its values (see `soleField`).
  const column = shared || links ? null : soleField(plan.node);
  const node = shared
    ? `${b}.id`
    : column
      ? fieldValue(plan.node.kind, b, column)
      : planProjection(plan.node, b, params, new Map(), true);
  const link = links
    ? relationshipProperties(plan.type, r, [...(weight ? [`weight: ${w}`] : []), `node: ${node}`])
    : node;
  const value = shared ? `{ n: ${b}, v: ${link} }` : link;
  // The relationship is bound only where something reads it: a page of far nodes by name does not.
  const readsLink = links || first.length > 0;
  const carried = [...(readsLink ? [r] : []), b, ...(weight && readsLink ? [`${weight} AS ${w}`] : [])].join(', ');
  const read =
    `COLLECT { MATCH (${v})${left}[${readsLink ? r : ''}:${plan.type}]${right}(${b}:${labelOf(far)}) ` +
    `WITH ${carried} ORDER BY ${order} LIMIT ${params.add(cypherInt(plan.first))} RETURN ${value} }`;
  return column ? `{ ${splitField(column)[0]}: ${read} }` : read;
}

import { labelOf } from '../../model/kinds';
import { ORDER_BY_WEIGHT, specOf } from '../../model/relationships';
import { cypherInt } from '../mapping';
import { PLANNED, type NodePlan, type RelationPlan } from '../read-plan';
import { REQUIREMENT_TYPES } from '../../model/fit-weights';
import { need } from './fit.cypher';
import { fieldsProjection, relationshipProperties } from './projections.cypher';

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

/** The projection of the node bound to `v` as `plan` reads it. */
export function planProjection(plan: NodePlan, v: string, params: Params): string {
  const relations = plan.relations.map((r) => `\`${r.key}\`: ${relationRead(r, v, params)}`);
  const extra = relations.length > 0 ? [`${PLANNED}: { ${relations.join(', ')} }`] : [];
  return fieldsProjection(plan.kind, v, plan.fields, extra);
}

/** Depth-numbered variables keep nested subqueries' names apart. */
const depthOf = (v: string) => Number(/\d+$/.exec(v)?.[0] ?? 0);

function relationRead(plan: RelationPlan, v: string, params: Params): string {
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
  const node = planProjection(plan.node, b, params);
  const links = plan.read === 'links';
  const value = links
    ? relationshipProperties(plan.type, r, [...(weight ? [`weight: ${w}`] : []), `node: ${node}`])
    : node;
  const carried = [r, b, ...(weight && (links || first.length > 0) ? [`${weight} AS ${w}`] : [])].join(', ');
  return (
    `COLLECT { MATCH (${v})${left}[${r}:${plan.type}]${right}(${b}:${labelOf(far)}) ` +
    `WITH ${carried} ORDER BY ${order} LIMIT ${params.add(cypherInt(plan.first))} RETURN ${value} }`
  );
}

import { labelOf, REQUIREMENT_KINDS, type RequirementKind } from '../../model/kinds';
import { RELATIONSHIP_TYPES, RELATIONSHIPS, type RelationshipType } from '../../model/relationships';
import { salaryProperty } from '../codecs';
import type { NodePlan } from '../read-plan';
import { filterCondition, type Statement } from './read.cypher';
import { Params, planProjection, planStatement } from './read-plan.cypher';

/** Rankings count the kinds of item roles use or require. */
export const RANKED_KINDS = REQUIREMENT_KINDS;
export type RankedKind = RequirementKind;

/** How items are ranked: the ORDER BY keys over `users` (roles that have it) and `hot` (of those, roles for which O*NET flags it hot). */
export const ITEM_ORDERS = {
  ROLE_COUNT: 'users DESC, hot DESC',
  HOT_COUNT: 'hot DESC, users DESC',
} as const;
export type ItemOrder = keyof typeof ITEM_ORDERS;

/** The one relationship type from roles to items of `kind`, read from the relationship table. */
export function requirementType(kind: RankedKind): RelationshipType {
  const types = RELATIONSHIP_TYPES.filter((t) => RELATIONSHIPS[t].from === 'ROLE' && RELATIONSHIPS[t].to === kind);
  if (types.length !== 1) throw new Error(`Expected one relationship from roles to ${kind}, found ${types.length}`);
  return types[0];
}

/** `WHERE` over the role `n` for known RoleFilter keys (see filterCondition), or nothing. */
const roleWhere = (filters: readonly string[]) =>
  filters.length > 0 ? `WHERE ${filters.map((key) => filterCondition('ROLE', key)!).join(' AND ')}` : '';

/**
 * The items of `plan.kind` most used among the roles `$filter` keeps (all roles without one),
 * counted in the database, ties by name then id, at most `$first`. Rows: one
 * { roleCount, items: [{ item, roleCount, hotCount }] }.
 */
export function rankItems(kind: RankedKind, plan: NodePlan, filters: readonly string[], order: ItemOrder): Statement {
  return planStatement('rankItems', [kind, order, plan, ...filters], () => buildRankItems(kind, plan, filters, order));
}

function buildRankItems(kind: RankedKind, plan: NodePlan, filters: readonly string[], order: ItemOrder): Statement {
  const params = new Params();
  const where = roleWhere(filters);
  const text = `
RETURN COUNT { MATCH (n:Role) ${where} } AS roleCount,
  COLLECT {
    MATCH (n:Role)-[r:${requirementType(kind)}]->(x:${labelOf(kind)})
    ${where}
    WITH x, count(n) AS users, count(CASE WHEN r.hot THEN 1 END) AS hot
    ORDER BY ${ITEM_ORDERS[order]}, x.name, x.id
    LIMIT $first
    RETURN { item: ${planProjection(plan, 'x', params)}, roleCount: users, hotCount: hot } AS ranked
  } AS items
`;
  return { text, params: params.values };
}

const salary = (key: Parameters<typeof salaryProperty>[0]) => `n.${salaryProperty(key)}`;

/**
 * The roles `$filter` keeps whose pay is stated in `$currency`, `$period` and `$basis` (only like
 * is ranked with like), best paid first by the median, or the middle of the range where no
 * median is stated; ties by name then id, at most `$first`. Rows: one { comparedCount, roles: [{ role, pay, median }] }.
 */
export function rankRolesByPay(plan: NodePlan, filters: readonly string[]): Statement {
  return planStatement('rankRolesByPay', [plan, ...filters], () => buildRankRolesByPay(plan, filters));
}

function buildRankRolesByPay(plan: NodePlan, filters: readonly string[]): Statement {
  const params = new Params();
  const conditions = [
    `${salary('currency')} = $currency`,
    `${salary('period')} = $period`,
    `${salary('basis')} = $basis`,
    ...filters.map((key) => filterCondition('ROLE', key)!),
  ].join(' AND ');
  const text = `
RETURN COUNT { MATCH (n:Role) WHERE ${conditions} } AS comparedCount,
  COLLECT {
    MATCH (n:Role) WHERE ${conditions}
    WITH n, coalesce(${salary('median')}, (${salary('min')} + ${salary('max')}) / 2.0) AS pay
    ORDER BY pay DESC, n.name, n.id
    LIMIT $first
    RETURN { role: ${planProjection(plan, 'n', params)}, pay: toFloat(pay), median: ${salary('median')} IS NOT NULL } AS ranked
  } AS roles
`;
  return { text, params: params.values };
}

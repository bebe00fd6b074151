import { borrows, combined, distinct, fitOf, need, requirementsOf, REQUIRES, weightOf } from './fit.cypher';
import { labelOf, type NodeKind } from '../../model/kinds';
import { endsOf, specOf } from '../../model/relationships';
import { projection, shapeKey, type LeanShape } from './projections.cypher';
import { LruCache } from '../../lru-cache';
import { MAX_STATEMENTS, textOnce } from './read-plan.cypher';
import { salaryChange } from './salary.cypher';

/* Traversals: shared items, comparisons, gaps and similar roles (routes: routes.cypher.ts). */

/*
 * Nodes in answers are projected lean when the client asks only their names (`LeanShape`):
 * `leanRoles` for the roles of similarity lists and comparisons, `lean` for the items (tools,
 * skills...). The roles of a skill gap are always read in full. Each shape is its own text.
 */
const roleOf = (shape: LeanShape) => (v: string) => projection('ROLE', v, shape.leanRoles);
const itemOf = (kind: NodeKind, shape: LeanShape) => (v: string) => projection(kind, v, shape.lean);

/**
 * A question about given roles, in one statement with the check that they exist: one row
 * { missing, rows }: the ids among `$roleIds` that name no role, and the rows of `statement`
 * (which must return one column) in its order.
 */
export function checkingRoles(statement: string): string {
  let text = CHECKING.get(statement);
  if (text === undefined) {
    text = `
RETURN [id IN $roleIds WHERE NOT EXISTS { MATCH (:Role {id: id}) }] AS missing,
  COLLECT { ${statement} } AS rows
`;
    CHECKING.set(statement, text);
  }
  return text;
}
// The statements wrapped are themselves built once per shape (textOnce): so is their check.
const CHECKING = new LruCache<string, string>(MAX_STATEMENTS);

/** The relationships from a role to items that other roles can share. */
export type SharedKind = 'USES_TOOL' | 'REQUIRES_SKILL' | 'USES_FRAMEWORK';

/** Items every listed role has, by relationship type and target label, sorted. Rows: { item }. */
export const sharedItems = (type: SharedKind, shape: LeanShape) =>
  textOnce('sharedItems', [type, shapeKey(shape)], () => {
    const kind = specOf(type).to;
    return `
UNWIND $ids AS id
MATCH (:Role {id: id})-[:${type}]->(x:${labelOf(kind)})
WITH x, count(DISTINCT id) AS holders
WHERE holders = size($ids)
WITH x ORDER BY x.name, x.id
RETURN ${itemOf(kind, shape)('x')} AS item
`;
  });

/** What makes two roles alike by the Jaccard measure: the tools, skills and frameworks they state. */
const FEATURES = 'USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK';

/**
 * Jaccard similarity from the sizes of two sets and of their intersection: |A ∩ B| / |A ∪ B|,
 * 0 when both are empty (the overlaps of a comparison, and the `jaccard` of two roles).
 */
const jaccard = (both: string, a: string, b: string) =>
  `CASE WHEN ${a} + ${b} - ${both} = 0 THEN 0.0 ELSE toFloat(${both}) / (${a} + ${b} - ${both}) END`;

/**
 * What the Jaccard similarity of the tools, skills and frameworks roles `a` and `b` state
 * (borrowed ones not counted) is made of, as projection items `${v}Both`, `${v}A` and `${v}B`:
 * each count is read once, where an expression repeating them in `jaccard` read them twice.
 */
const featureCounts = (a: string, b: string, v: string, onlyIf?: string) =>
  [
    [`${v}Both`, `COUNT { (${a})-[:${FEATURES}]->(x)<-[:${FEATURES}]-(${b}) }`],
    [`${v}A`, `COUNT { (${a})-[:${FEATURES}]->() }`],
    [`${v}B`, `COUNT { (${b})-[:${FEATURES}]->() }`],
  ]
    .map(([name, count]) => `${onlyIf ? `CASE WHEN ${onlyIf} THEN ${count} ELSE 0 END` : count} AS ${name}`)
    .join(', ');
const featureJaccard = (v: string) => jaccard(`${v}Both`, `${v}A`, `${v}B`);

/**
 * The requirements of role `a` as a profile (`profile`, weighing `profileWeight`; `roleCount`
 * bound), carrying `vars`: the similarity of another role to `a` is that role's fit to it.
 */
const asProfile = (a: string, vars: string) => `
WITH ${vars}, COLLECT { ${requirementsOf(a)} RETURN x } AS profile
WITH ${vars}, profile, ${weightOf('profile')} AS profileWeight`;

/**
 * The overlaps of a comparison, in the order they are read and answered, named as the Role
 * fields of the relationships they compare.
 */
export const DIMENSION_NAMES = ['tools', 'skills', 'frameworks', 'workflows', 'employers'] as const;
export type ComparisonDimension = (typeof DIMENSION_NAMES)[number];

/** The relationship end behind each overlap, as a role sees it (the model's table). */
const endOf = (name: ComparisonDimension) => endsOf('ROLE').find((end) => end.names.nodes === name)!;

/** Each overlap as a pattern: the relationship between a role `r` and an item `x`. */
export const COMPARISON_DIMENSIONS = Object.fromEntries(
  DIMENSION_NAMES.map((name) => {
    const { type, direction, far } = endOf(name);
    const [left, right] = direction === 'OUT' ? ['-', '->'] : ['<-', '-'];
    return [name, (r: string, x: string) => `(${r})${left}[:${type}]${right}(${x}:${labelOf(far)})`];
  }),
) as Record<ComparisonDimension, (r: string, x: string) => string>;

/** The parts of one overlap. */
export const OVERLAP_PARTS = ['shared', 'onlyA', 'onlyB', 'jaccard'] as const;
export type OverlapPart = (typeof OVERLAP_PARTS)[number];

/**
 * The items of each side of overlap `name`, read once (sorted by name, id), as `<name>A` and
 * `<name>B`; the items both have as `<name>Both`. Every part is then a list operation: testing
 * each item of one role against the other's relationships costs an expansion of a popular item
 * per test, and Git is in most roles.
 */
const overlapItems = (name: ComparisonDimension) => {
  const link = COMPARISON_DIMENSIONS[name];
  const side = (r: string) => `COLLECT { MATCH ${link(r, 'x')} RETURN x ORDER BY x.name, x.id }`;
  return {
    read: `${side('a')} AS ${name}A, ${side('b')} AS ${name}B`,
    sides: `${name}A, ${name}B`,
    both: `[x IN ${name}A WHERE x IN ${name}B] AS ${name}Both`,
  };
};

/** One overlap of a comparison from its items (`overlapItems`): each part only if `$parts` names it, else empty. */
const overlap = (name: ComparisonDimension, shape: LeanShape) => {
  const item = itemOf(endOf(name).far, shape);
  const [a, b, both] = [`${name}A`, `${name}B`, `${name}Both`];
  const when = (part: OverlapPart, value: string, otherwise: string) =>
    `CASE WHEN '${part}' IN $parts.${name} THEN ${value} ELSE ${otherwise} END`;
  return `${name}: {
    shared: ${when('shared', `[x IN ${both} | ${item('x')}]`, '[]')},
    onlyA: ${when('onlyA', `[x IN ${a} WHERE NOT x IN ${b} | ${item('x')}]`, '[]')},
    onlyB: ${when('onlyB', `[x IN ${b} WHERE NOT x IN ${a} | ${item('x')}]`, '[]')},
    jaccard: ${when('jaccard', jaccard(`size(${both})`, `size(${a})`, `size(${b})`), '0.0')}
  }`;
};

/** An overlap the query does not read. */
const emptyOverlap = (name: ComparisonDimension) => `${name}: { shared: [], onlyA: [], onlyB: [], jaccard: 0.0 }`;

/**
 * Both roles side by side: the overlaps in `dimensions`, each with the parts `$parts` names (the
 * others answer empty); with `similarity`, the similarity of b to a (b's fit to a's requirements
 * as a profile, the rule of transitions); with `$jaccard`, the Jaccard similarity of their tools,
 * skills and frameworks; the salary difference when the salaries are comparable. Rows:
 * { comparison }, shaped as RoleComparisonRecord.
 *
 * The text names only what is read: overlaps and a similarity skipped by CASE in one text for
 * all cost a third of the statement's time under load. At most 2^5 × 2 × 4 texts, each built once.
 */
export const compareRoles = (dimensions: readonly ComparisonDimension[], similarity: boolean, shape: LeanShape) => {
  const read = DIMENSION_NAMES.filter((d) => dimensions.includes(d));
  return textOnce('compareRoles', [read.join(','), String(similarity), shapeKey(shape)], () =>
    compareText(read, similarity, shape),
  );
};

const compareText = (read: ComparisonDimension[], similarity: boolean, shape: LeanShape) => `
MATCH (a:Role {id: $a}), (b:Role {id: $b})
${
  similarity
    ? `OPTIONAL CALL (a, b) {
  WITH a, b, COUNT { (:Role) } AS roleCount
  ${asProfile('a', 'b, roleCount')}
  ${fitOf('b', false)}
  RETURN fit
}`
    : 'WITH a, b, null AS fit'
}
WITH a, b, fit, ${[...read.map((d) => overlapItems(d).read), featureCounts('a', 'b', 'features', '$jaccard')].join(', ')}
WITH a, b, fit, ${[...read.map((d) => overlapItems(d).sides), 'featuresBoth, featuresA, featuresB', ...read.map((d) => overlapItems(d).both)].join(', ')}
RETURN { a: ${roleOf(shape)('a')}, b: ${roleOf(shape)('b')},
  ${DIMENSION_NAMES.map((d) => (read.includes(d) ? overlap(d, shape) : emptyOverlap(d))).join(',\n  ')},
  similarity: coalesce(fit, 0.0),
  jaccard: CASE WHEN $jaccard THEN ${featureJaccard('features')} ELSE 0.0 END,
  salaryDifference: ${salaryChange('a', 'b')}
} AS comparison
`;

/** What `to` needs that `from` lacks, with both roles (always in full). Rows: { gap }. */
export const skillGap = (shape: LeanShape) =>
  textOnce('skillGap', [shapeKey(shape)], () => {
    const [role, skill, tool, framework] = [
      (v: string) => projection('ROLE', v),
      itemOf('SKILL', shape),
      itemOf('TOOL', shape),
      itemOf('FRAMEWORK', shape),
    ];
    return `
MATCH (f:Role {id: $from}), (t:Role {id: $to})
RETURN { from: ${role('f')}, to: ${role('t')},
  missingSkills: COLLECT { MATCH (t)-[:REQUIRES_SKILL]->(x:Skill) WHERE NOT (f)-[:REQUIRES_SKILL]->(x) RETURN ${skill('x')} AS item ORDER BY x.name, x.id },
  sharedSkills: COLLECT { MATCH (t)-[:REQUIRES_SKILL]->(x:Skill)<-[:REQUIRES_SKILL]-(f) RETURN ${skill('x')} AS item ORDER BY x.name, x.id },
  newTools: COLLECT { MATCH (t)-[:USES_TOOL]->(x:Tool) WHERE NOT (f)-[:USES_TOOL]->(x) RETURN ${tool('x')} AS item ORDER BY x.name, x.id },
  newFrameworks: COLLECT { MATCH (t)-[:USES_FRAMEWORK]->(x:Framework) WHERE NOT (f)-[:USES_FRAMEWORK]->(x) RETURN ${framework('x')} AS item ORDER BY x.name, x.id }
} AS gap
`;
  });

/**
 * A bound on the fit of each role `r` requiring an item of `profile` (directly or borrowed), as
 * rows { r, bound }: its fit were all its requirements in the profile, each weighed with the
 * highest need any of its edges to it gives. Coverage is then 1 and the covered weight at least
 * the true one, so no fit exceeds its bound; it reads only the profile's items and their edges,
 * where the fit reads every requirement of every candidate.
 */
const fitBounds = `
  UNWIND profile AS x
  WITH x, ${distinct('x')} AS rarity, profileWeight
  CALL (x) {
    MATCH (x)<-[e:${REQUIRES}]-(r:Role) RETURN r, ${need('e')} AS need
    UNION ALL
    MATCH (x)<-[e:${REQUIRES}]-(o:Role)<-[:EQUIVALENT_TO]-(r:Role) WHERE ${borrows('r', 'o')} RETURN r, ${need('e')} AS need
  }
  WITH r, x, rarity, profileWeight, max(need) AS need
  WITH r, profileWeight, sum(need * rarity) AS covered
  WITH r, ${combined('covered', 'profileWeight', 'covered')} AS bound`;

/**
 * Decimal places at which two similarities tie: roles requiring the same items have the same
 * similarity, but their weights may be summed in another order, which changes the last bits.
 */
const TIE_PLACES = 12;

/** Relative slack on the bounds: they and the fits sum the same weights in another order. */
const BOUND_SLACK = '(1.0 - 1e-9)';

/**
 * For each of $ids, the other roles ranked by their similarity to it (their fit to its
 * requirements as a profile, the rule of transitions; ties, to TIE_PLACES, by name, id), the first $first of
 * them with the Jaccard similarity and the items both require (borrowed ones included).
 * Exact, yet the fit is computed only for the roles that may reach the top $first: those whose
 * bound (`fitBounds`) is at least the $first-th best fit among the $first highest bounds.
 * Rows: { ranking: { id, similar } }.
 */
export const similarRoles = (shape: LeanShape) =>
  textOnce('similarRoles', [shapeKey(shape)], () => similarRolesText(roleOf(shape), (kind) => itemOf(kind, shape)));

const similarRolesText = (role: (v: string) => string, item: (kind: NodeKind) => (v: string) => string) => `
WITH COUNT { (:Role) } AS roleCount
UNWIND $ids AS id
MATCH (a:Role {id: id})
${asProfile('a', 'id, a, roleCount')}
CALL (a, profile, profileWeight, roleCount) {
  ${fitBounds}
  WHERE r <> a
  ORDER BY bound DESC
  RETURN collect({ role: r, bound: bound }) AS bounds
}
CALL (bounds, profile, profileWeight, roleCount) {
  UNWIND bounds[0..$first] AS c
  WITH c.role AS r, profile, profileWeight, roleCount
  ${fitOf('r', false)}
  RETURN min(fit) AS least
}
CALL (bounds, least, profile, profileWeight, roleCount) {
  UNWIND bounds AS c
  WITH c.role AS r, profile, profileWeight, roleCount WHERE size(bounds) <= $first OR c.bound >= least * ${BOUND_SLACK}
  ${fitOf('r', false)}
  WITH r, fit WHERE fit > 0
  ORDER BY round(fit, ${TIE_PLACES}) DESC, r.name, r.id
  LIMIT $first
  RETURN collect({ role: r, score: fit }) AS top
}
CALL (a, profile, top) {
  UNWIND range(0, size(top) - 1) AS rank
  WITH rank, top[rank].role AS b, top[rank].score AS score
  WITH rank, b, score, COLLECT { ${requirementsOf('b')} WITH x WHERE x IN profile RETURN x ORDER BY x.name, x.id } AS shared,
    ${featureCounts('a', 'b', 'features')}
  ORDER BY rank
  RETURN collect({
    role: ${role('b')},
    score: score,
    jaccard: ${featureJaccard('features')},
    sharedTools: [x IN shared WHERE x:Tool | ${item('TOOL')('x')}],
    sharedSkills: [x IN shared WHERE x:Skill | ${item('SKILL')('x')}],
    sharedFrameworks: [x IN shared WHERE x:Framework | ${item('FRAMEWORK')('x')}]
  }) AS similar
}
RETURN { id: id, similar: similar } AS ranking
`;

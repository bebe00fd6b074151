import {
  BASE_NEED,
  EMPHASIS_NEED,
  ESCO_NEED,
  FLAG_BONUS,
  IMPORTANCE_MAX,
  RELEVANCE_EMPHASIS,
  TECHNOLOGY_NEED,
  REQUIREMENT_TYPES,
} from '../../model/fit-weights';
import type { NodeKind } from '../../model/kinds';
import { anyNodeProjection, projection } from './projections.cypher';

/*
 * The weighted fit of src/model/fit-weights.ts in Cypher: every constant comes from there.
 * One statement per question; the profile's unknown ids are reported by the same statement.
 */

/** A float literal of a constant (never user input). */
const num = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(v));

export const REQUIRES = REQUIREMENT_TYPES.join('|');

/** need(e) of requirement edge `e`: the strongest signal it carries, BASE_NEED when none. */
export const need = (e: string) => {
  const flags = `CASE WHEN ${e}.hot IS NULL AND ${e}.inDemand IS NULL THEN null ELSE ${num(TECHNOLOGY_NEED)}
    + CASE WHEN ${e}.hot = true THEN ${num(FLAG_BONUS.hot)} ELSE 0.0 END
    + CASE WHEN ${e}.inDemand = true THEN ${num(FLAG_BONUS.inDemand)} ELSE 0.0 END END`;
  const importance = `toFloat(${e}.importance) / ${num(IMPORTANCE_MAX)}`;
  const esco = `CASE ${e}.escoRelation ${Object.entries(ESCO_NEED)
    .map(([k, v]) => `WHEN '${k}' THEN ${num(v)}`)
    .join(' ')} END`;
  const emphasis = `CASE ${e}.emphasis ${Object.entries(EMPHASIS_NEED)
    .map(([k, v]) => `WHEN '${k}' THEN ${num(v)}`)
    .join(' ')} END`;
  // Absent signals are null, and null > m is not true: the strongest present one, or -1 when none.
  const strongest = `reduce(m = -1.0, s IN [${flags}, ${importance}, ${esco}, ${emphasis}] | CASE WHEN s > m THEN s ELSE m END)`;
  return `[m IN [${strongest}] | CASE WHEN m < 0 THEN ${num(BASE_NEED)} ELSE m END][0]`;
};

/** distinct(x) of item `x` among `$roleCount`-many roles (the count is read once per statement as `roleCount`). */
export const distinct = (x: string) =>
  `log(1.0 + toFloat(roleCount) / reduce(m = 1, c IN [COUNT { (${x})<-[:${REQUIRES}]-() }] | CASE WHEN c > m THEN c ELSE m END)) / log(1.0 + roleCount)`;

/**
 * fit from the covered weight W, the profile's weight P and the role's R: the weighted harmonic
 * mean of coverage W / R and relevance W / P, relevance RELEVANCE_EMPHASIS² times as heavy,
 * which is (1 + β²) W / (β² P + R).
 */
const combined = (w: string, p: string, r: string) => {
  const b2 = num(RELEVANCE_EMPHASIS ** 2);
  return `CASE WHEN ${w} = 0 THEN 0.0 ELSE (1.0 + ${b2}) * ${w} / (${b2} * ${p} + ${r}) END`;
};

/** Whether role `r` borrows the items of its O*NET counterpart `o` (an ESCO occupation does, through the crosswalk). */
const borrows = (r: string, o: string) => `${r}.escoUri IS NOT NULL AND ${o}.onetCode IS NOT NULL`;

/**
 * What role `r` requires, each item once: its own requirements, and (an ESCO occupation) those
 * of its O*NET counterparts it lacks, borrowed, with the counterparts' ids. Rows: x, need,
 * borrowed, via.
 */
export const requirementsOf = (r: string) => `CALL (${r}) {
  MATCH (${r})-[e:${REQUIRES}]->(x)
  RETURN x, max(${need('e')}) AS need, false AS borrowed, [] AS via
  UNION ALL
  MATCH (${r})-[:EQUIVALENT_TO]->(o:Role)-[e:${REQUIRES}]->(x)
  WHERE ${borrows(r, 'o')} AND NOT EXISTS { (${r})-[:${REQUIRES}]->(x) }
  RETURN x, max(${need('e')}) AS need, true AS borrowed, collect(DISTINCT o.id) AS via
}`;

/**
 * Whether role `r` has fewer than $minRequirements requirements, borrowed ones included (those
 * are counted only when its own are too few: CASE evaluates lazily).
 */
const tooFewRequirements = (r: string) => `CASE WHEN COUNT { (${r})-[:${REQUIRES}]->() } >= $minRequirements THEN false
  ELSE COUNT { (${r})-[:${REQUIRES}]->() } + COUNT {
    MATCH (${r})-[:EQUIVALENT_TO]->(o:Role)-[:${REQUIRES}]->(x)
    WHERE ${borrows(r, 'o')} AND NOT EXISTS { (${r})-[:${REQUIRES}]->(x) }
    RETURN DISTINCT x } < $minRequirements END`;

const ITEM_KINDS: NodeKind[] = ['SKILL', 'TOOL', 'FRAMEWORK', 'LANGUAGE'];
const item = (v: string) => anyNodeProjection(v, (kind) => (ITEM_KINDS.includes(kind) ? projection(kind, v) : `null`));

/** A requirement as the API shows it: { item, kind, weight, borrowed }. */
const weighted = (x: string, weight: string, borrowed: string) =>
  `{ item: ${item(x)}, kind: ${kindOf(x)}, weight: ${weight}, borrowed: ${borrowed} }`;
const kindOf = (x: string) =>
  `CASE WHEN ${x}:Skill THEN 'SKILL' WHEN ${x}:Tool THEN 'TOOL' WHEN ${x}:Framework THEN 'FRAMEWORK' ELSE 'LANGUAGE' END`;

/** The profile's items (given ids and the current role's requirements), as `profile`, with `roleCount`, `unknown`. */
const PROFILE = `
WITH COUNT { (:Role) } AS roleCount,
  [i IN range(0, size($skills) - 1) WHERE NOT EXISTS { MATCH (:Skill {id: $skills[i]}) } | 'skills[' + toString(i) + ']']
  + [i IN range(0, size($tools) - 1) WHERE NOT EXISTS { MATCH (:Tool {id: $tools[i]}) } | 'tools[' + toString(i) + ']']
  + [i IN range(0, size($frameworks) - 1) WHERE NOT EXISTS { MATCH (:Framework {id: $frameworks[i]}) } | 'frameworks[' + toString(i) + ']']
  + [i IN range(0, size($languages) - 1) WHERE NOT EXISTS { MATCH (:Language {id: $languages[i]}) } | 'languages[' + toString(i) + ']']
  + CASE WHEN $currentRole IS NULL OR EXISTS { MATCH (:Role {id: $currentRole}) } THEN [] ELSE ['currentRole'] END AS unknown
WITH roleCount, unknown, COLLECT {
  UNWIND $skills AS id MATCH (x:Skill {id: id}) RETURN x
  UNION
  UNWIND $tools AS id MATCH (x:Tool {id: id}) RETURN x
  UNION
  UNWIND $frameworks AS id MATCH (x:Framework {id: id}) RETURN x
  UNION
  UNWIND $languages AS id MATCH (x:Language {id: id}) RETURN x
  UNION
  MATCH (c:Role {id: $currentRole}) ${requirementsOf('c')} RETURN x
} AS profile
WITH roleCount, unknown, profile, reduce(s = 0.0, x IN profile | s + ${distinct('x')}) AS profileWeight`;

/** Whether role `r` passes the sources filter (`$sourcePrefixes` null: every role). */
const stated = (r: string) =>
  `($sourcePrefixes IS NULL OR any(p IN coalesce(${r}.provenance, []) WHERE any(pre IN $sourcePrefixes WHERE p STARTS WITH pre)))`;

/**
 * The fit of role `r` to `profile` (profileWeight P): its requirements weighed (R in total), W
 * the weight of those the profile has. Binds requirementCount, coverage (W / R), relevance
 * (W / P) and fit; with `details`, also covered, missing (essentials, at most $missingMax,
 * heaviest first) and missingCount.
 */
const fitOf = (r: string, details: boolean) => `
CALL (${r}, profile, profileWeight, roleCount) {
  ${requirementsOf(r)}
  WITH x, need, borrowed, need * ${distinct('x')} AS weight, x IN profile AS has
  ${details ? 'ORDER BY weight DESC, x.name, x.id' : ''}
  WITH count(x) AS requirementCount, sum(weight) AS total,
    sum(CASE WHEN has THEN weight ELSE 0.0 END) AS coveredWeight ${details ? DETAIL_LISTS : ''}
  RETURN requirementCount,
    CASE WHEN total = 0 THEN 0.0 ELSE coveredWeight / total END AS coverage,
    CASE WHEN profileWeight = 0 THEN 0.0 ELSE coveredWeight / profileWeight END AS relevance,
    ${combined('coveredWeight', 'profileWeight', 'total')} AS fit
    ${details ? ', covered, essentials[0..$missingMax] AS missing, missingCount' : ''}
}`;

/** What the profile covers and the essentials it lacks, in the order of the rows (heaviest first). */
const DETAIL_LISTS = `,
    collect(CASE WHEN has THEN { x: x, weight: weight, borrowed: borrowed } END) AS covered,
    collect(CASE WHEN NOT has AND need >= $essentialNeed THEN { x: x, weight: weight, borrowed: borrowed } END) AS essentials,
    sum(CASE WHEN has THEN 0 ELSE 1 END) AS missingCount`;

/** A RoleFit of role `r`, from the values `fitOf` binds. */
const fitShape = (r: string) => `{
  role: ${projection('ROLE', r)}, fit: fit, coverage: coverage, relevance: relevance,
  covered: [c IN covered | ${weighted('c.x', 'c.weight', 'c.borrowed')}],
  missingEssentials: [c IN missing | ${weighted('c.x', 'c.weight', 'c.borrowed')}],
  missingCount: missingCount
}`;

/**
 * matchRoles: the roles that require at least one of the profile's items (the only ones whose
 * fit is above 0), with at least $minRequirements requirements, stated by the sources filter,
 * ranked by fit (ties by name, id). One row: { unknown, rankedCount, unrankedCount, matches }.
 */
export const MATCH_ROLES = `${PROFILE}
CALL (profile, profileWeight, roleCount) {
  CALL (profile) {
    UNWIND profile AS x
    MATCH (x)<-[:${REQUIRES}]-(r:Role) RETURN r
    UNION
    UNWIND profile AS x
    MATCH (x)<-[:${REQUIRES}]-(o:Role)<-[:EQUIVALENT_TO]-(r:Role) WHERE ${borrows('r', 'o')} RETURN r
  }
  WITH r WHERE ${stated('r')}
  ${fitOf('r', false)}
  WITH r, fit WHERE requirementCount >= $minRequirements AND fit > 0 AND fit >= $minFit
  ORDER BY fit DESC, r.name, r.id
  RETURN collect(r) AS ranked
}
CALL (ranked, profile, profileWeight, roleCount) {
  UNWIND range(0, size(ranked[0..$first]) - 1) AS rank
  WITH rank, ranked[rank] AS r
  ${fitOf('r', true)}
  WITH rank, ${fitShape('r')} AS match ORDER BY rank
  RETURN collect(match) AS matches
}
RETURN unknown, size(ranked) AS rankedCount,
  COUNT { MATCH (r:Role) WHERE ${stated('r')} AND ${tooFewRequirements('r')} } AS unrankedCount,
  matches
`;

/** profileGap: the fit of one role, `$to`, whatever its number of requirements. One row: { unknown, gaps } (gaps empty: no such role). */
export const PROFILE_GAP = `${PROFILE}
RETURN unknown, COLLECT {
  MATCH (r:Role {id: $to})
  ${fitOf('r', true)}
  RETURN ${fitShape('r')} AS gap
} AS gaps
`;

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
import { REQUIREMENT_KINDS, type NodeKind } from '../../model/kinds';
import { TRANSITION_TYPES } from '../../model/transitions';
import { META_LABEL } from './meta.cypher';
import { anyNodeProjection, projection, shapeKey, type LeanShape } from './projections.cypher';
import { textOnce } from './read-plan.cypher';
import { salaryChange } from './salary.cypher';

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
export const combined = (w: string, p: string, r: string) => {
  const b2 = num(RELEVANCE_EMPHASIS ** 2);
  return `CASE WHEN ${w} = 0 THEN 0.0 ELSE (1.0 + ${b2}) * ${w} / (${b2} * ${p} + ${r}) END`;
};

/** Whether role `r` borrows the items of its O*NET counterpart `o` (an ESCO occupation does, through the crosswalk). */
export const borrows = (r: string, o: string) => `${r}.escoUri IS NOT NULL AND ${o}.onetCode IS NOT NULL`;

/**
 * What role `r` requires, each item once: its own requirements, and (an ESCO occupation) those
 * of its O*NET counterparts it lacks, borrowed, with the counterparts' ids. Rows: x, need,
 * borrowed, via.
 */
export const requirementsOf = (r: string) => `CALL (${r}) {
  MATCH (${r})-[e:${REQUIRES}]->(x)
  RETURN x, max(${need('e')}) AS need, false AS borrowed, [] AS via
  UNION ALL
  // Only an ESCO occupation borrows; its own items are read once, not probed per borrowed item.
  WITH ${r} WHERE ${r}.escoUri IS NOT NULL
  WITH ${r}, COLLECT { MATCH (${r})-[:${REQUIRES}]->(own) RETURN own } AS own
  MATCH (${r})-[:EQUIVALENT_TO]->(o:Role)-[e:${REQUIRES}]->(x)
  WHERE o.onetCode IS NOT NULL AND NOT x IN own
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

const item = (v: string, lean: boolean) =>
  anyNodeProjection(v, (kind) =>
    (REQUIREMENT_KINDS as readonly NodeKind[]).includes(kind) ? projection(kind, v, lean) : `null`,
  );

/** A requirement as the API shows it: { item, kind, weight, borrowed }; the item lean when `lean`. */
const weighted = (x: string, weight: string, borrowed: string, lean: boolean) =>
  `{ item: ${item(x, lean)}, kind: ${kindOf(x)}, weight: ${weight}, borrowed: ${borrowed} }`;
const kindOf = (x: string) =>
  `CASE WHEN ${x}:Skill THEN 'SKILL' WHEN ${x}:Tool THEN 'TOOL' WHEN ${x}:Framework THEN 'FRAMEWORK' ELSE 'LANGUAGE' END`;

/** The weight of a profile (a list of items): the sum of their distinctiveness (`roleCount` bound). */
export const weightOf = (profile: string) => `reduce(s = 0.0, x IN ${profile} | s + ${distinct('x')})`;

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
WITH roleCount, unknown, profile, ${weightOf('profile')} AS profileWeight`;

/** Whether role `r` passes the sources filter (`$sourcePrefixes` null: every role). */
const stated = (r: string) =>
  `($sourcePrefixes IS NULL OR any(p IN coalesce(${r}.provenance, []) WHERE any(pre IN $sourcePrefixes WHERE p STARTS WITH pre)))`;

/**
 * The fit of role `r` to `profile` (profileWeight P): its requirements weighed (R in total), W
 * the weight of those the profile has. Binds requirementCount, coverage (W / R), relevance
 * (W / P) and fit; with `details`, also covered, missing (essentials, at most $missingMax,
 * heaviest first) and missingCount.
 */
export const fitOf = (r: string, details: boolean) => `
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

/** A RoleFit of role `r`, from the values `fitOf` binds, its role and items as `shape` reads them. */
const fitShape = (r: string, shape: LeanShape) => `{
  role: ${projection('ROLE', r, shape.leanRoles)}, fit: fit, coverage: coverage, relevance: relevance,
  covered: [c IN covered | ${weighted('c.x', 'c.weight', 'c.borrowed', shape.lean)}],
  missingEssentials: [c IN missing | ${weighted('c.x', 'c.weight', 'c.borrowed', shape.lean)}],
  missingCount: missingCount
}`;

/**
 * matchRoles: the roles that require at least one of the profile's items (the only ones whose
 * fit is above 0), with at least $minRequirements requirements, stated by the sources filter,
 * ranked by fit (ties by name, id). One row: { unknown, rankedCount, unrankedCount, matches }.
 * The roles and items of the matches are projected as `shape` reads them.
 */
export const matchRoles = (shape: LeanShape): string =>
  textOnce(
    'matchRoles',
    [shapeKey(shape)],
    () => `${PROFILE}
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
  WITH rank, ${fitShape('r', shape)} AS match ORDER BY rank
  RETURN collect(match) AS matches
}
RETURN unknown, size(ranked) AS rankedCount,
  COUNT { MATCH (r:Role) WHERE ${stated('r')} AND ${tooFewRequirements('r')} } AS unrankedCount,
  matches
`,
  );

/**
 * profileGap: the fit of one role, `$to`, whatever its number of requirements, projected as
 * `shape` reads it. One row: { unknown, gaps } (gaps empty: no such role).
 */
export const profileGap = (shape: LeanShape): string =>
  textOnce(
    'profileGap',
    [shapeKey(shape)],
    () => `${PROFILE}
RETURN unknown, COLLECT {
  MATCH (r:Role {id: $to})
  ${fitOf('r', true)}
  RETURN ${fitShape('r', shape)} AS gap
} AS gaps
`,
  );

/*
 * Stored transitions: edges of the derived type SIMILAR (TRANSITION_TYPES) from each role to its most similar ones, with the data
 * version they were computed for (see src/import/similar-roles.ts). The version of the
 * requirements is a meta note every write that changes requirements replaces.
 */

const SIMILAR = TRANSITION_TYPES.SIMILAR;
const VERSION_KEY = 'requirements';
const TRANSITIONS_KEY = 'transitions';

/**
 * A new version of the requirements: stored transitions computed before it are stale. Only the
 * precompute creates the note (`$create`); before any, there is nothing to make stale.
 */
export const MARK_REQUIREMENTS_CHANGED = `
OPTIONAL MATCH (existing:${META_LABEL} {key: '${VERSION_KEY}'})
WITH existing WHERE existing IS NOT NULL OR $create
MERGE (m:${META_LABEL} {key: '${VERSION_KEY}'})
SET m.version = $version, m.changedAt = datetime()
`;

/** The requirements' version and the one the stored transitions were computed for. */
export const TRANSITIONS_STATE = `
OPTIONAL MATCH (v:${META_LABEL} {key: '${VERSION_KEY}'})
OPTIONAL MATCH (t:${META_LABEL} {key: '${TRANSITIONS_KEY}'})
RETURN v.version AS version, t.dataVersion AS computedFor
`;

/** The role ids, in pages (`$after`, `$limit`), for the precompute to read role by role. */
export const ROLE_IDS = `MATCH (r:Role) RETURN r.id AS id ORDER BY id`;

/**
 * The requirements of the roles `$ids` with their need and distinctiveness, as the fit weighs
 * them (borrowed ones included). Rows: { role, item, need, distinct, borrowed }.
 */
export const REQUIREMENT_ROWS = `
WITH COUNT { (:Role) } AS roleCount
UNWIND $ids AS id
MATCH (r:Role {id: id})
${requirementsOf('r')}
RETURN r.id AS role, x.id AS item, need, ${distinct('x')} AS distinct, borrowed
// In one order every time, so the scores summed from them are the same to the last bit.
ORDER BY role, item
`;

export const DELETE_TRANSITIONS = `
MATCH (:Role)-[s:${SIMILAR}]->(:Role)
WITH s LIMIT $limit
DELETE s
RETURN count(*) AS deleted
`;

/** Rows: { from, to, score, rank, borrowed }, written with `$dataVersion`. */
export const WRITE_TRANSITIONS = `
UNWIND $rows AS row
MATCH (a:Role {id: row.from}), (b:Role {id: row.to})
CREATE (a)-[:${SIMILAR} { score: row.score, rank: row.rank, borrowed: row.borrowed, dataVersion: $dataVersion }]->(b)
`;

export const RECORD_TRANSITIONS = `
MERGE (t:${META_LABEL} {key: '${TRANSITIONS_KEY}'})
SET t.dataVersion = $dataVersion, t.computedAt = datetime(), t.durationMs = $durationMs, t.edges = $edges
`;

/**
 * Whether moving from `a` to `b` keeps the pay: both have comparable figures, and the median
 * (where both have one, else the bottom of the range) does not fall.
 */
const keepsPay = (a: string, b: string) => `coalesce((${salaryChange(a, b)}) IS NOT NULL AND
  CASE WHEN ${a}.salaryMedian IS NOT NULL AND ${b}.salaryMedian IS NOT NULL THEN ${b}.salaryMedian >= ${a}.salaryMedian
  ELSE ${b}.salaryMin >= ${a}.salaryMin END, false)`;

/** The edges sources state between two roles, by kind (promotion, pivot, related, equivalent). */
const STATED = ['PROGRESSES_TO', 'PIVOTS_TO', 'RELATED_TO', 'EQUIVALENT_TO'];

/**
 * transitions: the stored transitions of `$from`, by rank, with what the two roles
 * share and what the target adds (by the target's weights, heaviest first, at most $itemsMax
 * each), the change in pay, the O*NET counterparts borrowed from, the edges sources state
 * between them (one entry per kind, sources merged, since O*NET often relates two occupations
 * both ways), and whether the stored version is current. The roles (the target, those compared
 * via) and the items are projected as `shape` reads them. One row: { missing, rows }.
 */
export const transitions = (shape: LeanShape): string =>
  textOnce(
    'transitions',
    [shapeKey(shape)],
    () => `
OPTIONAL MATCH (v:${META_LABEL} {key: '${VERSION_KEY}'})
WITH v.version AS current, COUNT { (:Role) } AS roleCount
RETURN [id IN [$from] WHERE NOT EXISTS { MATCH (:Role {id: id}) }] AS missing, COLLECT {
  MATCH (a:Role {id: $from})
  // What the first role requires, read once for all its transitions.
  WITH a, COLLECT { ${requirementsOf('a')} RETURN x } AS known
  MATCH (a)-[s:${SIMILAR}]->(b:Role)
  WHERE s.score >= $minSimilarity
    AND (NOT $keepPay OR ${keepsPay('a', 'b')})
  WITH a, known, b, s ORDER BY s.rank LIMIT $first
  CALL (b, known, roleCount) {
    ${requirementsOf('b')}
    WITH x, need * ${distinct('x')} AS weight, borrowed, via, x IN known AS has
    ORDER BY weight DESC, x.name, x.id
    // Projected after the cut: a target may require hundreds of items, an answer lists $itemsMax.
    WITH collect(CASE WHEN has THEN { x: x, weight: weight, borrowed: borrowed } END)[0..$itemsMax] AS shared,
      collect(CASE WHEN NOT has THEN { x: x, weight: weight, borrowed: borrowed } END)[0..$itemsMax] AS missing,
      reduce(v = [], l IN collect(via) | v + [i IN l WHERE NOT i IN v]) AS viaB
    RETURN [c IN shared | ${weighted('c.x', 'c.weight', 'c.borrowed', shape.lean)}] AS shared,
      [c IN missing | ${weighted('c.x', 'c.weight', 'c.borrowed', shape.lean)}] AS missing, viaB
  }
  WITH a, b, s, shared, missing, viaB + COLLECT {
    MATCH (a)-[:EQUIVALENT_TO]->(o:Role) WHERE ${borrows('a', 'o')} RETURN o.id
  } AS via
  RETURN {
    role: ${projection('ROLE', 'b', shape.leanRoles)},
    similarity: s.score, rank: s.rank, borrowed: s.borrowed,
    dataVersion: s.dataVersion, stale: current IS NULL OR s.dataVersion <> current,
    shared: shared, missing: missing,
    salaryChange: ${salaryChange('a', 'b')},
    comparedVia: COLLECT { MATCH (o:Role) WHERE o.id IN via RETURN ${projection('ROLE', 'o', shape.leanRoles)} AS r ORDER BY r.name, r.id },
    statedBy: [stated IN [[(a)-[e:${STATED.join('|')}]-(b) | { kind: type(e), forward: startNode(e) = a, sources: coalesce(e.sources, []) }]] |
      [kind IN [${[...STATED]
        .sort()
        .map((t) => `'${t}'`)
        .join(', ')}] WHERE any(m IN stated WHERE m.kind = kind) |
        [ms IN [[m IN stated WHERE m.kind = kind]] | {
          kind: kind,
          direction: CASE WHEN all(m IN ms WHERE m.forward) THEN 'FORWARD' WHEN none(m IN ms WHERE m.forward) THEN 'BACKWARD' ELSE 'BOTH' END,
          sources: reduce(all = [], m IN ms | all + [x IN m.sources WHERE NOT x IN all])
        }][0]]][0]
  } AS row
} AS rows
`,
  );

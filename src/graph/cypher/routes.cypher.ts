import { labelOf } from '../../model/kinds';
import { LEARNED, TRANSITION_TYPES, type RouteRankName, type TransitionKindName } from '../../model/transitions';
import { salaryProperty } from '../codecs';
import { projection, shapeKey, type LeanShape } from './projections.cypher';
import { textOnce } from './read-plan.cypher';
import { salaryChange } from './salary.cypher';

/*
 * Career routes. Variable-length bounds cannot be parameters: `maxSteps` reaches these builders
 * only after validation as an integer in 1..MAX_STEPS, the relationship types only from
 * TRANSITION_TYPES and the ordering only from RANKINGS; nothing else is ever interpolated.
 */

export const MAX_STEPS = 6;

/**
 * What a route answer reads, each choice made in the text: its roles and items lean or in full
 * (LeanShape), the tools to learn only if asked, and how much there is to learn only if asked.
 */
export interface RouteShape extends LeanShape {
  tools: boolean;
  learnCount: boolean;
}

const routeKey = (shape: RouteShape) => shapeKey(shape, ['leanRoles', 'lean', 'tools', 'learnCount']);

function steps(maxSteps: number): string {
  if (!Number.isInteger(maxSteps) || maxSteps < 1 || maxSteps > MAX_STEPS) {
    throw new RangeError(`maxSteps must be an integer from 1 to ${MAX_STEPS}`);
  }
  return String(maxSteps);
}

/** The relationship types of the kinds of move a route may take, as a Cypher type expression. */
const transitions = (via: readonly TransitionKindName[]) => [...new Set(via.map((k) => TRANSITION_TYPES[k]))].join('|');

const LEARNED_TYPES = LEARNED.join('|');

/**
 * What the traveller at start `s` knows, as item ids: the start's skills and tools, and `$known`
 * (a profile's, or nothing). Every route statement binds it as `known`.
 */
const KNOWN = `[(s)-[:${LEARNED_TYPES}]->(x) | x.id] + $known`;

/**
 * Items the roles after the start of the route (`ns`: its roles in order) have that are not
 * `known`, as `x`, each once. The caller adds the ordering and the RETURN.
 */
const toAcquire = (types: string, label?: string) => `
    UNWIND ns[1..] AS n
    MATCH (n)-[:${types}]->(x${label ? `:${label}` : ''}) WHERE NOT x.id IN known
    WITH DISTINCT x`;

const TO_LEARN_COUNT = `size(COLLECT {${toAcquire(LEARNED_TYPES)}
    RETURN x
  })`;

const FEWEST = 'size(rs), gain IS NULL, gain DESC, skillCount, [n IN ns | n.id], [r IN rs | type(r)]';

/**
 * Each ranking as an ORDER BY (its own key first, then fewest steps' order for ties), and
 * whether it orders by `learnCount`, which is then counted for every candidate.
 */
const RANKINGS: Record<RouteRankName, { order: string; countsLearning: boolean }> = {
  FEWEST_STEPS: { order: FEWEST, countsLearning: false },
  LEAST_TO_LEARN: { order: `learnCount, ${FEWEST}`, countsLearning: true },
  MOST_PAY_GAIN: { order: `gain IS NULL, gain DESC, ${FEWEST}`, countsLearning: false },
};

/**
 * Ranking keys of each route (`ns`, `rs`: roles and relationships in order) from `s` to `t`: the
 * salary change, the gain (its min + max, unknown when the pay is not comparable), how many
 * skills to acquire, and `learnCount`, how many skills and tools, only where `rank` orders by
 * it (null otherwise: it is counted for the routes kept, see pathLearning, as reading every
 * candidate's tools doubled the cost of a ranking by steps).
 */
const ranking = (carry: string, rank: RouteRankName) => `
WITH ${carry}s, t, known, ns, rs, ${salaryChange('s', 't')} AS salaryChange
WITH *, CASE WHEN salaryChange IS NULL THEN null ELSE salaryChange.min + salaryChange.max END AS gain,
  size(COLLECT {${toAcquire('REQUIRES_SKILL', labelOf('SKILL'))}
    RETURN x
  }) AS skillCount,
  ${RANKINGS[rank].countsLearning ? TO_LEARN_COUNT : 'null'} AS learnCount`;

/**
 * What to learn along each route kept (not along every candidate): how much (`learnCount` if the
 * ranking counted it, else counted only when the shape asks: it reads every tool along the
 * route), the skills, and the tools only when the shape asks for them.
 */
const pathLearning = (shape: RouteShape) => `
WITH *,
  ${shape.learnCount ? `CASE WHEN learnCount IS NOT NULL THEN learnCount ELSE ${TO_LEARN_COUNT} END` : 'learnCount'} AS toLearnCount,
  COLLECT {${toAcquire('REQUIRES_SKILL', labelOf('SKILL'))}
    ORDER BY x.name, x.id
    RETURN ${projection('SKILL', 'x', shape.lean)}
  } AS skillsToAcquire,
  ${
    shape.tools
      ? `COLLECT {${toAcquire('USES_TOOL', labelOf('TOOL'))}
    ORDER BY x.name, x.id
    RETURN ${projection('TOOL', 'x', shape.lean)}
  }`
      : '[]'
  } AS toolsToLearn`;

const payFigure = (v: string, shape: RouteShape) => `{ role: ${projection('ROLE', v, shape.leanRoles)},
    hasFigure: ${v}.${salaryProperty('min')} IS NOT NULL,
    source: ${v}.${salaryProperty('source')}, period: ${v}.${salaryProperty('period')},
    currency: ${v}.${salaryProperty('currency')} }`;

/** A route's answer; `steps` carry what each step's reason is built from. */
const pathAnswer = (shape: RouteShape) => `{
  roles: [n IN ns | ${projection('ROLE', 'n', shape.leanRoles)}],
  steps: [r IN rs | { type: type(r), sources: coalesce(r.sources, []), tier: r.tier, rank: r.rank, score: r.score }],
  salaryChange: salaryChange,
  payFigures: [n IN [head(ns), last(ns)] | ${payFigure('n', shape)}],
  toLearnCount: toLearnCount,
  skillsToAcquire: skillsToAcquire,
  toolsToLearn: toolsToLearn
}`;

/**
 * For each of $fromIds, the simple routes to $to of 1..maxSteps moves of the kinds `via`, ranked
 * by `rank` (RANKINGS; the route's ids and then its kinds of step settle the last ties). What to
 * learn is what the roles after the start need that the start does not have.
 * Rows: { routes: { fromId, paths: [pathAnswer] } }.
 */
export const progressionPaths = (
  maxSteps: number,
  via: readonly TransitionKindName[],
  rank: RouteRankName,
  shape: RouteShape,
) =>
  textOnce(
    'progressionPaths',
    [steps(maxSteps), transitions(via), rank, routeKey(shape)],
    () => `
UNWIND $fromIds AS fromId
MATCH (s:Role {id: fromId}), (t:Role {id: $to})
WITH fromId, s, t, ${KNOWN} AS known
MATCH p = (s)-[:${transitions(via)}*1..${steps(maxSteps)}]->(t)
WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
WITH fromId, s, t, known, nodes(p) AS ns, relationships(p) AS rs
${ranking('fromId, ', rank)}
ORDER BY fromId, ${RANKINGS[rank].order}
WITH fromId, s, known, collect({ ns: ns, rs: rs, salaryChange: salaryChange, learnCount: learnCount })[0..$first] AS kept
UNWIND range(0, size(kept) - 1) AS rank
WITH fromId, s, known, rank, kept[rank] AS route
WITH fromId, s, known, rank, route.ns AS ns, route.rs AS rs, route.salaryChange AS salaryChange, route.learnCount AS learnCount
${pathLearning(shape)}
ORDER BY fromId, rank
WITH fromId, collect(${pathAnswer(shape)}) AS paths
RETURN { fromId: fromId, paths: paths } AS routes
`,
  );

/** One shortest route (Neo4j's allShortestPaths, then the ranking `rank`), or no row. Rows: { path }. */
export const shortestProgression = (via: readonly TransitionKindName[], rank: RouteRankName, shape: RouteShape) =>
  textOnce(
    'shortestProgression',
    [transitions(via), rank, routeKey(shape)],
    () => `
MATCH (s:Role {id: $from}), (t:Role {id: $to})
WITH s, t, ${KNOWN} AS known
MATCH p = allShortestPaths((s)-[:${transitions(via)}*]->(t))
WITH s, t, known, nodes(p) AS ns, relationships(p) AS rs
${ranking('', rank)}
ORDER BY ${RANKINGS[rank].order}
LIMIT 1
${pathLearning(shape)}
RETURN ${pathAnswer(shape)} AS path
`,
  );

/**
 * The roles a route of at most maxSteps moves of the kinds `via` from $from to $to can pass
 * through: those within `ahead` moves of the start and `behind` moves of the end with
 * ahead + behind <= maxSteps (both by breadth-first shortest paths, so the statement stays
 * polynomial however many routes there are). For each: its id, `behind`, the ids of its skills
 * and tools, and its moves (to any role: the caller keeps those into candidates).
 * Rows: { role: { id, behind, items, moves: [{ to, type }] } }.
 */
export const routeCandidates = (maxSteps: number, via: readonly TransitionKindName[]) => {
  const types = transitions(via);
  const k = steps(maxSteps);
  return `
MATCH (s:Role {id: $from}), (t:Role {id: $to})
CALL (s) {
  MATCH p = ANY SHORTEST (s)-[:${types}]->{0,${k}}(n:Role)
  RETURN n, length(p) AS ahead
}
CALL (n, t) {
  MATCH q = ANY SHORTEST (n)-[:${types}]->{0,${k}}(t)
  RETURN length(q) AS behind
}
WITH n, ahead, behind WHERE ahead + behind <= ${k}
RETURN { id: n.id, behind: behind,
  items: [(n)-[:${LEARNED_TYPES}]->(x) | x.id],
  moves: [(n)-[r:${types}]->(m:Role) | { to: m.id, type: type(r) }] } AS role
`;
};

/**
 * One given route, $ids (its roles) joined by moves of $types (one per step), in the shape of
 * progressionPaths, what to learn counted against `known`. Rows: { path }, none if a move is gone.
 */
export const describeRoute = (shape: RouteShape) =>
  textOnce(
    'describeRoute',
    [routeKey(shape)],
    () => `
MATCH (s:Role {id: head($ids)}), (t:Role {id: last($ids)})
WITH s, t, ${KNOWN} AS known
CALL (s) {
  UNWIND range(0, size($types) - 1) AS i
  MATCH (:Role {id: $ids[i]})-[r]->(:Role {id: $ids[i + 1]}) WHERE type(r) = $types[i]
  WITH i, head(collect(r)) AS r ORDER BY i
  RETURN collect(r) AS rs
}
WITH s, t, known, rs, [s] + [r IN rs | endNode(r)] AS ns WHERE size(rs) = size($types)
WITH s, t, known, ns, rs, ${salaryChange('s', 't')} AS salaryChange, null AS learnCount
${pathLearning(shape)}
RETURN ${pathAnswer(shape)} AS path
`,
  );

/** The ids of a profile that name nothing of their kind. Rows: one { unknown: { skills, tools, frameworks, languages, roles } }. */
export const UNKNOWN_PROFILE_IDS = `
RETURN {
  skills: [id IN $skills WHERE NOT EXISTS { MATCH (:${labelOf('SKILL')} {id: id}) }],
  tools: [id IN $tools WHERE NOT EXISTS { MATCH (:${labelOf('TOOL')} {id: id}) }],
  frameworks: [id IN $frameworks WHERE NOT EXISTS { MATCH (:${labelOf('FRAMEWORK')} {id: id}) }],
  languages: [id IN $languages WHERE NOT EXISTS { MATCH (:${labelOf('LANGUAGE')} {id: id}) }],
  roles: [id IN $roles WHERE NOT EXISTS { MATCH (:${labelOf('ROLE')} {id: id}) }]
} AS unknown
`;

import { projection } from './projections.cypher';

/*
 * Traversals. Variable-length bounds cannot be parameters: `maxSteps` reaches these builders
 * only after validation as an integer in 1..MAX_STEPS, and nothing else is ever interpolated.
 */

export const MAX_STEPS = 6;

/*
 * Nodes in answers are projected lean when the client asks only their names: `$leanRoles` for
 * the roles of routes and similarity lists, `$lean` for the items (tools, skills...). The roles
 * a question is about (compare, gap) are always read in full.
 */
const role = (v: string) => projection('ROLE', v, '$leanRoles');
const fullRole = (v: string) => projection('ROLE', v);
const tool = (v: string) => projection('TOOL', v, '$lean');
const skill = (v: string) => projection('SKILL', v, '$lean');
const framework = (v: string) => projection('FRAMEWORK', v, '$lean');
const workflow = (v: string) => projection('WORKFLOW', v, '$lean');
const employer = (v: string) => projection('EMPLOYER', v, '$lean');

function steps(maxSteps: number): string {
  if (!Number.isInteger(maxSteps) || maxSteps < 1 || maxSteps > MAX_STEPS) {
    throw new RangeError(`maxSteps must be an integer from 1 to ${MAX_STEPS}`);
  }
  return String(maxSteps);
}

const TRANSITIONS = (includePivots: boolean) => (includePivots ? 'PROGRESSES_TO|PIVOTS_TO' : 'PROGRESSES_TO');

/**
 * A question about given roles, in one statement with the check that they exist: one row
 * { missing, rows }: the ids among `$roleIds` that name no role, and the rows of `statement`
 * (which must return one column) in its order.
 */
export const checkingRoles = (statement: string) => `
RETURN [id IN $roleIds WHERE NOT EXISTS { MATCH (:Role {id: id}) }] AS missing,
  COLLECT { ${statement} } AS rows
`;

/** Items every listed role has, by relationship type and target label, sorted. Rows: { item }. */
export const sharedItems = (type: 'USES_TOOL' | 'REQUIRES_SKILL' | 'USES_FRAMEWORK') => {
  const [label, proj] =
    type === 'USES_TOOL'
      ? ['Tool', tool('x')]
      : type === 'REQUIRES_SKILL'
        ? ['Skill', skill('x')]
        : ['Framework', framework('x')];
  return `
UNWIND $ids AS id
MATCH (:Role {id: id})-[:${type}]->(x:${label})
WITH x, count(DISTINCT id) AS holders
WHERE holders = size($ids)
WITH x ORDER BY x.name, x.id
RETURN ${proj} AS item
`;
};

/** Sorted related nodes of `v` as a list expression. */
const sorted = (v: string, type: string, label: string, proj: (v: string) => string) =>
  `COLLECT { MATCH (${v})-[:${type}]->(x:${label}) RETURN ${proj('x')} AS item ORDER BY x.name, x.id }`;
const sortedIn = (v: string, type: string, label: string, proj: (v: string) => string) =>
  `COLLECT { MATCH (${v})<-[:${type}]-(x:${label}) RETURN ${proj('x')} AS item ORDER BY x.name, x.id }`;

const FEATURES = 'USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK';

/** The overlap dimensions of a comparison: `$dims` names those to read, the others are empty. */
const dimension = (name: string, pair: string) =>
  `${name}: CASE WHEN '${name}' IN $dims THEN ${pair} ELSE [[], []] END`;

/**
 * Both roles with, for each dimension in `$dims`, each one's tools, skills, frameworks,
 * workflows or employers, sorted (the overlaps are set arithmetic on ids done in the
 * repository); with `$similarity`, the counts of their combined tools, skills and frameworks
 * and of those they share. Rows: { comparison: { a, b, dimensions, counts } }.
 */
export const COMPARE_ROLES = `
MATCH (a:Role {id: $a}), (b:Role {id: $b})
RETURN { a: ${fullRole('a')}, b: ${fullRole('b')}, dimensions: {
  ${dimension('tools', `[${sorted('a', 'USES_TOOL', 'Tool', tool)}, ${sorted('b', 'USES_TOOL', 'Tool', tool)}]`)},
  ${dimension('skills', `[${sorted('a', 'REQUIRES_SKILL', 'Skill', skill)}, ${sorted('b', 'REQUIRES_SKILL', 'Skill', skill)}]`)},
  ${dimension('frameworks', `[${sorted('a', 'USES_FRAMEWORK', 'Framework', framework)}, ${sorted('b', 'USES_FRAMEWORK', 'Framework', framework)}]`)},
  ${dimension('workflows', `[${sorted('a', 'PRACTICES', 'Workflow', workflow)}, ${sorted('b', 'PRACTICES', 'Workflow', workflow)}]`)},
  ${dimension('employers', `[${sortedIn('a', 'HIRES', 'Employer', employer)}, ${sortedIn('b', 'HIRES', 'Employer', employer)}]`)}
}, counts: CASE WHEN $similarity THEN {
  a: COUNT { (a)-[:${FEATURES}]->() },
  b: COUNT { (b)-[:${FEATURES}]->() },
  both: COUNT { (a)-[:${FEATURES}]->(x)<-[:${FEATURES}]-(b) }
} END } AS comparison
`;

/** Salary change and ranking keys (gain, how many skills to acquire) of each path `p` from `s` to `t`. */
const pathRanking = (carry: string) => `
WITH ${carry}s, t, p, CASE
  WHEN s.salaryMin IS NULL OR t.salaryMin IS NULL OR s.salaryCurrency <> t.salaryCurrency
    OR s.salaryPeriod <> t.salaryPeriod OR s.salaryBasis <> t.salaryBasis THEN null
  ELSE { min: t.salaryMin - s.salaryMin, max: t.salaryMax - s.salaryMax, currency: t.salaryCurrency }
END AS salaryChange
WITH *, CASE WHEN salaryChange IS NULL THEN null ELSE salaryChange.min + salaryChange.max END AS gain,
  size(COLLECT {
    UNWIND nodes(p)[1..] AS n
    MATCH (n)-[:REQUIRES_SKILL]->(x:Skill) WHERE NOT (s)-[:REQUIRES_SKILL]->(x)
    WITH DISTINCT x
    RETURN x
  }) AS skillCount`;

const RANK =
  'length(p), gain IS NULL, gain DESC, skillCount, [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)]';

/**
 * What to learn along each route kept (not along every candidate): the skills, and the tools
 * only when `$tools` (the query asks for them).
 */
const pathLearning = `
WITH *,
  COLLECT {
    UNWIND nodes(p)[1..] AS n
    MATCH (n)-[:REQUIRES_SKILL]->(x:Skill) WHERE NOT (s)-[:REQUIRES_SKILL]->(x)
    WITH DISTINCT x ORDER BY x.name, x.id
    RETURN ${skill('x')}
  } AS skillsToAcquire,
  CASE WHEN $tools THEN COLLECT {
    UNWIND nodes(p)[1..] AS n
    MATCH (n)-[:USES_TOOL]->(x:Tool) WHERE NOT (s)-[:USES_TOOL]->(x)
    WITH DISTINCT x ORDER BY x.name, x.id
    RETURN ${tool('x')}
  } ELSE [] END AS toolsToLearn`;

const PATH_SHAPE = `{
  roles: [n IN nodes(p) | ${role('n')}],
  kinds: [r IN relationships(p) | type(r)],
  sources: [r IN relationships(p) | coalesce(r.sources, [])],
  salaryChange: salaryChange,
  skillsToAcquire: skillsToAcquire,
  toolsToLearn: toolsToLearn
}`;

/**
 * For each of $fromIds, the simple routes to $to of 1..maxSteps transitions, ranked: fewer steps,
 * larger salary gain (unknown last), fewer skills to acquire, then the route's ids (and, for a
 * promotion and a pivot between the same roles, the kinds of step). What to
 * learn is what the roles after the start need that the start does not have.
 * Rows: { routes: { fromId, paths: [{ roles, kinds, sources, salaryChange, skillsToAcquire, toolsToLearn }] } }.
 */
export const progressionPaths = (maxSteps: number, includePivots: boolean) => `
UNWIND $fromIds AS fromId
MATCH (s:Role {id: fromId}), (t:Role {id: $to})
MATCH p = (s)-[:${TRANSITIONS(includePivots)}*1..${steps(maxSteps)}]->(t)
WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
${pathRanking('fromId, ')}
ORDER BY fromId, ${RANK}
WITH fromId, s, collect({ p: p, salaryChange: salaryChange })[0..$first] AS kept
UNWIND range(0, size(kept) - 1) AS rank
WITH fromId, s, rank, kept[rank].p AS p, kept[rank].salaryChange AS salaryChange
${pathLearning}
ORDER BY fromId, rank
WITH fromId, collect(${PATH_SHAPE}) AS paths
RETURN { fromId: fromId, paths: paths } AS routes
`;

/** One shortest route (Neo4j's allShortestPaths, then the same ranking), or no row. Rows: { path }. */
export const shortestProgression = (includePivots: boolean) => `
MATCH (s:Role {id: $from}), (t:Role {id: $to})
MATCH p = allShortestPaths((s)-[:${TRANSITIONS(includePivots)}*]->(t))
${pathRanking('')}
ORDER BY ${RANK}
LIMIT 1
${pathLearning}
RETURN ${PATH_SHAPE} AS path
`;

/** What `to` needs that `from` lacks, with both roles. Rows: { gap }. */
export const SKILL_GAP = `
MATCH (f:Role {id: $from}), (t:Role {id: $to})
RETURN { from: ${fullRole('f')}, to: ${fullRole('t')},
  missingSkills: COLLECT { MATCH (t)-[:REQUIRES_SKILL]->(x:Skill) WHERE NOT (f)-[:REQUIRES_SKILL]->(x) RETURN ${skill('x')} AS item ORDER BY x.name, x.id },
  sharedSkills: COLLECT { MATCH (t)-[:REQUIRES_SKILL]->(x:Skill)<-[:REQUIRES_SKILL]-(f) RETURN ${skill('x')} AS item ORDER BY x.name, x.id },
  newTools: COLLECT { MATCH (t)-[:USES_TOOL]->(x:Tool) WHERE NOT (f)-[:USES_TOOL]->(x) RETURN ${tool('x')} AS item ORDER BY x.name, x.id },
  newFrameworks: COLLECT { MATCH (t)-[:USES_FRAMEWORK]->(x:Framework) WHERE NOT (f)-[:USES_FRAMEWORK]->(x) RETURN ${framework('x')} AS item ORDER BY x.name, x.id }
} AS gap
`;

/**
 * For each of $ids, the other roles ranked by Jaccard similarity of their combined tools, skills
 * and frameworks (ties by name, id), with the shared items. Rows: { ranking: { id, similar } }.
 */
export const SIMILAR_ROLES = `
UNWIND $ids AS id
MATCH (r:Role {id: id})
WITH id, r, COUNT { (r)-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]->() } AS mine
MATCH (r)-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]->(x)<-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]-(o:Role)
WHERE o <> r
WITH id, mine, o, x ORDER BY x.name, x.id
WITH id, mine, o, collect(DISTINCT x) AS shared
WITH id, o, shared, toFloat(size(shared)) / (mine + COUNT { (o)-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]->() } - size(shared)) AS score
ORDER BY id, score DESC, o.name, o.id
WITH id, collect({
  role: ${role('o')},
  score: score,
  sharedTools: [x IN shared WHERE x:Tool | ${tool('x')}],
  sharedSkills: [x IN shared WHERE x:Skill | ${skill('x')}],
  sharedFrameworks: [x IN shared WHERE x:Framework | ${framework('x')}]
})[0..$first] AS similar
RETURN { id: id, similar: similar } AS ranking
`;

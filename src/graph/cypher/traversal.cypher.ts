import { projection } from './projections.cypher';
import { salaryChange } from './salary.cypher';

/* Traversals: shared items, comparisons, gaps and similar roles (routes: routes.cypher.ts). */

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

/** What makes two roles alike: the tools, skills and frameworks they have. */
const FEATURES = 'USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK';

/**
 * Jaccard similarity from the sizes of two sets and of their intersection: |A ∩ B| / |A ∪ B|,
 * 0 when both are empty. The one definition of similarity (roles, overlaps of a comparison).
 */
const jaccard = (both: string, a: string, b: string) =>
  `CASE WHEN ${a} + ${b} - ${both} = 0 THEN 0.0 ELSE toFloat(${both}) / (${a} + ${b} - ${both}) END`;

/** The items of list `a` whose id is (`in`) or is not among those of list `b` (one label, so ids are unique). */
const byId = (a: string, b: string, inB: boolean) => `[x IN ${a} WHERE ${inB ? '' : 'NOT '}x.id IN [y IN ${b} | y.id]]`;

/**
 * One overlap dimension of a comparison, read only if `$dims` names it (otherwise empty): the
 * items both roles have, those only one has, and their Jaccard similarity.
 */
const overlap = (name: string, ofA: string, ofB: string) => `${name}: CASE WHEN '${name}' IN $dims THEN
  [pair IN [[${ofA}, ${ofB}]] | {
    shared: ${byId('pair[0]', 'pair[1]', true)},
    onlyA: ${byId('pair[0]', 'pair[1]', false)},
    onlyB: ${byId('pair[1]', 'pair[0]', false)},
    jaccard: ${jaccard(`size(${byId('pair[0]', 'pair[1]', true)})`, 'size(pair[0])', 'size(pair[1])')}
  }][0]
  ELSE { shared: [], onlyA: [], onlyB: [], jaccard: 0.0 } END`;

/**
 * Both roles side by side: for each dimension in `$dims`, the overlap of their tools, skills,
 * frameworks, workflows or employers (sorted); with `$similarity`, the Jaccard similarity of
 * their combined tools, skills and frameworks (as similarRoles ranks by); the salary
 * difference when the salaries are comparable. Rows: { comparison }, shaped as RoleComparisonRecord.
 */
export const COMPARE_ROLES = `
MATCH (a:Role {id: $a}), (b:Role {id: $b})
RETURN { a: ${fullRole('a')}, b: ${fullRole('b')},
  ${overlap('tools', sorted('a', 'USES_TOOL', 'Tool', tool), sorted('b', 'USES_TOOL', 'Tool', tool))},
  ${overlap('skills', sorted('a', 'REQUIRES_SKILL', 'Skill', skill), sorted('b', 'REQUIRES_SKILL', 'Skill', skill))},
  ${overlap('frameworks', sorted('a', 'USES_FRAMEWORK', 'Framework', framework), sorted('b', 'USES_FRAMEWORK', 'Framework', framework))},
  ${overlap('workflows', sorted('a', 'PRACTICES', 'Workflow', workflow), sorted('b', 'PRACTICES', 'Workflow', workflow))},
  ${overlap('employers', sortedIn('a', 'HIRES', 'Employer', employer), sortedIn('b', 'HIRES', 'Employer', employer))},
  similarity: CASE WHEN $similarity THEN ${jaccard(
    `COUNT { (a)-[:${FEATURES}]->(x)<-[:${FEATURES}]-(b) }`,
    `COUNT { (a)-[:${FEATURES}]->() }`,
    `COUNT { (b)-[:${FEATURES}]->() }`,
  )} ELSE 0.0 END,
  salaryDifference: ${salaryChange('a', 'b')}
} AS comparison
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
WITH id, r, COUNT { (r)-[:${FEATURES}]->() } AS mine
MATCH (r)-[:${FEATURES}]->(x)<-[:${FEATURES}]-(o:Role)
WHERE o <> r
WITH id, mine, o, x ORDER BY x.name, x.id
WITH id, mine, o, collect(DISTINCT x) AS shared
WITH id, o, shared, ${jaccard('size(shared)', 'mine', `COUNT { (o)-[:${FEATURES}]->() }`)} AS score
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

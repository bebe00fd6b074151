import { toLuceneQuery } from '../src/graph/search-query';

/*
 * The workloads: the GraphQL operation each target is sent (the API's text; the peer's closest
 * equivalent where its schema differs) and the floor's endpoint. W1-W6 run on a generated
 * graph; R1-R6 on the merged real graph (the article with the O*NET, ESCO, crosswalk and BLS data).
 */

export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6' | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6';
/** The graph a workload runs on: generated (bench sizes) or the merged real data. */
export type WorkloadGraph = 'generated' | 'real';
export type TargetId = 'api' | 'peer' | 'floor';
export type Vars = Record<string, unknown>;

export interface Workload {
  id: WorkloadId;
  graph: WorkloadGraph;
  title: string;
  api: string;
  /**
   * The same operation for @neo4j/graphql: lists need an explicit sort to have an order. Null:
   * the peer cannot express the question (a ranking computed over the whole graph), so it is
   * not run and its results read "not applicable".
   */
  peer: string | null;
  floor: string;
  /** Shortest timed window: a workload whose requests take seconds needs more than a few of them. */
  minDurationSec?: number;
  /**
   * Concurrent clients, when not the bench's 16: a workload whose single request keeps Neo4j
   * busy for seconds would otherwise measure only its queue (and the API's heavy-query wait).
   */
  connections?: number;
  /**
   * The ranked results of an answer (id and score), which the API and the floor must agree on
   * for every input before the workload is timed (see `disagreement`).
   */
  ranked?: (data: unknown) => Ranked[];
}

/** One ranked result: a role and its fit or similarity. */
export interface Ranked {
  id: string;
  score: number;
}

/**
 * The page size every target is sent for each relationship list, so that answers compare: W1's
 * is the API's default; W2's is the largest that keeps its cost (50 × (1 + F × (1 + F))) under
 * the API's default MAX_QUERY_COST.
 */
export const W1_FIRST = 100;
export const W2_FIRST = 40;
/** The real graph's role page: every list an O*NET occupation has fits one page of this size. */
export const R1_FIRST = 100;

/** R5's page: ten roles, each with its first ten missing essentials (cost 232, far below the limit). */
export const R5_FIRST = 10;
export const R5_MISSING_FIRST = 10;
/** R6's page and threshold, sent explicitly so that the floor's statement uses the same. */
export const R6_FIRST = 10;
export const R6_MIN_SIMILARITY = 0.1;

/** What a person knows, by id (the API's ProfileInput). */
export interface Profile {
  skills: string[];
  tools: string[];
  frameworks: string[];
  languages: string[];
}

/**
 * R5's profiles, ten items each, in rotation: what backend, data, platform and web developers
 * list, mixing O*NET technologies, ESCO skills and the article's skills; every id exists in the
 * full merged graph (the bench stops before timing if one does not).
 */
export const R5_PROFILES: readonly Profile[] = [
  {
    // backend: the article's skills, an ESCO skill, O*NET technologies
    skills: ['api-development', 'distributed-systems-design', 'use-databases'],
    tools: ['git', 'docker', 'postgresql', 'apache-kafka'],
    frameworks: ['spring-boot'],
    languages: ['java', 'python'],
  },
  {
    // data
    skills: ['perform-data-analysis', 'utilise-machine-learning', 'statistics', 'data-models'],
    tools: ['tableau', 'apache-airflow'],
    frameworks: ['apache-spark'],
    languages: ['python', 'structured-query-language-sql', 'r'],
  },
  {
    // platform
    skills: ['devops', 'cloud-technologies', 'tools-for-software-configuration-management'],
    tools: ['docker', 'kubernetes', 'ansible', 'jenkins', 'ibm-terraform', 'linux'],
    frameworks: [],
    languages: ['go'],
  },
  {
    // web
    skills: ['web-programming', 'performance-optimization'],
    tools: ['node-js', 'graphql', 'mongodb', 'github'],
    frameworks: ['react', 'django'],
    languages: ['typescript', 'javascript'],
  },
];

const WEIGHTED = '{ item { id name } weight }';

const W3_API = 'query W3($a: ID!, $b: ID!) { sharedTools(roleIds: [$a, $b]) { name } }';
const W5_API = 'query W5($text: String!) { search(text: $text) { score node { name } } }';
/**
 * The plain Jaccard of the roles' combined tools, skills and frameworks (`jaccard`), the
 * similarity W6 always timed: `similarity` became the weighted fit rule, which the peer's
 * `@cypher` field does not compute.
 */
const W6_API =
  'query W6($a: ID!, $b: ID!) { compareRoles(a: $a, b: $b) { tools { shared { name } jaccard } jaccard } }';

export const WORKLOADS: Workload[] = [
  {
    id: 'W1',
    graph: 'generated',
    title: 'role page',
    api:
      `query W1($id: ID!) { role(id: $id) { name salary { min max } tools(first: ${W1_FIRST}) { name } ` +
      `skills(first: ${W1_FIRST}) { name } nextRoles(first: ${W1_FIRST}) { name } } }`,
    peer:
      `query W1($id: ID!) { role(id: $id) { name salary { min max } tools(sort: [{ name: ASC }], limit: ${W1_FIRST}) { name } ` +
      `skills(sort: [{ name: ASC }], limit: ${W1_FIRST}) { name } nextRoles(sort: [{ name: ASC }], limit: ${W1_FIRST}) { name } } }`,
    floor: '/w1',
  },
  {
    id: 'W2',
    graph: 'generated',
    title: '50 roles, tools, who uses them',
    api: `query W2 { roles(first: 50) { edges { node { name tools(first: ${W2_FIRST}) { name usedBy(first: ${W2_FIRST}) { name } } } } } }`,
    peer:
      'query W2 { roles: rolesConnection(first: 50, sort: [{ name: ASC }]) { edges { node { name ' +
      `tools(sort: [{ name: ASC }], limit: ${W2_FIRST}) { name usedBy(sort: [{ name: ASC }], limit: ${W2_FIRST}) { name } } } } } }`,
    floor: '/w2',
    minDurationSec: 30,
  },
  {
    id: 'W3',
    graph: 'generated',
    title: 'shared tools',
    api: W3_API,
    peer: W3_API,
    floor: '/w3',
  },
  {
    id: 'W4',
    graph: 'generated',
    title: 'progression paths',
    api:
      'query W4($from: ID!, $to: ID!) { progressionPaths(from: $from, to: $to, maxSteps: 4) ' +
      '{ length roles { name } skillsToAcquire { name } } }',
    peer:
      'query W4($from: ID!, $to: ID!) { progressionPaths(from: $from, to: $to, maxSteps: 4) ' +
      '{ length roles { name } skillsToAcquire { name } } }',
    floor: '/w4',
  },
  {
    id: 'W5',
    graph: 'generated',
    title: 'search',
    api: W5_API,
    peer: W5_API,
    floor: '/w5',
  },
  {
    id: 'W6',
    graph: 'generated',
    title: 'compare roles',
    api: W6_API,
    peer: W6_API,
    floor: '/w6',
  },
  {
    id: 'R1',
    graph: 'real',
    title: 'real role page',
    api:
      `query R1($id: ID!) { role(id: $id) { name onetCode salary { min median max } tools(first: ${R1_FIRST}) { name } ` +
      `skills(first: ${R1_FIRST}) { name } relatedRoles(first: ${R1_FIRST}) { name } ` +
      `equivalentRoles(first: ${R1_FIRST}) { name } equivalentFrom(first: ${R1_FIRST}) { name } } }`,
    peer:
      `query R1($id: ID!) { role(id: $id) { name onetCode salary { min median max } ` +
      `tools(sort: [{ name: ASC }], limit: ${R1_FIRST}) { name } skills(sort: [{ name: ASC }], limit: ${R1_FIRST}) { name } ` +
      `relatedRoles(sort: [{ name: ASC }], limit: ${R1_FIRST}) { name } ` +
      `equivalentRoles(sort: [{ name: ASC }], limit: ${R1_FIRST}) { name } ` +
      `equivalentFrom(sort: [{ name: ASC }], limit: ${R1_FIRST}) { name } } }`,
    floor: '/r1',
  },
  { id: 'R2', graph: 'real', title: 'real shared tools', api: W3_API, peer: W3_API, floor: '/w3' },
  {
    id: 'R3',
    graph: 'real',
    title: 'real search by alternate title',
    api: W5_API,
    // The Lucene query the API builds from the text (src/graph/search-query.ts) is beyond what a
    // @cypher statement can reasonably build: the peer is sent it ready-made (see peerVariables).
    peer: 'query R3($text: String!, $query: String!) { search(text: $text, query: $query) { score node { name } } }',
    floor: '/r3',
  },
  { id: 'R4', graph: 'real', title: 'real comparison', api: W6_API, peer: W6_API, floor: '/w6' },
  {
    id: 'R5',
    graph: 'real',
    title: 'roles ranked by fit to a profile of ten items',
    api:
      `query R5($profile: ProfileInput!) { matchRoles(profile: $profile, first: ${R5_FIRST}) { rankedCount matches { ` +
      `role { id name } fit coverage relevance missingCount covered ${WEIGHTED} ` +
      `missingEssentials(first: ${R5_MISSING_FIRST}) ${WEIGHTED} } } }`,
    peer: null,
    floor: '/r5',
    // Seconds of database work each: two clients.
    connections: 2,
    minDurationSec: 30,
    ranked: (data) =>
      (data as { matchRoles: { matches: { role: { id: string }; fit: number }[] } }).matchRoles.matches.map((m) => ({
        id: m.role.id,
        score: m.fit,
      })),
  },
  {
    id: 'R6',
    graph: 'real',
    title: 'stored transitions of a role',
    api:
      `query R6($from: ID!) { transitions(from: $from, first: ${R6_FIRST}, minSimilarity: ${R6_MIN_SIMILARITY}) { ` +
      `role { id name } similarity rank shared ${WEIGHTED} missing ${WEIGHTED} salaryChange { min max currency } } }`,
    peer: null,
    floor: '/r6',
    // An O*NET occupation's transitions weigh thousands of requirements: a second or more each.
    connections: 4,
    minDurationSec: 30,
    ranked: (data) =>
      (data as { transitions: { role: { id: string }; similarity: number }[] }).transitions.map((t) => ({
        id: t.role.id,
        score: t.similarity,
      })),
  },
];

/** `count` variable sets taking `items` in turn (none when there are no items). */
export function inTurn<T>(items: readonly T[], count: number): T[] {
  if (items.length === 0) return [];
  return Array.from({ length: count }, (_, i) => items[i % items.length]);
}

/** The lists' items alternately (the first of each, then the second of each...): every source in every stretch. */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const longest = Math.max(0, ...lists.map((l) => l.length));
  return Array.from({ length: longest }, (_, i) => lists.flatMap((l) => (i < l.length ? [l[i]] : []))).flat();
}

/** Each profile with only the ids `present` holds (a smaller graph may lack some), and the ids left out. */
export function profilesIn(
  profiles: readonly Profile[],
  present: ReadonlySet<string>,
): { profiles: Profile[]; absent: string[] } {
  const absent = new Set<string>();
  const keep = (ids: string[]) => ids.filter((id) => present.has(id) || !absent.add(id));
  const kept = profiles.map((p) => ({
    skills: keep(p.skills),
    tools: keep(p.tools),
    frameworks: keep(p.frameworks),
    languages: keep(p.languages),
  }));
  return { profiles: kept, absent: [...absent] };
}

/** Floor bodies are the variables themselves, with a shared-tools pair as the list the API receives. */
export function floorVariables(workload: WorkloadId, vars: Vars): Vars {
  return workload === 'W3' || workload === 'R2' ? { roleIds: [vars.a, vars.b] } : vars;
}

/** The peer's variables: the API's, with R3's Lucene query added (built by the API's own rule). */
export function peerVariables(workload: WorkloadId, vars: Vars): Vars {
  return workload === 'R3' ? { ...vars, query: toLuceneQuery(String(vars.text)) } : vars;
}

/** The targets that can answer a workload: all three, or the API and the floor. */
export function targetsOf(workload: Workload): TargetId[] {
  return workload.peer === null ? ['api', 'floor'] : ['api', 'peer', 'floor'];
}

/** The HTTP request a target is sent for one set of variables. */
export function requestFor(target: TargetId, workload: Workload, vars: Vars): { path: string; body: string } {
  if (target === 'floor') return { path: workload.floor, body: JSON.stringify(floorVariables(workload.id, vars)) };
  if (target === 'api') return { path: '/graphql', body: JSON.stringify({ query: workload.api, variables: vars }) };
  if (workload.peer === null) throw new Error(`The peer cannot answer ${workload.id}`);
  return {
    path: '/graphql',
    body: JSON.stringify({ query: workload.peer, variables: peerVariables(workload.id, vars) }),
  };
}

/**
 * Why two ranked answers to the same input differ, or null when they agree: the same ids in
 * the same order, each score within `tolerance`. Results whose scores are within `tolerance`
 * of each other are a tie and may come in either order (a sum in another order can differ in
 * its last bit, and the tie is then broken by name on a different value).
 */
export function disagreement(api: readonly Ranked[], floor: readonly Ranked[], tolerance = 1e-6): string | null {
  const show = (r: Ranked | undefined) => (r === undefined ? 'nothing' : `${r.id} (${r.score})`);
  if (api.length !== floor.length) return `the API ranks ${api.length} result(s), the floor ${floor.length}`;
  for (let start = 0; start < api.length;) {
    let end = start + 1;
    while (end < api.length && Math.abs(api[end].score - api[start].score) <= tolerance) end++;
    for (let i = start; i < end; i++) {
      const same = floor.slice(start, end).find((f) => f.id === api[i].id);
      if (same === undefined) return `at rank ${i + 1} the API has ${show(api[i])}, the floor ${show(floor[i])}`;
      if (!(Math.abs(same.score - api[i].score) <= tolerance)) {
        return `${api[i].id} scores ${api[i].score} in the API, ${same.score} in the floor (tolerance ${tolerance})`;
      }
    }
    start = end;
  }
  return null;
}

/** Rounds floats (scores, Jaccard) so that answers computed in JS and in Cypher compare equal. */
export function normalise(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  return value;
}

/** The targets every run is judged by (docs/performance.md, "Targets"); the checks and the printout derive from these. */
export const GOALS = {
  /** API req/s over the peer's, on every workload the peer can express. */
  throughputVsPeer: 1.2,
  /** API p99 over the floor's, on the role pages, shared tools, search and comparison. */
  p99VsFloor: 1.5,
  p99Workloads: ['W1', 'W3', 'W5', 'W6', 'R1', 'R3'] as WorkloadId[],
  /** The API process's peak resident memory over the whole run. */
  apiPeakRssMB: 300,
};

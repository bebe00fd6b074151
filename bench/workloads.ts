import { toLuceneQuery } from '../src/graph/search-query';

/*
 * The workloads: the GraphQL operation each target is sent (the API's text; the peer's closest
 * equivalent where its schema differs) and the floor's endpoint. W1-W6 run on a generated
 * graph; R1-R4 on the merged real graph (the article with the O*NET, ESCO, crosswalk and BLS data).
 */

export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6' | 'R1' | 'R2' | 'R3' | 'R4';
/** The graph a workload runs on: generated (bench sizes) or the merged real data. */
export type WorkloadGraph = 'generated' | 'real';
export type TargetId = 'api' | 'peer' | 'floor';
export type Vars = Record<string, unknown>;

export interface Workload {
  id: WorkloadId;
  graph: WorkloadGraph;
  title: string;
  api: string;
  /** The same operation for @neo4j/graphql: lists need an explicit sort to have an order. */
  peer: string;
  floor: string;
  /** Shortest timed window: a workload whose requests take seconds needs more than a few of them. */
  minDurationSec?: number;
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

const W3_API = 'query W3($a: ID!, $b: ID!) { sharedTools(roleIds: [$a, $b]) { name } }';
const W5_API = 'query W5($text: String!) { search(text: $text) { score node { name } } }';
const W6_API =
  'query W6($a: ID!, $b: ID!) { compareRoles(a: $a, b: $b) { tools { shared { name } jaccard } similarity } }';

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
];

/** Floor bodies are the variables themselves, with a shared-tools pair as the list the API receives. */
export function floorVariables(workload: WorkloadId, vars: Vars): Vars {
  return workload === 'W3' || workload === 'R2' ? { roleIds: [vars.a, vars.b] } : vars;
}

/** The peer's variables: the API's, with R3's Lucene query added (built by the API's own rule). */
export function peerVariables(workload: WorkloadId, vars: Vars): Vars {
  return workload === 'R3' ? { ...vars, query: toLuceneQuery(String(vars.text)) } : vars;
}

/** The HTTP request a target is sent for one set of variables. */
export function requestFor(target: TargetId, workload: Workload, vars: Vars): { path: string; body: string } {
  if (target === 'floor') return { path: workload.floor, body: JSON.stringify(floorVariables(workload.id, vars)) };
  const [query, variables] =
    target === 'api' ? [workload.api, vars] : [workload.peer, peerVariables(workload.id, vars)];
  return { path: '/graphql', body: JSON.stringify({ query, variables }) };
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

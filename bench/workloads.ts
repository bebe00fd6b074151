/*
 * The six workloads: the GraphQL operation each target is sent (the API's text; the peer's
 * closest equivalent where its schema differs) and the floor's endpoint.
 */

export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6';
export type TargetId = 'api' | 'peer' | 'floor';
export type Vars = Record<string, unknown>;

export interface Workload {
  id: WorkloadId;
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

export const WORKLOADS: Workload[] = [
  {
    id: 'W1',
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
    title: 'shared tools',
    api: 'query W3($a: ID!, $b: ID!) { sharedTools(roleIds: [$a, $b]) { name } }',
    peer: 'query W3($a: ID!, $b: ID!) { sharedTools(roleIds: [$a, $b]) { name } }',
    floor: '/w3',
  },
  {
    id: 'W4',
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
    title: 'search',
    api: 'query W5($text: String!) { search(text: $text) { score node { name } } }',
    peer: 'query W5($text: String!) { search(text: $text) { score node { name } } }',
    floor: '/w5',
  },
  {
    id: 'W6',
    title: 'compare roles',
    api: 'query W6($a: ID!, $b: ID!) { compareRoles(a: $a, b: $b) { tools { shared { name } jaccard } similarity } }',
    peer: 'query W6($a: ID!, $b: ID!) { compareRoles(a: $a, b: $b) { tools { shared { name } jaccard } similarity } }',
    floor: '/w6',
  },
];

/** Floor bodies are the variables themselves, with W3's pair as the list the API receives. */
export function floorVariables(workload: WorkloadId, vars: Vars): Vars {
  return workload === 'W3' ? { roleIds: [vars.a, vars.b] } : vars;
}

/** The HTTP request a target is sent for one set of variables. */
export function requestFor(target: TargetId, workload: Workload, vars: Vars): { path: string; body: string } {
  if (target === 'floor') return { path: workload.floor, body: JSON.stringify(floorVariables(workload.id, vars)) };
  const query = target === 'api' ? workload.api : workload.peer;
  return { path: '/graphql', body: JSON.stringify({ query, variables: vars }) };
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

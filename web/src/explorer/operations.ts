// The explorer's GraphQL operations, each a typed document: the text sent to POST /graphql
// together with the TypeScript types of its variables and result. The types are written by hand
// against schema/schema.graphql; tests/e2e/explorer.test.ts validates every document against
// that schema, so a renamed field fails a test rather than a user.
//
// This file has no DOM dependency (the tests import it under Node).

/** A GraphQL document that carries the types of its result and variables. */
export interface TypedDocument<TResult, TVariables> {
  readonly operationName: string;
  readonly query: string;
  /** Phantom fields: never set, only there so the types travel with the document. */
  readonly __result?: TResult;
  readonly __variables?: TVariables;
}

function operation<TResult, TVariables>(operationName: string, query: string): TypedDocument<TResult, TVariables> {
  return { operationName, query };
}

export type NodeKind = 'Role' | 'Tool' | 'Skill' | 'Framework' | 'Employer' | 'Workflow' | 'Language' | 'Category';

export interface NodeRef {
  id: string;
  name: string;
}

export interface Money {
  min: number;
  max: number;
  currency: string;
}

// ---------------------------------------------------------------------------------------------
// Search

export interface SearchResult {
  search: { score: number; node: NodeRef & { __typename: NodeKind } }[];
}
export interface SearchVariables {
  text: string;
  first?: number;
}
export const SearchNodes = operation<SearchResult, SearchVariables>(
  'ExplorerSearch',
  `query ExplorerSearch($text: String!, $first: Int! = 10) {
  search(text: $text, first: $first, kinds: [ROLE, TOOL, SKILL, FRAMEWORK]) {
    score
    node {
      __typename
      id
      name
    }
  }
}`,
);

// ---------------------------------------------------------------------------------------------
// A node and its neighbourhood. Ids are unique across kinds, so at most one lookup answers.

export interface RoleNeighbourhood extends NodeRef {
  __typename: 'Role';
  description: string | null;
  summary: string | null;
  seniority: string | null;
  level: number | null;
  track: 'IC' | 'MANAGEMENT' | null;
  salary: (Money & { period: 'HOUR' | 'MONTH' | 'YEAR' }) | null;
  tools: NodeRef[];
  skills: NodeRef[];
  frameworks: NodeRef[];
  languages: NodeRef[];
  workflows: NodeRef[];
  employers: NodeRef[];
  nextRoles: NodeRef[];
  previousRoles: NodeRef[];
  adjacentRoles: NodeRef[];
}
export interface ToolNeighbourhood extends NodeRef {
  __typename: 'Tool';
  description: string | null;
  usedBy: NodeRef[];
  categories: NodeRef[];
  frameworks: NodeRef[];
}
export interface SkillNeighbourhood extends NodeRef {
  __typename: 'Skill';
  description: string | null;
  requiredBy: NodeRef[];
}
export interface FrameworkNeighbourhood extends NodeRef {
  __typename: 'Framework';
  description: string | null;
  usedBy: NodeRef[];
  runsOn: NodeRef[];
  writtenIn: NodeRef[];
}
export interface EmployerNeighbourhood extends NodeRef {
  __typename: 'Employer';
  description: string | null;
  roles: NodeRef[];
}
export interface WorkflowNeighbourhood extends NodeRef {
  __typename: 'Workflow';
  description: string | null;
  practicedBy: NodeRef[];
}
export interface LanguageNeighbourhood extends NodeRef {
  __typename: 'Language';
  description: string | null;
  usedBy: NodeRef[];
  frameworks: NodeRef[];
}
export interface CategoryNeighbourhood extends NodeRef {
  __typename: 'Category';
  description: string | null;
  tools: NodeRef[];
}
export type AnyNeighbourhood =
  | RoleNeighbourhood
  | ToolNeighbourhood
  | SkillNeighbourhood
  | FrameworkNeighbourhood
  | EmployerNeighbourhood
  | WorkflowNeighbourhood
  | LanguageNeighbourhood
  | CategoryNeighbourhood;

export interface NeighbourhoodResult {
  role: RoleNeighbourhood | null;
  tool: ToolNeighbourhood | null;
  skill: SkillNeighbourhood | null;
  framework: FrameworkNeighbourhood | null;
  employer: EmployerNeighbourhood | null;
  workflow: WorkflowNeighbourhood | null;
  language: LanguageNeighbourhood | null;
  category: CategoryNeighbourhood | null;
}
export interface NeighbourhoodVariables {
  id: string;
}
export const Neighbourhood = operation<NeighbourhoodResult, NeighbourhoodVariables>(
  'ExplorerNeighbourhood',
  `query ExplorerNeighbourhood($id: ID!) {
  role(id: $id) {
    __typename
    id
    name
    description
    summary
    seniority
    level
    track
    salary {
      min
      max
      currency
      period
    }
    tools { ...Ref }
    skills { ...Ref }
    frameworks { ...Ref }
    languages { ...Ref }
    workflows { ...Ref }
    employers { ...Ref }
    nextRoles { ...Ref }
    previousRoles { ...Ref }
    adjacentRoles { ...Ref }
  }
  tool(id: $id) {
    __typename
    id
    name
    description
    usedBy { ...Ref }
    categories { ...Ref }
    frameworks { ...Ref }
  }
  skill(id: $id) {
    __typename
    id
    name
    description
    requiredBy { ...Ref }
  }
  framework(id: $id) {
    __typename
    id
    name
    description
    usedBy { ...Ref }
    runsOn { ...Ref }
    writtenIn { ...Ref }
  }
  employer(id: $id) {
    __typename
    id
    name
    description
    roles { ...Ref }
  }
  workflow(id: $id) {
    __typename
    id
    name
    description
    practicedBy { ...Ref }
  }
  language(id: $id) {
    __typename
    id
    name
    description
    usedBy { ...Ref }
    frameworks { ...Ref }
  }
  category(id: $id) {
    __typename
    id
    name
    description
    tools { ...Ref }
  }
}

fragment Ref on Node {
  id
  name
}`,
);

// ---------------------------------------------------------------------------------------------
// Every role, for the route finder's and the comparison's pickers.

export interface RoleListResult {
  roles: {
    edges: { node: NodeRef & { level: number | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
export interface RoleListVariables {
  after?: string | null;
}
export const RoleList = operation<RoleListResult, RoleListVariables>(
  'ExplorerRoles',
  `query ExplorerRoles($after: String) {
  roles(first: 100, after: $after) {
    edges {
      node {
        id
        name
        level
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}`,
);

// ---------------------------------------------------------------------------------------------
// Routes between two roles

export interface CareerPath {
  length: number;
  roles: NodeRef[];
  steps: { from: NodeRef; to: NodeRef; kind: 'PROMOTION' | 'PIVOT'; sources: string[] }[];
  salaryChange: Money | null;
  skillsToAcquire: NodeRef[];
  toolsToLearn: NodeRef[];
}
export interface RoutesResult {
  progressionPaths: CareerPath[];
}
export interface RoutesVariables {
  from: string;
  to: string;
  maxSteps: number;
  includePivots: boolean;
}
export const Routes = operation<RoutesResult, RoutesVariables>(
  'ExplorerRoutes',
  `query ExplorerRoutes($from: ID!, $to: ID!, $maxSteps: Int!, $includePivots: Boolean!) {
  progressionPaths(from: $from, to: $to, maxSteps: $maxSteps, includePivots: $includePivots, first: 10) {
    length
    roles { id name }
    steps {
      from { id name }
      to { id name }
      kind
      sources
    }
    salaryChange { min max currency }
    skillsToAcquire { id name }
    toolsToLearn { id name }
  }
}`,
);

// ---------------------------------------------------------------------------------------------
// Two roles side by side

export interface Overlap {
  shared: NodeRef[];
  onlyA: NodeRef[];
  onlyB: NodeRef[];
  jaccard: number;
}
export interface CompareResult {
  compareRoles: {
    a: NodeRef;
    b: NodeRef;
    tools: Overlap;
    skills: Overlap;
    frameworks: Overlap;
    workflows: Overlap;
    employers: Overlap;
    similarity: number;
    salaryDifference: Money | null;
  };
}
export interface CompareVariables {
  a: string;
  b: string;
}
export const Compare = operation<CompareResult, CompareVariables>(
  'ExplorerCompare',
  `query ExplorerCompare($a: ID!, $b: ID!) {
  compareRoles(a: $a, b: $b) {
    a { id name }
    b { id name }
    tools { shared { id name } onlyA { id name } onlyB { id name } jaccard }
    skills { shared { id name } onlyA { id name } onlyB { id name } jaccard }
    frameworks { shared { id name } onlyA { id name } onlyB { id name } jaccard }
    workflows { shared { id name } onlyA { id name } onlyB { id name } jaccard }
    employers { shared { id name } onlyA { id name } onlyB { id name } jaccard }
    similarity
    salaryDifference { min max currency }
  }
}`,
);

/** Every operation the explorer sends. */
export const allOperations: TypedDocument<unknown, unknown>[] = [SearchNodes, Neighbourhood, RoleList, Routes, Compare];

import type { NodeLabel } from '../model/kinds';

/**
 * Plain shapes the read queries return; the GraphQL types are built on these. A node read lean
 * (its selection asks nothing else) carries only `__typename`, `id` and `name`.
 */
export interface NodeRecord {
  __typename: NodeLabel;
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
  sources: string[];
  updatedAt: string | null;
}

export interface SalaryRecord {
  min: number;
  max: number;
  currency: string;
  period: string;
  basis: string;
  region: string | null;
  caveat: string | null;
}

export interface RoleRecord extends NodeRecord {
  seniority: string | null;
  level: number | null;
  track: string | null;
  summary: string | null;
  bestFor: string | null;
  responsibilities: string[];
  onboardingFocus: string | null;
  documentationNeeds: string | null;
  ergonomics: string | null;
  salary: SalaryRecord | null;
}

/** A relationship's properties: `note`, `sources` and those its type declares (absent ones null). */
export type EdgeProperties = { note: string | null; sources: string[] } & Record<
  string,
  string | number | null | string[]
>;

export interface PageRecord<T extends NodeRecord = NodeRecord> {
  nodes: T[];
  totalCount: number;
  hasNextPage: boolean;
}

export interface SalaryChangeRecord {
  min: number;
  max: number;
  currency: string;
}

export interface CareerStepRecord {
  from: RoleRecord;
  to: RoleRecord;
  kind: 'PROMOTION' | 'PIVOT';
  sources: string[];
}

export interface CareerPathRecord {
  roles: RoleRecord[];
  steps: CareerStepRecord[];
  length: number;
  salaryChange: SalaryChangeRecord | null;
  skillsToAcquire: NodeRecord[];
  toolsToLearn: NodeRecord[];
}

export interface OverlapRecord {
  shared: NodeRecord[];
  onlyA: NodeRecord[];
  onlyB: NodeRecord[];
  /** |shared| / |union|; 0 when both sides are empty. */
  jaccard: number;
}

export interface RoleComparisonRecord {
  a: RoleRecord;
  b: RoleRecord;
  tools: OverlapRecord;
  skills: OverlapRecord;
  frameworks: OverlapRecord;
  workflows: OverlapRecord;
  employers: OverlapRecord;
  similarity: number;
  salaryDifference: SalaryChangeRecord | null;
}

export interface SkillGapRecord {
  from: RoleRecord;
  to: RoleRecord;
  missingSkills: NodeRecord[];
  sharedSkills: NodeRecord[];
  newTools: NodeRecord[];
  newFrameworks: NodeRecord[];
  coverage: number;
}

export interface RoleSimilarityRecord {
  role: RoleRecord;
  score: number;
  sharedTools: NodeRecord[];
  sharedSkills: NodeRecord[];
  sharedFrameworks: NodeRecord[];
}

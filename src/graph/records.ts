import { z } from 'zod';
import { NODE_KIND_NAMES, REQUIREMENT_KINDS, labelOf, type NodeLabel } from '../model/kinds';
import { STATED_DIRECTIONS, type StepReasonRecord, type TransitionKindName } from '../model/transitions';

/*
 * The shapes the read queries return, one codec per record type: repositories parse their rows
 * with these, and the GraphQL types are built on the parsed records. A node read lean (its
 * selection asks nothing else) carries only `__typename`, `id` and `name`; its other fields
 * parse to their empty values, which no resolver of that selection reads.
 */

const LABELS = NODE_KIND_NAMES.map(labelOf) as [NodeLabel, ...NodeLabel[]];

const lists = new WeakMap<z.ZodType, z.ZodType>();
/**
 * The codec of a list of `codec`'s records, built once per codec: zod builds a new schema object
 * on every `z.array` call, which on the read path cost a few per cent of the API's CPU.
 */
export function listOf<T extends z.ZodType>(codec: T): z.ZodArray<T> {
  let list = lists.get(codec) as z.ZodArray<T> | undefined;
  if (list === undefined) lists.set(codec, (list = z.array(codec)));
  return list;
}
const optionalText = z.string().nullable().default(null);
const textList = z.array(z.string()).default([]);
const optionalNumber = z.number().nullable().default(null);

const nodeShape = {
  __typename: z.enum(LABELS),
  id: z.string(),
  name: z.string(),
  aliases: textList,
  description: optionalText,
  sources: textList,
  provenance: textList,
  updatedAt: optionalText,
};

export const nodeRecord = z.object(nodeShape);
export type NodeRecord = z.infer<typeof nodeRecord>;

export const salaryRecord = z.object({
  min: z.number(),
  max: z.number(),
  currency: z.string(),
  period: z.string(),
  basis: z.string(),
  region: optionalText,
  caveat: optionalText,
  p10: optionalNumber,
  p25: optionalNumber,
  median: optionalNumber,
  p75: optionalNumber,
  p90: optionalNumber,
  topCoded: z.array(z.string()).nullable().default(null),
  source: optionalText,
  borrowedFrom: optionalText,
  /** The figures as published (hourly pay has cents); the fields above are rounded to whole units. */
  amounts: z.object({
    min: z.number(),
    max: z.number(),
    p10: optionalNumber,
    p25: optionalNumber,
    median: optionalNumber,
    p75: optionalNumber,
    p90: optionalNumber,
  }),
});
export type SalaryRecord = z.infer<typeof salaryRecord>;

export const roleRecord = z.object({
  ...nodeShape,
  seniority: optionalText,
  level: optionalNumber,
  track: optionalText,
  summary: optionalText,
  bestFor: optionalText,
  responsibilities: textList,
  onboardingFocus: optionalText,
  documentationNeeds: optionalText,
  ergonomics: optionalText,
  salary: salaryRecord.nullable().default(null),
  salaryMissing: optionalText,
  onetCode: optionalText,
  escoUri: optionalText,
  escoCode: optionalText,
  iscoGroup: optionalText,
  jobZone: optionalNumber,
  alternateTitles: textList,
  alternateTitlesCount: z.number().default(0),
});
export type RoleRecord = z.infer<typeof roleRecord>;

/** A node of any kind, read with its kind's projection (a role keeps its role fields). */
export const anyNodeRecord = z.union([roleRecord.extend({ __typename: z.literal('Role') }), nodeRecord]);

/**
 * A relationship's properties: `note`, `sources`, `provenance` (encoded, see codecs.ts) and those
 * its type declares (absent ones null).
 */
export const edgePropertiesRecord = z
  .object({ note: z.string().nullable(), sources: z.array(z.string()), provenance: textList })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type EdgeProperties = z.infer<typeof edgePropertiesRecord>;

export interface PageRecord<T extends NodeRecord = NodeRecord> {
  nodes: T[];
  totalCount: number;
  hasNextPage: boolean;
}

export const salaryChangeRecord = z.object({ min: z.number(), max: z.number(), currency: z.string() });
export type SalaryChangeRecord = z.infer<typeof salaryChangeRecord>;

export interface CareerStepRecord {
  from: RoleRecord;
  to: RoleRecord;
  kind: TransitionKindName;
  sources: string[];
  reason: StepReasonRecord;
}

/** A role's pay figure as a route compares it: where it comes from and what it measures. */
export interface PayFigureRecord {
  role: RoleRecord;
  source: string | null;
  period: string | null;
  currency: string | null;
}

export interface CareerPathRecord {
  roles: RoleRecord[];
  steps: CareerStepRecord[];
  length: number;
  salaryChange: SalaryChangeRecord | null;
  payFigures: PayFigureRecord[];
  /** null when the query did not ask for it (PathShape.learnCount). */
  toLearnCount: number | null;
  skillsToAcquire: NodeRecord[];
  toolsToLearn: NodeRecord[];
}

export const overlapRecord = z.object({
  shared: z.array(nodeRecord),
  onlyA: z.array(nodeRecord),
  onlyB: z.array(nodeRecord),
  /** |shared| / |union|; 0 when both sides are empty. */
  jaccard: z.number(),
});
export type OverlapRecord = z.infer<typeof overlapRecord>;

export const roleComparisonRecord = z.object({
  a: roleRecord,
  b: roleRecord,
  tools: overlapRecord,
  skills: overlapRecord,
  frameworks: overlapRecord,
  workflows: overlapRecord,
  employers: overlapRecord,
  /** b's fit to a's requirements (src/model/fit-weights.ts). */
  similarity: z.number(),
  jaccard: z.number(),
  salaryDifference: salaryChangeRecord.nullable(),
});
export type RoleComparisonRecord = z.infer<typeof roleComparisonRecord>;

/** What moving between two roles asks for, as read; the coverage is the service's. */
export const skillGapRow = z.object({
  from: roleRecord,
  to: roleRecord,
  missingSkills: z.array(nodeRecord),
  sharedSkills: z.array(nodeRecord),
  newTools: z.array(nodeRecord),
  newFrameworks: z.array(nodeRecord),
});
export type SkillGapRecord = z.infer<typeof skillGapRow> & { coverage: number };

export const roleSimilarityRecord = z.object({
  role: roleRecord,
  /** The role's fit to the other's requirements (src/model/fit-weights.ts). */
  score: z.number(),
  jaccard: z.number(),
  sharedTools: z.array(nodeRecord),
  sharedSkills: z.array(nodeRecord),
  sharedFrameworks: z.array(nodeRecord),
});
export type RoleSimilarityRecord = z.infer<typeof roleSimilarityRecord>;

/**
 * A node as a read plan reads it (src/graph/read-plan.ts): its kind and id always, then only the
 * fields and relationships (under PLANNED) that the plan asks, so other fields are absent. The
 * GraphQL layer reads only what the plan was compiled from, which is why such a record may be
 * typed as its kind's full record.
 */
const plannedNodeRecord = z.looseObject({ __typename: z.enum(LABELS), id: z.string() });
export const plannedNodes = <T extends NodeRecord = NodeRecord>(rows: unknown): T[] =>
  listOf(plannedNodeRecord).parse(rows) as unknown as T[];

export const pageRow = z.object({
  page: z.array(z.unknown()),
  shared: z.array(z.array(z.unknown())),
  hasNextPage: z.boolean(),
  totalCount: z.number(),
});

export interface SearchHitRecord {
  score: number;
  node: NodeRecord;
}
const searchHitRow = z.object({ score: z.number(), node: plannedNodeRecord });
export const searchHits = (rows: unknown): SearchHitRecord[] =>
  listOf(searchHitRow).parse(rows) as unknown as SearchHitRecord[];

/** One requirement of a role with the weight the fit gives it; `borrowed` when it comes through the crosswalk. */
export const weightedItemRecord = z.object({
  item: nodeRecord,
  kind: z.enum(REQUIREMENT_KINDS),
  weight: z.number(),
  borrowed: z.boolean(),
});
export type WeightedItemRecord = z.infer<typeof weightedItemRecord>;

/** How well a profile fits one role (see src/model/fit-weights.ts). */
export const roleFitRecord = z.object({
  role: roleRecord,
  fit: z.number(),
  coverage: z.number(),
  relevance: z.number(),
  covered: z.array(weightedItemRecord),
  missingEssentials: z.array(weightedItemRecord),
  missingCount: z.number(),
});
export type RoleFitRecord = z.infer<typeof roleFitRecord>;

export const roleMatchesRecord = z.object({
  matches: z.array(roleFitRecord),
  rankedCount: z.number(),
  unrankedCount: z.number(),
});
export type RoleMatchesRecord = z.infer<typeof roleMatchesRecord>;

/** A stored transition from one role to another, with what they share and what it adds. */
export const transitionRecord = z.object({
  role: roleRecord,
  similarity: z.number(),
  rank: z.number(),
  borrowed: z.boolean(),
  dataVersion: z.string(),
  stale: z.boolean(),
  shared: z.array(weightedItemRecord),
  missing: z.array(weightedItemRecord),
  salaryChange: salaryChangeRecord.nullable(),
  comparedVia: z.array(roleRecord),
  statedBy: z.array(z.object({ kind: z.string(), direction: z.enum(STATED_DIRECTIONS), sources: z.array(z.string()) })),
});
export type TransitionRecord = z.infer<typeof transitionRecord>;

import * as Q from '../cypher/traversal.cypher';
import type { Executor, Row } from '../executor';
import { cypherInt } from '../mapping';
import type {
  CareerPathRecord,
  NodeRecord,
  OverlapRecord,
  RoleComparisonRecord,
  RoleRecord,
  RoleSimilarityRecord,
  SalaryChangeRecord,
  SkillGapRecord,
} from '../records';

export type SharedKind = 'USES_TOOL' | 'REQUIRES_SKILL' | 'USES_FRAMEWORK';

export interface PathQuery {
  to: string;
  maxSteps: number;
  first: number;
  includePivots: boolean;
}

interface RawPath {
  roles: RoleRecord[];
  kinds: string[];
  sources: string[][];
  salaryChange: SalaryChangeRecord | null;
  skillsToAcquire: NodeRecord[];
  toolsToLearn: NodeRecord[];
}

/** The graph questions: shared neighbours, comparisons, routes, gaps and similar roles. */
export class TraversalRepository {
  constructor(private readonly executor: Executor) {}

  async sharedItems(type: SharedKind, roleIds: string[]): Promise<NodeRecord[]> {
    const rows = await this.executor.read(Q.sharedItems(type), { ids: roleIds });
    return rows.map((r) => r.item as NodeRecord);
  }

  /** The roles come already loaded (the caller checked they exist); null if one has gone since. */
  async compareRoles(roleA: RoleRecord, roleB: RoleRecord): Promise<RoleComparisonRecord | null> {
    const [row] = await this.executor.read(Q.COMPARE_ROLES, { a: roleA.id, b: roleB.id });
    if (!row) return null;
    const d = row.dimensions as Record<'tools' | 'skills' | 'frameworks' | 'workflows' | 'employers', NodeRecord[][]>;
    return {
      a: roleA,
      b: roleB,
      tools: overlap(d.tools[0], d.tools[1]),
      skills: overlap(d.skills[0], d.skills[1]),
      frameworks: overlap(d.frameworks[0], d.frameworks[1]),
      workflows: overlap(d.workflows[0], d.workflows[1]),
      employers: overlap(d.employers[0], d.employers[1]),
      // The same measure as similarRoles: Jaccard over tools, skills and frameworks together.
      similarity: overlap(
        [...d.tools[0], ...d.skills[0], ...d.frameworks[0]],
        [...d.tools[1], ...d.skills[1], ...d.frameworks[1]],
      ).jaccard,
      salaryDifference: salaryDifference(roleA, roleB),
    };
  }

  /** Routes from each of `fromIds` to `query.to`, keyed by the start id. */
  async progressionPaths(fromIds: readonly string[], query: PathQuery): Promise<Map<string, CareerPathRecord[]>> {
    const rows = await this.executor.read(Q.progressionPaths(query.maxSteps, query.includePivots), {
      fromIds: [...new Set(fromIds)],
      to: query.to,
      first: cypherInt(query.first),
    });
    return new Map(rows.map((r) => [r.fromId as string, (r.paths as RawPath[]).map(toCareerPath)]));
  }

  async shortestProgression(from: string, to: string, includePivots: boolean): Promise<CareerPathRecord | null> {
    const [row] = await this.executor.read(Q.shortestProgression(includePivots), { from, to });
    return row ? toCareerPath(row.path as RawPath) : null;
  }

  /** As compareRoles, the roles come already loaded. */
  async skillGap(from: RoleRecord, to: RoleRecord): Promise<SkillGapRecord | null> {
    const [row] = await this.executor.read(Q.SKILL_GAP, { from: from.id, to: to.id });
    if (!row) return null;
    const gap = row as unknown as Omit<SkillGapRecord, 'from' | 'to' | 'coverage'>;
    const needed = gap.missingSkills.length + gap.sharedSkills.length;
    return { ...gap, from, to, coverage: needed === 0 ? 1 : gap.sharedSkills.length / needed };
  }

  async similarRoles(ids: readonly string[], first: number): Promise<Map<string, RoleSimilarityRecord[]>> {
    const rows: Row[] = await this.executor.read(Q.SIMILAR_ROLES, { ids: [...new Set(ids)], first: cypherInt(first) });
    return new Map(rows.map((r) => [r.id as string, r.similar as RoleSimilarityRecord[]]));
  }
}

/** Ids are unique per label only, so a node is known by its label and id together. */
const nodeKey = (n: NodeRecord) => `${n.__typename}:${n.id}`;

function overlap(a: NodeRecord[], b: NodeRecord[]): OverlapRecord {
  const inA = new Set(a.map(nodeKey));
  const inB = new Set(b.map(nodeKey));
  const shared = a.filter((n) => inB.has(nodeKey(n)));
  const union = inA.size + inB.size - shared.length;
  return {
    shared,
    onlyA: a.filter((n) => !inB.has(nodeKey(n))),
    onlyB: b.filter((n) => !inA.has(nodeKey(n))),
    jaccard: union === 0 ? 0 : shared.length / union,
  };
}

function salaryDifference(a: RoleRecord, b: RoleRecord): SalaryChangeRecord | null {
  // Only like for like: the same currency, period and basis.
  const comparable = (['currency', 'period', 'basis'] as const).every((k) => a.salary?.[k] === b.salary?.[k]);
  if (!a.salary || !b.salary || !comparable) return null;
  return { min: b.salary.min - a.salary.min, max: b.salary.max - a.salary.max, currency: b.salary.currency };
}

function toCareerPath(raw: RawPath): CareerPathRecord {
  return {
    roles: raw.roles,
    steps: raw.kinds.map((kind, i) => ({
      from: raw.roles[i],
      to: raw.roles[i + 1],
      kind: kind === 'PIVOTS_TO' ? 'PIVOT' : 'PROMOTION',
      sources: raw.sources[i],
    })),
    length: raw.kinds.length,
    salaryChange: raw.salaryChange,
    skillsToAcquire: raw.skillsToAcquire,
    toolsToLearn: raw.toolsToLearn,
  };
}

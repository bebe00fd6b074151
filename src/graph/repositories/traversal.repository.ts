import * as Q from '../cypher/traversal.cypher';
import type { Executor, Params, Row } from '../executor';
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

/** Which nodes of an answer are read lean (only `__typename`, `id`, `name`): see traversal.cypher. */
export interface AnswerShape {
  /** The roles of routes and similarity lists. */
  leanRoles: boolean;
  /** The tools, skills, frameworks... of the answer. */
  lean: boolean;
}

export const FULL: AnswerShape = { leanRoles: false, lean: false };

export const DIMENSIONS = ['tools', 'skills', 'frameworks', 'workflows', 'employers'] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** What a comparison reads: the overlaps asked for, and the similarity only if asked. */
export interface ComparisonShape extends AnswerShape {
  dims: Dimension[];
  similarity: boolean;
}

/** What a route answer reads: lean parts as in AnswerShape, and the tools to learn only if asked. */
export interface PathShape extends AnswerShape {
  tools: boolean;
}

export interface PathQuery {
  to: string;
  maxSteps: number;
  first: number;
  includePivots: boolean;
  shape: PathShape;
}

/** An answer about given roles, with the ids among them that name no role (then the answer is empty). */
export interface Checked<T> {
  missing: string[];
  value: T;
}

interface RawPath {
  roles: RoleRecord[];
  kinds: string[];
  sources: string[][];
  salaryChange: SalaryChangeRecord | null;
  skillsToAcquire: NodeRecord[];
  toolsToLearn: NodeRecord[];
}

/**
 * The graph questions: shared neighbours, comparisons, routes, gaps and similar roles. A question
 * about given roles checks that they exist in the same statement (see `checkingRoles`).
 */
export class TraversalRepository {
  constructor(private readonly executor: Executor) {}

  private async checked(statement: string, params: Params, roleIds: readonly string[]) {
    const [row] = await this.executor.read(Q.checkingRoles(statement), { ...params, roleIds });
    return { missing: row.missing as string[], rows: row.rows as Row[] };
  }

  async sharedItems(type: SharedKind, roleIds: string[], shape: AnswerShape): Promise<Checked<NodeRecord[]>> {
    const { missing, rows } = await this.checked(Q.sharedItems(type), { ids: roleIds, ...shape }, roleIds);
    return { missing, value: rows as unknown as NodeRecord[] };
  }

  async compareRoles(a: string, b: string, shape: ComparisonShape): Promise<Checked<RoleComparisonRecord | null>> {
    const { missing, rows } = await this.checked(Q.COMPARE_ROLES, { a, b, ...shape }, [a, b]);
    const row = rows[0] as
      | {
          a: RoleRecord;
          b: RoleRecord;
          dimensions: Record<Dimension, NodeRecord[][]>;
          counts: { a: number; b: number; both: number } | null;
        }
      | undefined;
    if (!row) return { missing, value: null };
    const { a: roleA, b: roleB, dimensions: d, counts } = row;
    const union = counts ? counts.a + counts.b - counts.both : 0;
    return {
      missing,
      value: {
        a: roleA,
        b: roleB,
        tools: overlap(d.tools[0], d.tools[1]),
        skills: overlap(d.skills[0], d.skills[1]),
        frameworks: overlap(d.frameworks[0], d.frameworks[1]),
        workflows: overlap(d.workflows[0], d.workflows[1]),
        employers: overlap(d.employers[0], d.employers[1]),
        // The same measure as similarRoles: Jaccard over tools, skills and frameworks together.
        similarity: counts && union > 0 ? counts.both / union : 0,
        salaryDifference: salaryDifference(roleA, roleB),
      },
    };
  }

  /** Routes from each of `fromIds` (known to exist) to `query.to`, keyed by the start id. */
  async progressionPaths(fromIds: readonly string[], query: PathQuery): Promise<Map<string, CareerPathRecord[]>> {
    const rows = await this.executor.read(Q.progressionPaths(query.maxSteps, query.includePivots), {
      ...pathParams(fromIds, query),
    });
    return toRoutes(rows.map((r) => r.routes as Routes));
  }

  /** Routes from one role to another, checking both exist. */
  async progressionPathsBetween(from: string, query: PathQuery): Promise<Checked<CareerPathRecord[]>> {
    const { missing, rows } = await this.checked(
      Q.progressionPaths(query.maxSteps, query.includePivots),
      pathParams([from], query),
      [from, query.to],
    );
    return { missing, value: toRoutes(rows as unknown as Routes[]).get(from) ?? [] };
  }

  async shortestProgression(
    from: string,
    to: string,
    includePivots: boolean,
    shape: PathShape,
  ): Promise<Checked<CareerPathRecord | null>> {
    const { missing, rows } = await this.checked(Q.shortestProgression(includePivots), { from, to, ...shape }, [
      from,
      to,
    ]);
    return { missing, value: rows.length > 0 ? toCareerPath(rows[0] as unknown as RawPath) : null };
  }

  async skillGap(from: string, to: string, shape: AnswerShape): Promise<Checked<SkillGapRecord | null>> {
    const { missing, rows } = await this.checked(Q.SKILL_GAP, { from, to, ...shape }, [from, to]);
    const gap = rows[0] as unknown as Omit<SkillGapRecord, 'coverage'> | undefined;
    if (!gap) return { missing, value: null };
    const needed = gap.missingSkills.length + gap.sharedSkills.length;
    return { missing, value: { ...gap, coverage: needed === 0 ? 1 : gap.sharedSkills.length / needed } };
  }

  /** For each of `ids` (known to exist), the most similar other roles. */
  async similarRoles(
    ids: readonly string[],
    first: number,
    shape: AnswerShape,
  ): Promise<Map<string, RoleSimilarityRecord[]>> {
    const rows = await this.executor.read(Q.SIMILAR_ROLES, {
      ids: [...new Set(ids)],
      first: cypherInt(first),
      ...shape,
    });
    return toRankings(rows.map((r) => r.ranking as Ranking));
  }

  /** The roles most similar to one, checking it exists. */
  async similarRolesTo(id: string, first: number, shape: AnswerShape): Promise<Checked<RoleSimilarityRecord[]>> {
    const { missing, rows } = await this.checked(Q.SIMILAR_ROLES, { ids: [id], first: cypherInt(first), ...shape }, [
      id,
    ]);
    return { missing, value: toRankings(rows as unknown as Ranking[]).get(id) ?? [] };
  }
}

interface Routes {
  fromId: string;
  paths: RawPath[];
}
interface Ranking {
  id: string;
  similar: RoleSimilarityRecord[];
}

const toRoutes = (routes: Routes[]) => new Map(routes.map((r) => [r.fromId, r.paths.map(toCareerPath)]));
const toRankings = (rankings: Ranking[]) => new Map(rankings.map((r) => [r.id, r.similar]));

function pathParams(fromIds: readonly string[], query: PathQuery): Params {
  return {
    fromIds: [...new Set(fromIds)],
    to: query.to,
    first: cypherInt(query.first),
    ...query.shape,
  };
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

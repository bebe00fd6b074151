import { z } from 'zod';
import type { LeanShape } from '../cypher/projections.cypher';
import * as Q from '../cypher/traversal.cypher';
import type { Executor, Params, Row } from '../executor';
import { cypherInt } from '../mapping';
import {
  listOf,
  nodeRecord,
  roleComparisonRecord,
  roleSimilarityRecord,
  skillGapRow,
  type NodeRecord,
  type RoleComparisonRecord,
  type RoleSimilarityRecord,
} from '../records';

export type { SharedKind } from '../cypher/traversal.cypher';

/** Which nodes of an answer are read lean (only `__typename`, `id`, `name`): see projections.cypher. */
export type AnswerShape = LeanShape;

export const FULL: AnswerShape = { leanRoles: false, lean: false };
/** Roles and items read for their names only. */
export const NAMES_ONLY: AnswerShape = { leanRoles: true, lean: true };

export const DIMENSIONS = Q.DIMENSION_NAMES;
export { OVERLAP_PARTS, type OverlapPart } from '../cypher/traversal.cypher';

/** What a comparison reads: the parts of each overlap asked for, the similarity and the Jaccard only if asked. */
export interface ComparisonShape extends AnswerShape {
  parts: Record<Q.ComparisonDimension, Q.OverlapPart[]>;
  similarity: boolean;
  jaccard: boolean;
}

/** An answer about given roles, with the ids among them that name no role (then the answer is empty). */
export interface Checked<T> {
  missing: string[];
  value: T;
}

/* Row codecs of the traversal statements (their shapes are documented in traversal.cypher). */

const checkedRow = z.object({ missing: z.array(z.string()), rows: z.array(z.unknown()) });

/** A statement about given roles run with the check that they exist (see `checkingRoles`). */
export async function readChecked(executor: Executor, statement: string, params: Params, roleIds: readonly string[]) {
  const [row] = await executor.read(Q.checkingRoles(statement), { ...params, roleIds });
  return checkedRow.parse(row);
}

const rankingRow = z.object({ id: z.string(), similar: z.array(roleSimilarityRecord) });

/** Rows of one column: the values of that column, each parsed. */
export const column = <T extends z.ZodType>(codec: T, rows: readonly unknown[]) => listOf(codec).parse(rows);

/**
 * The graph questions: shared neighbours, comparisons, gaps and similar roles (routes: RouteRepository). A question
 * about given roles checks that they exist in the same statement (see `checkingRoles`); the
 * domain rules (similarity, salary comparability, ranking) are computed in the statements.
 */
export class TraversalRepository {
  constructor(private readonly executor: Executor) {}

  private checked(statement: string, params: Params, roleIds: readonly string[]) {
    return readChecked(this.executor, statement, params, roleIds);
  }

  async sharedItems(type: Q.SharedKind, roleIds: string[], shape: AnswerShape): Promise<Checked<NodeRecord[]>> {
    const { missing, rows } = await this.checked(Q.sharedItems(type, shape), { ids: roleIds }, roleIds);
    return { missing, value: column(nodeRecord, rows) };
  }

  async compareRoles(a: string, b: string, shape: ComparisonShape): Promise<Checked<RoleComparisonRecord | null>> {
    const read = DIMENSIONS.filter((d) => shape.parts[d].length > 0);
    const statement = Q.compareRoles(read, shape.similarity, shape);
    const { missing, rows } = await this.checked(statement, { a, b, parts: shape.parts, jaccard: shape.jaccard }, [
      a,
      b,
    ]);
    return { missing, value: column(roleComparisonRecord, rows)[0] ?? null };
  }

  /** What `to` needs that `from` lacks, as read (the coverage is a rule of the service). */
  async skillGap(from: string, to: string, shape: AnswerShape): Promise<Checked<z.infer<typeof skillGapRow> | null>> {
    const { missing, rows } = await this.checked(Q.skillGap(shape), { from, to }, [from, to]);
    return { missing, value: column(skillGapRow, rows)[0] ?? null };
  }

  /** For each of `ids` (known to exist), the most similar other roles. */
  async similarRoles(
    ids: readonly string[],
    first: number,
    shape: AnswerShape,
  ): Promise<Map<string, RoleSimilarityRecord[]>> {
    const rows = await this.executor.read(Q.similarRoles(shape), { ids: [...new Set(ids)], first: cypherInt(first) });
    return toRankings(columnOf(rows, 'ranking', rankingRow));
  }

  /** The roles most similar to one, checking it exists. */
  async similarRolesTo(id: string, first: number, shape: AnswerShape): Promise<Checked<RoleSimilarityRecord[]>> {
    const statement = Q.similarRoles(shape);
    const { missing, rows } = await this.checked(statement, { ids: [id], first: cypherInt(first) }, [id]);
    return { missing, value: toRankings(column(rankingRow, rows)).get(id) ?? [] };
  }
}

/** The values of column `name` of `rows`, each parsed. */
export const columnOf = <T extends z.ZodType>(rows: readonly Row[], name: string, codec: T) =>
  column(
    codec,
    rows.map((r) => r[name]),
  );

const toRankings = (rankings: z.infer<typeof rankingRow>[]) => new Map(rankings.map((r) => [r.id, r.similar]));

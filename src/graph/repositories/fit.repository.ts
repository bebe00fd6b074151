import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import * as Q from '../cypher/fit.cypher';
import type { LeanShape } from '../cypher/projections.cypher';
import { ESSENTIAL_NEED, MIN_REQUIREMENTS } from '../../model/fit-weights';
import type { Executor } from '../executor';
import { cypherInt } from '../mapping';
import {
  listOf,
  roleFitRecord,
  roleMatchesRecord,
  transitionRecord,
  type RoleFitRecord,
  type RoleMatchesRecord,
  type TransitionRecord,
} from '../records';

/** What a person knows, by id (checked for form, not yet for existence). */
export interface ProfileIds {
  skills: readonly string[];
  tools: readonly string[];
  frameworks: readonly string[];
  languages: readonly string[];
  currentRole: string | null;
}

export interface MatchQuery {
  first: number;
  minFit: number;
  /** Provenance prefixes a ranked role must carry one of; null: any role. */
  sourcePrefixes: string[] | null;
}

/** An answer about a profile, with the profile's ids that name nothing (`tools[1]`, `currentRole`). */
export interface ProfileChecked<T> {
  unknown: string[];
  value: T;
}

/** The most missing essentials one answer carries (a field reads a page of them). */
export const MAX_MISSING = 100;

const matchRow = roleMatchesRecord.extend({ unknown: z.array(z.string()) });
const gapRow = z.object({ unknown: z.array(z.string()), gaps: z.array(roleFitRecord) });

/** The fit of a profile to roles, computed in the database (fit.cypher.ts) in one statement per question. */
export class FitRepository {
  constructor(private readonly executor: Executor) {}

  /** The roles and items of the matches are read as `shape` says (lean: their names only). */
  async matchRoles(
    profile: ProfileIds,
    query: MatchQuery,
    shape: LeanShape,
  ): Promise<ProfileChecked<RoleMatchesRecord>> {
    const [row] = await this.executor.read(Q.matchRoles(shape), {
      ...profileParams(profile),
      first: cypherInt(query.first),
      minFit: query.minFit,
      sourcePrefixes: query.sourcePrefixes,
    });
    const { unknown, ...value } = matchRow.parse(row);
    return { unknown, value };
  }

  /** The stored transitions of a role, read with their details; `missing` names `from` when there is no such role. */
  async transitions(
    from: string,
    query: TransitionQuery,
    shape: LeanShape,
  ): Promise<{ missing: string[]; value: TransitionRecord[] }> {
    const [row] = await this.executor.read(Q.transitions(shape), {
      from,
      first: cypherInt(query.first),
      minSimilarity: query.minSimilarity,
      keepPay: query.keepPay,
      itemsMax: cypherInt(MAX_TRANSITION_ITEMS),
    });
    const { missing, rows } = transitionsRow.parse(row);
    return { missing, value: rows };
  }

  /** The fit to role `to`; null when there is no such role. */
  async profileGap(profile: ProfileIds, to: string, shape: LeanShape): Promise<ProfileChecked<RoleFitRecord | null>> {
    const [row] = await this.executor.read(Q.profileGap(shape), { ...profileParams(profile), to });
    const { unknown, gaps } = gapRow.parse(row);
    return { unknown, value: gaps[0] ?? null };
  }
}

export interface TransitionQuery {
  first: number;
  minSimilarity: number;
  keepPay: boolean;
}

/** The most shared and missing items one transition lists. */
export const MAX_TRANSITION_ITEMS = 50;

const transitionsRow = z.object({ missing: z.array(z.string()), rows: z.array(transitionRecord) });

function profileParams(profile: ProfileIds) {
  return {
    skills: [...profile.skills],
    tools: [...profile.tools],
    frameworks: [...profile.frameworks],
    languages: [...profile.languages],
    currentRole: profile.currentRole,
    minRequirements: cypherInt(MIN_REQUIREMENTS),
    essentialNeed: ESSENTIAL_NEED,
    missingMax: cypherInt(MAX_MISSING),
  };
}

/** One requirement as the fit weighs it: need × distinct is its weight. */
export interface RequirementRow {
  role: string;
  item: string;
  need: number;
  distinct: number;
  borrowed: boolean;
}

export interface TransitionRow {
  from: string;
  to: string;
  score: number;
  rank: number;
  borrowed: boolean;
}

const requirementRow = z.object({
  role: z.string(),
  item: z.string(),
  need: z.number(),
  distinct: z.number(),
  borrowed: z.boolean(),
});
const stateRow = z.object({ version: z.string().nullable(), computedFor: z.string().nullable() });

/** A new version name for the requirements: when they changed, and a random suffix (two writes in one millisecond). */
export const newRequirementsVersion = () => `${new Date().toISOString()} ${randomUUID().slice(0, 8)}`;

/** The stored transitions' reads and writes (the precompute of src/import/similar-roles.ts). */
export class TransitionStoreRepository {
  constructor(private readonly executor: Executor) {}

  async state(): Promise<z.infer<typeof stateRow>> {
    const [row] = await this.executor.read(Q.TRANSITIONS_STATE);
    return stateRow.parse(row);
  }

  /** A new version of the requirements; `create` (the precompute) writes the note if there is none yet. */
  async markRequirementsChanged(version: string, create = false): Promise<void> {
    await this.executor.write(Q.MARK_REQUIREMENTS_CHANGED, { version, create });
  }

  async roleIds(): Promise<string[]> {
    return z.array(z.string()).parse((await this.executor.read(Q.ROLE_IDS)).map((r) => r.id));
  }

  async requirements(ids: readonly string[]): Promise<RequirementRow[]> {
    return listOf(requirementRow).parse(await this.executor.read(Q.REQUIREMENT_ROWS, { ids: [...ids] }));
  }

  /** Deletes the stored transitions, `batch` per transaction. */
  async clear(batch: number): Promise<void> {
    for (;;) {
      const [row] = await this.executor.write(Q.DELETE_TRANSITIONS, { limit: cypherInt(batch) });
      if (z.number().parse(row.deleted) === 0) return;
    }
  }

  async write(rows: TransitionRow[], dataVersion: string): Promise<void> {
    await this.executor.write(Q.WRITE_TRANSITIONS, {
      rows: rows.map((r) => ({ ...r, rank: cypherInt(r.rank) })),
      dataVersion,
    });
  }

  async record(dataVersion: string, durationMs: number, edges: number): Promise<void> {
    await this.executor.write(Q.RECORD_TRANSITIONS, {
      dataVersion,
      durationMs: cypherInt(Math.round(durationMs)),
      edges: cypherInt(edges),
    });
  }
}

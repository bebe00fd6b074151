import { z } from 'zod';
import * as Q from '../cypher/fit.cypher';
import { ESSENTIAL_NEED, MIN_REQUIREMENTS } from '../../model/fit-weights';
import type { Executor } from '../executor';
import { cypherInt } from '../mapping';
import { roleFitRecord, roleMatchesRecord, type RoleFitRecord, type RoleMatchesRecord } from '../records';

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

  async matchRoles(profile: ProfileIds, query: MatchQuery): Promise<ProfileChecked<RoleMatchesRecord>> {
    const [row] = await this.executor.read(Q.MATCH_ROLES, {
      ...profileParams(profile),
      first: cypherInt(query.first),
      minFit: query.minFit,
      sourcePrefixes: query.sourcePrefixes,
    });
    const { unknown, ...value } = matchRow.parse(row);
    return { unknown, value };
  }

  /** The fit to role `to`; null when there is no such role. */
  async profileGap(profile: ProfileIds, to: string): Promise<ProfileChecked<RoleFitRecord | null>> {
    const [row] = await this.executor.read(Q.PROFILE_GAP, { ...profileParams(profile), to });
    const { unknown, gaps } = gapRow.parse(row);
    return { unknown, value: gaps[0] ?? null };
  }
}

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

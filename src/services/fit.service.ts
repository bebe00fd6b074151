import { BadUserInputError, type InputProblem } from '../errors';
import type {
  FitRepository,
  MatchQuery,
  ProfileChecked,
  ProfileIds,
  TransitionQuery,
} from '../graph/repositories/fit.repository';
import type { LeanShape } from '../graph/cypher/projections.cypher';
import type { RoleFitRecord, RoleMatchesRecord, TransitionRecord } from '../graph/records';
import { provenancePrefix } from '../import/merge';
import { PUBLISHERS } from '../sources/publishers';
import { assertId } from './ids';
import { assertRolesFound, roleArguments } from './role-arguments';

/** A profile as the client gave it (ProfileInput). */
export interface ProfileValues {
  skills: readonly string[];
  tools: readonly string[];
  frameworks: readonly string[];
  languages: readonly string[];
  currentRole?: string | null;
}

export interface MatchFilterValues {
  minFit?: number | null;
  sources?: readonly string[] | null;
}

const PROFILE_LISTS = ['skills', 'tools', 'frameworks', 'languages'] as const;

/** The names a source filter accepts: each publisher as "O*NET 29.3" or "O*NET" (the article: "the article"). */
const SOURCE_NAMES = new Map(
  Object.values(PUBLISHERS).flatMap((p) => [
    [p.source, p.source],
    [`${p.source} ${p.version}`, p.source],
  ]),
);

/**
 * The profile's ids checked for form before any database work, named as the client wrote them
 * (`profile.tools[1]`); the argument is `argument` (`profile`).
 */
export function checkProfile(profile: ProfileValues, argument = 'profile'): ProfileIds {
  for (const list of PROFILE_LISTS) profile[list].forEach((id, i) => assertId(`${argument}.${list}[${i}]`, id));
  if (profile.currentRole != null) assertId(`${argument}.currentRole`, profile.currentRole);
  return {
    skills: profile.skills,
    tools: profile.tools,
    frameworks: profile.frameworks,
    languages: profile.languages,
    currentRole: profile.currentRole ?? null,
  };
}

/** BAD_USER_INPUT naming each of the profile's ids that names nothing of its kind. */
function assertProfileKnown<T>({ unknown, value }: ProfileChecked<T>, profile: ProfileIds, argument = 'profile'): T {
  if (unknown.length === 0) return value;
  const problems = unknown.map((path): InputProblem => {
    const list = PROFILE_LISTS.find((l) => path.startsWith(`${l}[`));
    const id = list === undefined ? profile.currentRole : profile[list][Number(path.slice(list.length + 1, -1))];
    const what = list === undefined ? 'role' : list.slice(0, -1);
    return { field: `${argument}.${path}`, message: `no ${what} has the id "${id}"` };
  });
  throw new BadUserInputError(problems as [InputProblem, ...InputProblem[]]);
}

/**
 * Which roles fit what a person knows (the weighting of src/model/fit-weights.ts, computed in
 * the database and checked against an independent oracle by the tests).
 */
export class FitService {
  constructor(private readonly fits: FitRepository) {}

  async matchRoles(
    profile: ProfileValues,
    first: number,
    filter: MatchFilterValues | null,
    shape: LeanShape,
  ): Promise<RoleMatchesRecord> {
    const ids = checkProfile(profile);
    const query: MatchQuery = {
      first,
      minFit: filter?.minFit ?? 0,
      sourcePrefixes: filter?.sources == null ? null : sourcePrefixes(filter.sources),
    };
    return assertProfileKnown(await this.fits.matchRoles(ids, query, shape), ids);
  }

  /** The stored transitions of `from` (NOT_FOUND when there is no such role). */
  async transitions(from: string, query: TransitionQuery, shape: LeanShape): Promise<TransitionRecord[]> {
    const checked = roleArguments({ from });
    const { missing, value } = await this.fits.transitions(from, query, shape);
    assertRolesFound(checked, missing);
    return value;
  }

  async profileGap(profile: ProfileValues, to: string, shape: LeanShape): Promise<RoleFitRecord> {
    const ids = checkProfile(profile);
    const checked = roleArguments({ to });
    const gap = assertProfileKnown(await this.fits.profileGap(ids, to, shape), ids);
    if (gap !== null) return gap;
    assertRolesFound(checked, [to]);
    throw new Error('A missing role was not reported as NOT_FOUND');
  }
}

/** The provenance prefixes of the named sources; BAD_USER_INPUT naming each name no source has. */
function sourcePrefixes(names: readonly string[]): string[] {
  const problems = names.flatMap((name, i): InputProblem[] =>
    SOURCE_NAMES.has(name)
      ? []
      : [
          {
            field: `filter.sources[${i}]`,
            message: `no source is named "${name}"; known: ${[...SOURCE_NAMES.keys()].join(', ')}`,
          },
        ],
  );
  if (problems.length > 0) throw new BadUserInputError(problems as [InputProblem, ...InputProblem[]]);
  return [...new Set(names.map((name) => provenancePrefix(SOURCE_NAMES.get(name)!)))];
}

import { BadUserInputError, type InputProblem } from '../errors';
import type { Loaders } from '../graph/loaders';
import { idPlan } from '../graph/read-plan';
import type { CareerPathRecord } from '../graph/records';
import type { PathQuery, PathShape, RouteRepository } from '../graph/repositories/routes.repository';
import {
  DEFAULT_VIA,
  TRANSITION_KIND_NAMES,
  WIDE_KINDS,
  WIDE_ROUTE_MAX_STEPS,
  type RouteRankName,
  type TransitionKindName,
} from '../model/transitions';
import { assertId } from './ids';
import { leastEffortRoute } from './least-effort';
import { aboutRoles } from './role-arguments';

/** What a person knows, by id (ProfileInput's fields). */
export interface Profile {
  skills: readonly string[];
  tools: readonly string[];
  frameworks: readonly string[];
  languages: readonly string[];
  currentRole?: string | null;
}

/** The kinds of move a route question asked for, as given (`includePivots` is the older way). */
export interface ViaArguments {
  via?: readonly TransitionKindName[] | null;
  includePivots?: boolean | null;
}

/**
 * The kinds of move a route follows: `via` (in the enum's order, each once), or promotions and,
 * with `includePivots`, pivots. Both given and disagreeing is a mistake, not a choice.
 */
export function routeKinds({ via, includePivots }: ViaArguments): TransitionKindName[] {
  if (via === null || via === undefined) return includePivots === true ? ['PROMOTION', 'PIVOT'] : [...DEFAULT_VIA];
  if (via.length === 0) throw BadUserInputError.of('via', 'name at least one kind of move');
  if (includePivots !== null && includePivots !== undefined && includePivots !== via.includes('PIVOT')) {
    throw BadUserInputError.of(
      'includePivots',
      `includePivots: ${includePivots} contradicts via: [${via.join(', ')}]; give via alone`,
    );
  }
  return TRANSITION_KIND_NAMES.filter((kind) => via.includes(kind));
}

/** Enumerating routes over kinds with tens of moves per role is bounded more tightly. */
function assertEnumerable(maxSteps: number, via: readonly TransitionKindName[]): void {
  const wide = via.filter((kind) => WIDE_KINDS.includes(kind));
  if (wide.length > 0 && maxSteps > WIDE_ROUTE_MAX_STEPS) {
    throw BadUserInputError.of(
      'maxSteps',
      `routes via ${wide.join(' and ')} are listed up to ${WIDE_ROUTE_MAX_STEPS} steps (leastEffortRoute searches further)`,
    );
  }
}

/**
 * The ids of a profile that name nothing of their kind, each a problem naming its place
 * (`profile.skills[2]`); malformed ids are refused before any database work.
 */
async function assertProfileKnown(routes: RouteRepository, profile: Profile): Promise<void> {
  const lists = {
    skills: profile.skills,
    tools: profile.tools,
    frameworks: profile.frameworks,
    languages: profile.languages,
  };
  for (const [name, ids] of Object.entries(lists)) ids.forEach((id, i) => assertId(`profile.${name}[${i}]`, id));
  const roles = profile.currentRole ? [assertId('profile.currentRole', profile.currentRole)] : [];
  const unknown = await routes.unknownProfileIds({ ...lists, roles });
  const problems: InputProblem[] = [
    ...Object.entries(lists).flatMap(([name, ids]) =>
      ids.flatMap((id, i) =>
        unknown[name as keyof typeof lists].includes(id)
          ? [{ field: `profile.${name}[${i}]`, message: `no ${name.slice(0, -1)} has the id "${id}"` }]
          : [],
      ),
    ),
    ...unknown.roles.map((id) => ({ field: 'profile.currentRole', message: `no role has the id "${id}"` })),
  ];
  if (problems.length > 0) throw new BadUserInputError([problems[0], ...problems.slice(1)]);
}

export interface LeastEffortQuestion {
  from?: string | null;
  profile?: Profile | null;
  to: string;
  maxSteps: number;
  via: readonly TransitionKindName[];
  shape: PathShape;
}

/**
 * Career routes: listed and ranked (the statements rank them), and the least-effort route
 * (searched here over the candidate roles one statement reads).
 */
export class RouteService {
  constructor(
    private readonly routes: RouteRepository,
    private readonly loaders: Loaders,
  ) {}

  progressionPaths(from: string, query: PathQuery): Promise<CareerPathRecord[]> {
    assertEnumerable(query.maxSteps, query.via);
    return aboutRoles({ from, to: query.to }, () => this.routes.progressionPathsBetween(from, query));
  }

  shortestProgression(
    from: string,
    to: string,
    via: readonly TransitionKindName[],
    rankBy: RouteRankName,
    shape: PathShape,
  ): Promise<CareerPathRecord | null> {
    return aboutRoles({ from, to }, () => this.routes.shortestProgression(from, to, via, rankBy, shape));
  }

  /**
   * Routes from `roleId`, a role already read (batched with its siblings), to the role `query.to`
   * names, given as argument `argument`. As with progressionPaths from a role to itself, a route
   * from a role to itself is a mistake, not an empty answer.
   */
  pathsFrom(roleId: string, argument: string, query: PathQuery): Promise<CareerPathRecord[]> {
    if (query.to === roleId) {
      throw BadUserInputError.of(argument, `"${query.to}" is this role itself; name a different role`);
    }
    assertEnumerable(query.maxSteps, query.via);
    return aboutRoles({ [argument]: query.to }, async () => {
      const target = await this.loaders.node(idPlan('ROLE'), query.to);
      if (target === null) return { missing: [query.to], value: [] };
      return { missing: [], value: await this.loaders.pathsTo(query).load(roleId) };
    });
  }

  /**
   * The route with the least to learn from a role, or from a profile's current role knowing the
   * profile's skills and tools too; null when there is none within `maxSteps`.
   */
  async leastEffortRoute(question: LeastEffortQuestion): Promise<CareerPathRecord | null> {
    const { from, profile, to, maxSteps, via, shape } = question;
    if ((from === null || from === undefined) === (profile === null || profile === undefined)) {
      throw BadUserInputError.of('from', 'give exactly one of from and profile');
    }
    let startArgument = 'from';
    let known: string[] = [];
    if (profile) {
      if (!profile.currentRole) {
        throw BadUserInputError.of('profile.currentRole', 'a route starts at a role: name the current role');
      }
      await assertProfileKnown(this.routes, profile);
      startArgument = 'profile.currentRole';
      known = [...profile.skills, ...profile.tools];
    }
    const start = (from ?? profile?.currentRole)!;
    const candidates = await aboutRoles({ [startArgument]: start, to }, () =>
      this.routes.routeCandidates(start, to, maxSteps, via),
    );
    const startItems = candidates.find((c) => c.id === start)?.items ?? [];
    const best = leastEffortRoute(candidates, start, to, maxSteps, new Set([...known, ...startItems]));
    return best === null ? null : this.routes.describeRoute(best.roles, best.types, known, shape);
  }
}

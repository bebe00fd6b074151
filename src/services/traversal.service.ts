import { BadUserInputError } from '../errors';
import type { Loaders } from '../graph/loaders';
import { idPlan } from '../graph/read-plan';
import type {
  CareerPathRecord,
  NodeRecord,
  RoleComparisonRecord,
  RoleSimilarityRecord,
  SkillGapRecord,
} from '../graph/records';
import type {
  AnswerShape,
  Checked,
  ComparisonShape,
  PathQuery,
  PathShape,
  SharedKind,
  TraversalRepository,
} from '../graph/repositories/traversal.repository';
import { assertRolesFound, roleArguments, type RoleArgumentValues } from './role-arguments';

/** The only "cannot happen" left once the roles are known to exist: one vanished mid-request. */
function found<T>(value: T | null): T {
  if (value === null) throw new Error('A role disappeared while the request ran');
  return value;
}

/**
 * The graph questions and the rules they answer by. Each rule is owned once: the role
 * arguments' form and existence here (`about`); coverage here; similarity, salary
 * comparability and the ranking of routes and similar roles in the statements the repository
 * runs (checked against independent oracles by the tests), never again in TypeScript.
 */
export class TraversalService {
  constructor(
    private readonly traversals: TraversalRepository,
    private readonly loaders: Loaders,
  ) {}

  /** Items every listed role has: tools, skills or frameworks. */
  sharedItems(kind: SharedKind, roleIds: string[], shape: AnswerShape): Promise<NodeRecord[]> {
    return this.about({ roleIds }, () => this.traversals.sharedItems(kind, roleIds, shape));
  }

  async compareRoles(a: string, b: string, shape: ComparisonShape): Promise<RoleComparisonRecord> {
    return found(await this.about({ a, b }, () => this.traversals.compareRoles(a, b, shape)));
  }

  progressionPaths(from: string, query: PathQuery): Promise<CareerPathRecord[]> {
    return this.about({ from, to: query.to }, () => this.traversals.progressionPathsBetween(from, query));
  }

  shortestProgression(from: string, to: string, includePivots: boolean, shape: PathShape) {
    return this.about({ from, to }, () => this.traversals.shortestProgression(from, to, includePivots, shape));
  }

  /** What moving from one role to another asks for, with the share of the skills already held. */
  async skillGap(from: string, to: string, shape: AnswerShape): Promise<SkillGapRecord> {
    const gap = found(await this.about({ from, to }, () => this.traversals.skillGap(from, to, shape)));
    const needed = gap.missingSkills.length + gap.sharedSkills.length;
    // Coverage: the share of the target's skills the start already has; all of nothing is full.
    return { ...gap, coverage: needed === 0 ? 1 : gap.sharedSkills.length / needed };
  }

  similarRoles(id: string, first: number, shape: AnswerShape): Promise<RoleSimilarityRecord[]> {
    return this.about({ id }, () => this.traversals.similarRolesTo(id, first, shape));
  }

  /** The roles most similar to `roleId`, a role already read (batched with its siblings). */
  similarRolesOf(roleId: string, first: number, shape: AnswerShape): Promise<RoleSimilarityRecord[]> {
    return this.loaders.similarRoles(first, shape).load(roleId);
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
    return this.about({ [argument]: query.to }, async () => {
      const target = await this.loaders.node(idPlan('ROLE'), query.to);
      if (target === null) return { missing: [query.to], value: [] };
      return { missing: [], value: await this.loaders.pathsTo(query).load(roleId) };
    });
  }

  /**
   * A question about the roles `args` names: their form is checked before any database work,
   * and `ask` reports which of them exist alongside its answer (in the same statement where it
   * can), so a missing role is NOT_FOUND naming its argument.
   */
  private async about<T>(args: RoleArgumentValues, ask: () => Promise<Checked<T>>): Promise<T> {
    const checked = roleArguments(args);
    const { missing, value } = await ask();
    assertRolesFound(checked, missing);
    return value;
  }
}

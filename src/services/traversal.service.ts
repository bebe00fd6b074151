import type { Loaders } from '../graph/loaders';
import type { NodeRecord, RoleComparisonRecord, RoleSimilarityRecord, SkillGapRecord } from '../graph/records';
import type {
  AnswerShape,
  Checked,
  ComparisonShape,
  SharedKind,
  TraversalRepository,
} from '../graph/repositories/traversal.repository';
import { aboutRoles, type RoleArgumentValues } from './role-arguments';

/** The only "cannot happen" left once the roles are known to exist: one vanished mid-request. */
function found<T>(value: T | null): T {
  if (value === null) throw new Error('A role disappeared while the request ran');
  return value;
}

/**
 * The graph questions and the rules they answer by. Each rule is owned once: the role
 * arguments' form and existence here (`about`); coverage here; similarity, salary
 * comparability and the ranking of similar roles in the statements the repository
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

  private about<T>(args: RoleArgumentValues, ask: () => Promise<Checked<T>>): Promise<T> {
    return aboutRoles(args, ask);
  }
}

import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type {
  CareerPathRecord,
  NodeRecord,
  RoleComparisonRecord,
  RoleRecord,
  RoleSimilarityRecord,
  SkillGapRecord,
} from '../../graph/records';
import type { SharedKind } from '../../graph/repositories/traversal.repository';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Framework, Skill, Tool } from '../shared/entity.types';
import { requireRoles } from './require-roles';
import {
  FromToArgs,
  PathsToArgs,
  ProgressionArgs,
  RolePairArgs,
  RoleSetArgs,
  ShortestProgressionArgs,
  SimilarArgs,
  SimilarRolesArgs,
} from './traversal.args';
import { CareerPath, RoleComparison, RoleSimilarity, SkillGap } from './traversal.types';

/** The only "cannot happen" left once requireRoles has passed: the role vanished mid-request. */
function found<T>(value: T | null): T {
  if (value === null) throw new Error('A role disappeared while the request ran');
  return value;
}

@Resolver()
export class TraversalResolver {
  @Query(() => [Tool], { description: 'Tools every listed role uses (2 to 10 roles).' })
  async sharedTools(
    @Args(() => RoleSetArgs) { roleIds }: RoleSetArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<NodeRecord[]> {
    return this.shared('USES_TOOL', roleIds, ctx);
  }

  @Query(() => [Skill], { description: 'Skills every listed role requires (2 to 10 roles).' })
  async sharedSkills(
    @Args(() => RoleSetArgs) { roleIds }: RoleSetArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<NodeRecord[]> {
    return this.shared('REQUIRES_SKILL', roleIds, ctx);
  }

  @Query(() => [Framework], { description: 'Frameworks every listed role uses (2 to 10 roles).' })
  async sharedFrameworks(
    @Args(() => RoleSetArgs) { roleIds }: RoleSetArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<NodeRecord[]> {
    return this.shared('USES_FRAMEWORK', roleIds, ctx);
  }

  @Query(() => RoleComparison, { description: 'Two roles side by side: overlaps, similarity and pay difference.' })
  async compareRoles(
    @Args(() => RolePairArgs) { a, b }: RolePairArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<RoleComparisonRecord> {
    const [roleA, roleB] = await requireRoles(ctx, { a, b });
    return found(await ctx.repositories.traversals.compareRoles(roleA, roleB));
  }

  @Query(() => [CareerPath], {
    description:
      'Every route (no role twice) from one role to another, best first: fewer steps, larger pay gain, fewer skills to acquire.',
  })
  async progressionPaths(
    @Args(() => ProgressionArgs) { from, to, maxSteps, first, includePivots }: ProgressionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<CareerPathRecord[]> {
    await requireRoles(ctx, { from, to });
    const paths = await ctx.repositories.traversals.progressionPaths([from], { to, maxSteps, first, includePivots });
    return paths.get(from) ?? [];
  }

  @Query(() => CareerPath, { nullable: true, description: 'One shortest route, or null when there is none.' })
  async shortestProgression(
    @Args(() => ShortestProgressionArgs) { from, to, includePivots }: ShortestProgressionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<CareerPathRecord | null> {
    await requireRoles(ctx, { from, to });
    return ctx.repositories.traversals.shortestProgression(from, to, includePivots);
  }

  @Query(() => SkillGap, { description: 'What moving from one role to another asks for.' })
  async skillGap(
    @Args(() => FromToArgs) { from, to }: FromToArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<SkillGapRecord> {
    const [fromRole, toRole] = await requireRoles(ctx, { from, to });
    return found(await ctx.repositories.traversals.skillGap(fromRole, toRole));
  }

  @Query(() => [RoleSimilarity], { description: 'Other roles ranked by how much of their toolkit they share.' })
  async similarRoles(
    @Args(() => SimilarRolesArgs) { id, first }: SimilarRolesArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<RoleSimilarityRecord[]> {
    await requireRoles(ctx, { id });
    return ctx.loaders.similarRoles(first).load(id);
  }

  private async shared(kind: SharedKind, roleIds: string[], ctx: RequestContext): Promise<NodeRecord[]> {
    await requireRoles(ctx, { roleIds });
    return ctx.repositories.traversals.sharedItems(kind, roleIds);
  }
}

@Resolver(() => Role)
export class RoleTraversalFieldsResolver {
  @FieldResolver(() => [RoleSimilarity], { description: 'Other roles ranked by how much of their toolkit they share.' })
  similarRoles(
    @Root() role: RoleRecord,
    @Args(() => SimilarArgs) { first }: SimilarArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<RoleSimilarityRecord[]> {
    return ctx.loaders.similarRoles(first).load(role.id);
  }

  @FieldResolver(() => [CareerPath], { description: 'Routes from this role to another, as progressionPaths.' })
  async pathsTo(
    @Root() role: RoleRecord,
    @Args(() => PathsToArgs) { id, maxSteps, first, includePivots }: PathsToArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<CareerPathRecord[]> {
    await requireRoles(ctx, { id });
    if (id === role.id) return [];
    return ctx.loaders.pathsTo({ to: id, maxSteps, first, includePivots }).load(role.id);
  }
}

import { BadUserInputError } from '../../errors';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type {
  CareerPathRecord,
  NodeRecord,
  RoleComparisonRecord,
  RoleRecord,
  RoleSimilarityRecord,
  SkillGapRecord,
} from '../../graph/records';
import type { Checked, SharedKind } from '../../graph/repositories/traversal.repository';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Framework, Skill, Tool } from '../shared/entity.types';
import { FromId } from '../shared/relations';
import { comparisonShape, gapShape, itemsShape, pathShape, similarShape } from './answer-shape';
import { assertRolesFound, requireRoles, roleArguments, type RoleArguments } from './require-roles';
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

/** The only "cannot happen" left once the roles are known to exist: one vanished mid-request. */
function found<T>(value: T | null): T {
  if (value === null) throw new Error('A role disappeared while the request ran');
  return value;
}

/** The answer of a traversal that checked its role arguments, or NOT_FOUND naming them. */
async function checkedAnswer<T>(args: RoleArguments, answer: Promise<Checked<T>>): Promise<T> {
  const { missing, value } = await answer;
  assertRolesFound(args, missing);
  return value;
}

@Resolver()
export class TraversalResolver {
  @Query(() => [Tool], { description: 'Tools every listed role uses (2 to 10 roles).' })
  sharedTools(
    @Args(() => RoleSetArgs) { roleIds }: RoleSetArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return this.shared('USES_TOOL', roleIds, ctx, info);
  }

  @Query(() => [Skill], { description: 'Skills every listed role requires (2 to 10 roles).' })
  sharedSkills(
    @Args(() => RoleSetArgs) { roleIds }: RoleSetArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return this.shared('REQUIRES_SKILL', roleIds, ctx, info);
  }

  @Query(() => [Framework], { description: 'Frameworks every listed role uses (2 to 10 roles).' })
  sharedFrameworks(
    @Args(() => RoleSetArgs) { roleIds }: RoleSetArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return this.shared('USES_FRAMEWORK', roleIds, ctx, info);
  }

  @Query(() => RoleComparison, { description: 'Two roles side by side: overlaps, similarity and pay difference.' })
  async compareRoles(
    @Args(() => RolePairArgs) { a, b }: RolePairArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RoleComparisonRecord> {
    const args = roleArguments({ a, b });
    return found(await checkedAnswer(args, ctx.repositories.traversals.compareRoles(a, b, comparisonShape(info))));
  }

  @Query(() => [CareerPath], {
    description:
      'Every route (no role twice) from one role to another, best first: fewer steps, larger pay gain, fewer skills to acquire.',
  })
  progressionPaths(
    @Args(() => ProgressionArgs) { from, to, maxSteps, first, includePivots }: ProgressionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CareerPathRecord[]> {
    const args = roleArguments({ from, to });
    const query = { to, maxSteps, first, includePivots, shape: pathShape(info) };
    return checkedAnswer(args, ctx.repositories.traversals.progressionPathsBetween(from, query));
  }

  @Query(() => CareerPath, { nullable: true, description: 'One shortest route, or null when there is none.' })
  shortestProgression(
    @Args(() => ShortestProgressionArgs) { from, to, includePivots }: ShortestProgressionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CareerPathRecord | null> {
    const args = roleArguments({ from, to });
    return checkedAnswer(
      args,
      ctx.repositories.traversals.shortestProgression(from, to, includePivots, pathShape(info)),
    );
  }

  @Query(() => SkillGap, { description: 'What moving from one role to another asks for.' })
  async skillGap(
    @Args(() => FromToArgs) { from, to }: FromToArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SkillGapRecord> {
    const args = roleArguments({ from, to });
    return found(await checkedAnswer(args, ctx.repositories.traversals.skillGap(from, to, gapShape(info))));
  }

  @Query(() => [RoleSimilarity], { description: 'Other roles ranked by how much of their toolkit they share.' })
  similarRoles(
    @Args(() => SimilarRolesArgs) { id, first }: SimilarRolesArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RoleSimilarityRecord[]> {
    const args = roleArguments({ id });
    return checkedAnswer(args, ctx.repositories.traversals.similarRolesTo(id, first, similarShape(info)));
  }

  private shared(kind: SharedKind, roleIds: string[], ctx: RequestContext, info: GraphQLResolveInfo) {
    const args = roleArguments({ roleIds });
    return checkedAnswer(args, ctx.repositories.traversals.sharedItems(kind, roleIds, itemsShape(info)));
  }
}

@Resolver(() => Role)
export class RoleTraversalFieldsResolver {
  @FromId()
  @FieldResolver(() => [RoleSimilarity], { description: 'Other roles ranked by how much of their toolkit they share.' })
  similarRoles(
    @Root() role: RoleRecord,
    @Args(() => SimilarArgs) { first }: SimilarArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RoleSimilarityRecord[]> {
    return ctx.loaders.similarRoles(first, similarShape(info)).load(role.id);
  }

  @FromId()
  @FieldResolver(() => [CareerPath], { description: 'Routes from this role to another, as progressionPaths.' })
  async pathsTo(
    @Root() role: RoleRecord,
    @Args(() => PathsToArgs) { id, maxSteps, first, includePivots }: PathsToArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CareerPathRecord[]> {
    // As progressionPaths with from = to: a route from a role to itself is a mistake, not an empty answer.
    if (id === role.id) throw new BadUserInputError(`id: "${id}" is this role itself; name a different role`, { id });
    await requireRoles(ctx, { id });
    return ctx.loaders.pathsTo({ to: id, maxSteps, first, includePivots, shape: pathShape(info) }).load(role.id);
  }
}

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
import type { SharedKind } from '../../graph/repositories/traversal.repository';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Framework, Skill, Tool } from '../shared/entity.types';
import { comparisonShape, gapShape, itemsShape, pathShape, similarShape } from './answer-shape';
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
  compareRoles(
    @Args(() => RolePairArgs) { a, b }: RolePairArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RoleComparisonRecord> {
    return ctx.services.traversals.compareRoles(a, b, comparisonShape(info));
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
    const query = { to, maxSteps, first, includePivots, shape: pathShape(info) };
    return ctx.services.traversals.progressionPaths(from, query);
  }

  @Query(() => CareerPath, { nullable: true, description: 'One shortest route, or null when there is none.' })
  shortestProgression(
    @Args(() => ShortestProgressionArgs) { from, to, includePivots }: ShortestProgressionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CareerPathRecord | null> {
    return ctx.services.traversals.shortestProgression(from, to, includePivots, pathShape(info));
  }

  @Query(() => SkillGap, { description: 'What moving from one role to another asks for.' })
  skillGap(
    @Args(() => FromToArgs) { from, to }: FromToArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SkillGapRecord> {
    return ctx.services.traversals.skillGap(from, to, gapShape(info));
  }

  @Query(() => [RoleSimilarity], { description: 'Other roles ranked by how much of their toolkit they share.' })
  similarRoles(
    @Args(() => SimilarRolesArgs) { id, first }: SimilarRolesArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RoleSimilarityRecord[]> {
    return ctx.services.traversals.similarRoles(id, first, similarShape(info));
  }

  private shared(kind: SharedKind, roleIds: string[], ctx: RequestContext, info: GraphQLResolveInfo) {
    return ctx.services.traversals.sharedItems(kind, roleIds, itemsShape(info));
  }
}

@Resolver(() => Role)
export class RoleTraversalFieldsResolver {
  @FieldResolver(() => [RoleSimilarity], { description: 'Other roles ranked by how much of their toolkit they share.' })
  similarRoles(
    @Root() role: RoleRecord,
    @Args(() => SimilarArgs) { first }: SimilarArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RoleSimilarityRecord[]> {
    return ctx.services.traversals.similarRolesOf(role.id, first, similarShape(info));
  }

  @FieldResolver(() => [CareerPath], { description: 'Routes from this role to another, as progressionPaths.' })
  pathsTo(
    @Root() role: RoleRecord,
    @Args(() => PathsToArgs) { id, maxSteps, first, includePivots }: PathsToArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CareerPathRecord[]> {
    const query = { to: id, maxSteps, first, includePivots, shape: pathShape(info) };
    return ctx.services.traversals.pathsFrom(role.id, 'id', query);
  }
}

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
import type { PathQuery } from '../../graph/repositories/routes.repository';
import type { SharedKind } from '../../graph/repositories/traversal.repository';
import type { RequestContext } from '../../server/context';
import { routeKinds } from '../../services/route.service';
import { Role } from '../role/role.type';
import { Framework, Skill, Tool } from '../shared/entity.types';
import { comparisonShape, gapShape, itemsShape, pathShape, similarShape } from '../shared/answer-shape';
import {
  FromToArgs,
  LeastEffortArgs,
  PathOptionsArgs,
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
      'Every route (no role twice) from one role to another, best first by rankBy (default: fewer steps, larger pay gain, fewer skills to acquire).',
  })
  progressionPaths(
    @Args(() => ProgressionArgs) { from, to, ...options }: ProgressionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CareerPathRecord[]> {
    return ctx.services.routes.progressionPaths(from, pathQuery(to, options, info));
  }

  @Query(() => CareerPath, {
    nullable: true,
    description: 'One shortest route (the first of them by rankBy), or null when there is none.',
  })
  shortestProgression(
    @Args(() => ShortestProgressionArgs) { from, to, rankBy, ...kinds }: ShortestProgressionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CareerPathRecord | null> {
    return ctx.services.routes.shortestProgression(from, to, routeKinds(kinds), rankBy, pathShape(info));
  }

  @Query(() => CareerPath, {
    nullable: true,
    description:
      'The route with the fewest skills and tools to learn (what each step teaches counts as known later), from a role or from a profile’s current role knowing the profile; null when there is none.',
  })
  leastEffortRoute(
    @Args(() => LeastEffortArgs) { via, ...question }: LeastEffortArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CareerPathRecord | null> {
    return ctx.services.routes.leastEffortRoute({ ...question, via: routeKinds({ via }), shape: pathShape(info) });
  }

  @Query(() => SkillGap, { description: 'What moving from one role to another asks for.' })
  skillGap(
    @Args(() => FromToArgs) { from, to }: FromToArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SkillGapRecord> {
    return ctx.services.traversals.skillGap(from, to, gapShape(info));
  }

  @Query(() => [RoleSimilarity], {
    description: 'Other roles ranked by their similarity to this one (score; ties by name, id), most similar first.',
  })
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
  @FieldResolver(() => [RoleSimilarity], {
    description: 'Other roles ranked by their similarity to this one (score; ties by name, id), as similarRoles.',
  })
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
    @Args(() => PathsToArgs) { id, ...options }: PathsToArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CareerPathRecord[]> {
    return ctx.services.routes.pathsFrom(role.id, 'id', pathQuery(id, options, info));
  }
}

/** A route question's query: the kinds of move resolved from via or includePivots. */
function pathQuery(to: string, options: PathOptionsArgs, info: GraphQLResolveInfo): PathQuery {
  const { maxSteps, first, rankBy } = options;
  return { to, maxSteps, first, via: routeKinds(options), rankBy, shape: pathShape(info) };
}

import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { RoleFitRecord, RoleMatchesRecord, TransitionRecord, WeightedItemRecord } from '../../graph/records';
import { ESSENTIAL_NEED } from '../../model/fit-weights';
import type { RequestContext } from '../../server/context';
import { fitShape, matchesShape, transitionsShape } from '../shared/answer-shape';
import { MatchRolesArgs, MissingArgs, ProfileGapArgs, TransitionsArgs } from './fit.args';
import { RoleFit, RoleMatches, Transition, WeightedItem } from './fit.types';

@Resolver()
export class FitResolver {
  @Query(() => RoleMatches, {
    description: 'Roles ranked by how well they fit what a person knows (see "Which roles fit my skills").',
  })
  matchRoles(
    @Args(() => MatchRolesArgs) { profile, first, filter }: MatchRolesArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RoleMatchesRecord> {
    return ctx.services.fit.matchRoles(profile, first, filter ?? null, matchesShape(info));
  }

  @Query(() => [Transition], {
    description:
      'Roles one step away by the similarity of what they require, stored at import (see "Which roles fit my skills").',
  })
  transitions(
    @Args(() => TransitionsArgs) { from, first, minSimilarity, keepPay }: TransitionsArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TransitionRecord[]> {
    return ctx.services.fit.transitions(from, { first, minSimilarity, keepPay }, transitionsShape(info));
  }

  @Query(() => RoleFit, {
    description: 'How well a profile fits one role: what it covers and the essentials it lacks.',
  })
  profileGap(
    @Args(() => ProfileGapArgs) { profile, to }: ProfileGapArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RoleFitRecord> {
    return ctx.services.fit.profileGap(profile, to, fitShape(info));
  }
}

@Resolver(() => RoleFit)
export class RoleFitFieldsResolver {
  @FieldResolver(() => [WeightedItem], {
    description: `Essential requirements (need ≥ ${ESSENTIAL_NEED}) the profile lacks, heaviest first.`,
  })
  missingEssentials(@Root() fit: RoleFitRecord, @Args(() => MissingArgs) { first }: MissingArgs): WeightedItemRecord[] {
    return fit.missingEssentials.slice(0, first);
  }
}

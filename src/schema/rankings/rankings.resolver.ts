import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { planAt } from '../shared/read-plan';
import { ItemRanking, PayRanking, RankItemsArgs, RankRolesByPayArgs } from './rankings.types';

@Resolver()
export class RankingResolver {
  @Query(() => ItemRanking, {
    description:
      'The tools, skills, frameworks or languages most used among a set of roles (e.g. the most used tools of roles whose name contains "backend").',
  })
  rankItems(
    @Args(() => RankItemsArgs) { kind, among, orderBy, first }: RankItemsArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.rankings.items(kind, planAt(info, kind, 'items', 'item'), { ...among }, orderBy, first);
  }

  @Query(() => PayRanking, { description: 'The best-paid roles, comparing pay in one currency, period and basis.' })
  rankRolesByPay(
    @Args(() => RankRolesByPayArgs) { filter, currency, period, basis, first }: RankRolesByPayArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const plan = planAt(info, 'ROLE', 'roles', 'role');
    return ctx.services.rankings.rolesByPay(plan, { ...filter }, { currency, period, basis }, first);
  }
}

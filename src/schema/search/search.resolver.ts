import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { SearchHitRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { plansAt } from '../shared/read-plan';
import { SearchArgs } from './search.args';
import { SearchHit } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Full-text search over every kind of node, best match first.' })
  search(
    @Args(() => SearchArgs) { text, first, kinds }: SearchArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHitRecord[]> {
    return ctx.services.catalog.search(text, kinds, first, plansAt(info, 'node'));
  }
}

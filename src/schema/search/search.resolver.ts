import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../errors';
import { toLuceneQuery } from '../../graph/search-query';
import type { SearchHitRecord } from '../../graph/repositories/node.repository';
import { labelOf } from '../../model/kinds';
import type { RequestContext } from '../../server/context';
import { plansAt } from '../shared/read-plan';
import { SearchArgs } from './search.args';
import { SearchHit } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Full-text search over every kind of node, best match first.' })
  async search(
    @Args(() => SearchArgs) { text, first, kinds }: SearchArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHitRecord[]> {
    if (text.trim().length === 0) throw new BadUserInputError('text: must not be blank', { argument: 'text' });
    const query = toLuceneQuery(text);
    if (query === null) return [];
    const labels = kinds && kinds.length > 0 ? [...new Set(kinds)].map(labelOf) : null;
    return ctx.repositories.nodes.search(query, labels, first, plansAt(info, 'node'));
  }
}

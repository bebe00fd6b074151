import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Resolver, Root } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Category, Tool } from '../shared/entity.types';
import { CategoryFilter } from '../shared/filters.input';
import { nodeQueries } from '../shared/node-queries.resolver';
import { related, Relation } from '../shared/relations';

export const CategoryQueries = nodeQueries({
  kind: 'CATEGORY',
  Type: Category,
  Filter: CategoryFilter,
  single: 'category',
  plural: 'categories',
});

@Resolver(() => Category)
export class CategoryFieldsResolver {
  @Relation(() => [Tool], 'IN_CATEGORY', 'IN', { description: 'Tools in the category.' })
  tools(
    @Root() category: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, category.id);
  }
}

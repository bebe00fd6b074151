import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Resolver, Root } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Framework, Language } from '../shared/entity.types';
import { LanguageFilter } from '../shared/filters.input';
import { nodeQueries } from '../shared/node-queries.resolver';
import { related, Relation } from '../shared/relations';

export const LanguageQueries = nodeQueries({
  kind: 'LANGUAGE',
  Type: Language,
  Filter: LanguageFilter,
  single: 'language',
  plural: 'languages',
});

@Resolver(() => Language)
export class LanguageFieldsResolver {
  @Relation(() => [Role], 'USES_LANGUAGE', 'IN', { description: 'Roles that program in the language.' })
  usedBy(
    @Root() language: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, language.id);
  }

  @Relation(() => [Framework], 'WRITTEN_IN', 'IN', { description: 'Frameworks written in the language.' })
  frameworks(
    @Root() language: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, language.id);
  }
}

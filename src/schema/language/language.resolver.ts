import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Framework, Language } from '../shared/entity.types';
import { LanguageFilter } from '../shared/filters.input';
import { nodeQueries } from '../shared/node-queries.resolver';
import { related } from '../shared/relations';

export const LanguageQueries = nodeQueries({
  kind: 'LANGUAGE',
  Type: Language,
  Filter: LanguageFilter,
  single: 'language',
  plural: 'languages',
});

@Resolver(() => Language)
export class LanguageFieldsResolver {
  @FieldResolver(() => [Role], { description: 'Roles that program in the language.' })
  usedBy(@Root() language: NodeRecord, @Ctx() ctx: RequestContext): Promise<NodeRecord[]> {
    return related(ctx, 'USES_LANGUAGE', 'IN', language.id);
  }

  @FieldResolver(() => [Framework], { description: 'Frameworks written in the language.' })
  frameworks(@Root() language: NodeRecord, @Ctx() ctx: RequestContext): Promise<NodeRecord[]> {
    return related(ctx, 'WRITTEN_IN', 'IN', language.id);
  }
}

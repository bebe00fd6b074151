import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Resolver, Root } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Framework, Language, Tool } from '../shared/entity.types';
import { FrameworkFilter } from '../shared/filters.input';
import type { LinkShape } from '../shared/link';
import { LanguageLink, RoleLink, ToolLink } from '../shared/links.types';
import { nodeQueries } from '../shared/node-queries.resolver';
import { links, related, Relation } from '../shared/relations';

export const FrameworkQueries = nodeQueries({
  kind: 'FRAMEWORK',
  Type: Framework,
  Filter: FrameworkFilter,
  single: 'framework',
  plural: 'frameworks',
});

@Resolver(() => Framework)
export class FrameworkFieldsResolver {
  @Relation(() => [Role], 'USES_FRAMEWORK', 'IN', { description: 'Roles that build with the framework.' })
  usedBy(
    @Root() framework: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, framework.id);
  }

  @Relation(() => [RoleLink], 'USES_FRAMEWORK', 'IN', {
    description: 'Roles that build with the framework, and what for.',
  })
  usages(
    @Root() framework: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, info, framework.id);
  }

  @Relation(() => [Tool], 'RUNS_ON', 'OUT', { description: 'Runtimes or platforms the framework runs on.' })
  runsOn(
    @Root() framework: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, framework.id);
  }

  @Relation(() => [ToolLink], 'RUNS_ON', 'OUT')
  runsOnLinks(
    @Root() framework: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, info, framework.id);
  }

  @Relation(() => [Language], 'WRITTEN_IN', 'OUT', {
    description: 'Languages the framework is written in and used from.',
  })
  writtenIn(
    @Root() framework: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, framework.id);
  }

  @Relation(() => [LanguageLink], 'WRITTEN_IN', 'OUT')
  writtenInLinks(
    @Root() framework: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, info, framework.id);
  }
}

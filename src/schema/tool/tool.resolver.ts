import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Resolver, Root } from 'type-graphql';
import type { LinkShape } from '../shared/link';
import type { NodeRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Category, Framework, Tool } from '../shared/entity.types';
import { ToolFilter } from '../shared/filters.input';
import { CategoryLink, RoleLink } from '../shared/links.types';
import { nodeQueries } from '../shared/node-queries.resolver';
import { links, related, Relation } from '../shared/relations';

export const ToolQueries = nodeQueries({
  kind: 'TOOL',
  Type: Tool,
  Filter: ToolFilter,
  single: 'tool',
  plural: 'tools',
});

@Resolver(() => Tool)
export class ToolFieldsResolver {
  @Relation(() => [Role], 'USES_TOOL', 'IN', { description: 'Roles that use the tool.' })
  usedBy(
    @Root() tool: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, tool.id);
  }

  @Relation(() => [RoleLink], 'USES_TOOL', 'IN', {
    description: 'Roles that use the tool, with how central it is to each.',
  })
  usages(
    @Root() tool: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, info, tool.id);
  }

  @Relation(() => [Category], 'IN_CATEGORY', 'OUT', { description: 'Categories the tool belongs to.' })
  categories(
    @Root() tool: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, tool.id);
  }

  @Relation(() => [CategoryLink], 'IN_CATEGORY', 'OUT')
  categoryLinks(
    @Root() tool: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, info, tool.id);
  }

  @Relation(() => [Framework], 'RUNS_ON', 'IN', { description: 'Frameworks that run on the tool (for runtimes).' })
  frameworks(
    @Root() tool: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, tool.id);
  }
}

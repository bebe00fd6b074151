import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LinkShape } from '../shared/link';
import type { NodeRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Category, Framework, Tool } from '../shared/entity.types';
import { ToolFilter } from '../shared/filters.input';
import { CategoryLink, RoleLink } from '../shared/links.types';
import { nodeQueries } from '../shared/node-queries.resolver';
import { links, related } from '../shared/relations';

export const ToolQueries = nodeQueries({
  kind: 'TOOL',
  Type: Tool,
  Filter: ToolFilter,
  single: 'tool',
  plural: 'tools',
});

@Resolver(() => Tool)
export class ToolFieldsResolver {
  @FieldResolver(() => [Role], { description: 'Roles that use the tool.' })
  usedBy(@Root() tool: NodeRecord, @Ctx() ctx: RequestContext): Promise<NodeRecord[]> {
    return related(ctx, 'USES_TOOL', 'IN', tool.id);
  }

  @FieldResolver(() => [RoleLink], { description: 'Roles that use the tool, with how central it is to each.' })
  usages(@Root() tool: NodeRecord, @Ctx() ctx: RequestContext): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, 'USES_TOOL', 'IN', tool.id);
  }

  @FieldResolver(() => [Category], { description: 'Categories the tool belongs to.' })
  categories(@Root() tool: NodeRecord, @Ctx() ctx: RequestContext): Promise<NodeRecord[]> {
    return related(ctx, 'IN_CATEGORY', 'OUT', tool.id);
  }

  @FieldResolver(() => [CategoryLink])
  categoryLinks(@Root() tool: NodeRecord, @Ctx() ctx: RequestContext): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, 'IN_CATEGORY', 'OUT', tool.id);
  }

  @FieldResolver(() => [Framework], { description: 'Frameworks that run on the tool (for runtimes).' })
  frameworks(@Root() tool: NodeRecord, @Ctx() ctx: RequestContext): Promise<NodeRecord[]> {
    return related(ctx, 'RUNS_ON', 'IN', tool.id);
  }
}

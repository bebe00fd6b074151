import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Framework, Language, Tool } from '../shared/entity.types';
import { FrameworkFilter } from '../shared/filters.input';
import type { LinkShape } from '../shared/link';
import { LanguageLink, RoleLink, ToolLink } from '../shared/links.types';
import { nodeQueries } from '../shared/node-queries.resolver';
import { links, related } from '../shared/relations';

export const FrameworkQueries = nodeQueries({
  kind: 'FRAMEWORK',
  Type: Framework,
  Filter: FrameworkFilter,
  single: 'framework',
  plural: 'frameworks',
});

@Resolver(() => Framework)
export class FrameworkFieldsResolver {
  @FieldResolver(() => [Role], { description: 'Roles that build with the framework.' })
  usedBy(@Root() framework: NodeRecord, @Ctx() ctx: RequestContext): Promise<NodeRecord[]> {
    return related(ctx, 'USES_FRAMEWORK', 'IN', framework.id);
  }

  @FieldResolver(() => [RoleLink], { description: 'Roles that build with the framework, and what for.' })
  usages(@Root() framework: NodeRecord, @Ctx() ctx: RequestContext): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, 'USES_FRAMEWORK', 'IN', framework.id);
  }

  @FieldResolver(() => [Tool], { description: 'Runtimes or platforms the framework runs on.' })
  runsOn(@Root() framework: NodeRecord, @Ctx() ctx: RequestContext): Promise<NodeRecord[]> {
    return related(ctx, 'RUNS_ON', 'OUT', framework.id);
  }

  @FieldResolver(() => [ToolLink])
  runsOnLinks(@Root() framework: NodeRecord, @Ctx() ctx: RequestContext): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, 'RUNS_ON', 'OUT', framework.id);
  }

  @FieldResolver(() => [Language], { description: 'Languages the framework is written in and used from.' })
  writtenIn(@Root() framework: NodeRecord, @Ctx() ctx: RequestContext): Promise<NodeRecord[]> {
    return related(ctx, 'WRITTEN_IN', 'OUT', framework.id);
  }

  @FieldResolver(() => [LanguageLink])
  writtenInLinks(@Root() framework: NodeRecord, @Ctx() ctx: RequestContext): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, 'WRITTEN_IN', 'OUT', framework.id);
  }
}

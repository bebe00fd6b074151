import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Resolver, Root } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Workflow } from '../shared/entity.types';
import { WorkflowFilter } from '../shared/filters.input';
import type { LinkShape } from '../shared/link';
import { RoleLink } from '../shared/links.types';
import { nodeQueries } from '../shared/node-queries.resolver';
import { links, related, Relation } from '../shared/relations';

export const WorkflowQueries = nodeQueries({
  kind: 'WORKFLOW',
  Type: Workflow,
  Filter: WorkflowFilter,
  single: 'workflow',
  plural: 'workflows',
});

@Resolver(() => Workflow)
export class WorkflowFieldsResolver {
  @Relation(() => [Role], 'PRACTICES', 'IN', { description: 'Roles that follow the workflow.' })
  practicedBy(
    @Root() workflow: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, workflow.id);
  }

  @Relation(() => [RoleLink], 'PRACTICES', 'IN', {
    description: 'Roles that follow the workflow, with what it means for each.',
  })
  practices(
    @Root() workflow: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, info, workflow.id);
  }
}

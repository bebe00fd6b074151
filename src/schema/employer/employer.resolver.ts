import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Resolver, Root } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Employer } from '../shared/entity.types';
import { EmployerFilter } from '../shared/filters.input';
import type { LinkShape } from '../shared/link';
import { RoleLink } from '../shared/links.types';
import { nodeQueries } from '../shared/node-queries.resolver';
import { links, related, Relation } from '../shared/relations';

export const EmployerQueries = nodeQueries({
  kind: 'EMPLOYER',
  Type: Employer,
  Filter: EmployerFilter,
  single: 'employer',
  plural: 'employers',
});

@Resolver(() => Employer)
export class EmployerFieldsResolver {
  @Relation(() => [Role], 'HIRES', 'OUT', { description: 'Roles the employer hires for.' })
  hires(
    @Root() employer: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, employer.id);
  }

  @Relation(() => [RoleLink], 'HIRES', 'OUT')
  hiringLinks(
    @Root() employer: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, info, employer.id);
  }
}

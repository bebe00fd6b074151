import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Resolver, Root } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Skill } from '../shared/entity.types';
import { SkillFilter } from '../shared/filters.input';
import type { LinkShape } from '../shared/link';
import { RoleLink } from '../shared/links.types';
import { nodeQueries } from '../shared/node-queries.resolver';
import { links, related, Relation } from '../shared/relations';

export const SkillQueries = nodeQueries({
  kind: 'SKILL',
  Type: Skill,
  Filter: SkillFilter,
  single: 'skill',
  plural: 'skills',
});

@Resolver(() => Skill)
export class SkillFieldsResolver {
  @Relation(() => [Role], 'REQUIRES_SKILL', 'IN', { description: 'Roles that require the skill.' })
  requiredBy(
    @Root() skill: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord[]> {
    return related(ctx, info, skill.id);
  }

  @Relation(() => [RoleLink], 'REQUIRES_SKILL', 'IN', {
    description: 'Roles that require the skill, with how strongly.',
  })
  requirements(
    @Root() skill: NodeRecord,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LinkShape<NodeRecord>[]> {
    return links(ctx, info, skill.id);
  }
}

import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Resolver, Root } from 'type-graphql';
import type { NodeRecord, RoleRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { Employer, Framework, Language, Skill, Tool, Workflow } from '../shared/entity.types';
import { RoleFilter } from '../shared/filters.input';
import type { LinkShape } from '../shared/link';
import {
  EmployerLink,
  FrameworkLink,
  LanguageLink,
  RoleLink,
  SkillLink,
  ToolLink,
  WorkflowLink,
} from '../shared/links.types';
import { nodeQueries } from '../shared/node-queries.resolver';
import { links, related, Relation } from '../shared/relations';
import { Role } from './role.type';

export const RoleQueries = nodeQueries({
  kind: 'ROLE',
  Type: Role,
  Filter: RoleFilter,
  single: 'role',
  plural: 'roles',
});

type Links = Promise<LinkShape<NodeRecord>[]>;
type Nodes = Promise<NodeRecord[]>;

@Resolver(() => Role)
export class RoleFieldsResolver {
  @Relation(() => [Tool], 'USES_TOOL', 'OUT', { description: 'Tools the role uses.' })
  tools(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Nodes {
    return related(ctx, info, role.id);
  }

  @Relation(() => [ToolLink], 'USES_TOOL', 'OUT', { description: 'Tools the role uses, with how central each is.' })
  toolUsages(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Links {
    return links(ctx, info, role.id);
  }

  @Relation(() => [Skill], 'REQUIRES_SKILL', 'OUT', { description: 'Skills the role requires.' })
  skills(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Nodes {
    return related(ctx, info, role.id);
  }

  @Relation(() => [SkillLink], 'REQUIRES_SKILL', 'OUT', { description: 'Skills the role requires, with how strongly.' })
  skillRequirements(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Links {
    return links(ctx, info, role.id);
  }

  @Relation(() => [Framework], 'USES_FRAMEWORK', 'OUT', { description: 'Frameworks the role builds with.' })
  frameworks(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Nodes {
    return related(ctx, info, role.id);
  }

  @Relation(() => [FrameworkLink], 'USES_FRAMEWORK', 'OUT', {
    description: 'Frameworks the role builds with, and what for.',
  })
  frameworkUsages(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Links {
    return links(ctx, info, role.id);
  }

  @Relation(() => [Language], 'USES_LANGUAGE', 'OUT', { description: 'Programming languages the role uses.' })
  languages(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Nodes {
    return related(ctx, info, role.id);
  }

  @Relation(() => [LanguageLink], 'USES_LANGUAGE', 'OUT')
  languageUsages(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Links {
    return links(ctx, info, role.id);
  }

  @Relation(() => [Workflow], 'PRACTICES', 'OUT', { description: 'Workflows the role follows.' })
  workflows(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Nodes {
    return related(ctx, info, role.id);
  }

  @Relation(() => [WorkflowLink], 'PRACTICES', 'OUT', {
    description: 'Workflows the role follows, with what each means for it.',
  })
  workflowPractices(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Links {
    return links(ctx, info, role.id);
  }

  @Relation(() => [Employer], 'HIRES', 'IN', { description: 'Employers known to hire for the role.' })
  employers(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Nodes {
    return related(ctx, info, role.id);
  }

  @Relation(() => [EmployerLink], 'HIRES', 'IN')
  hirings(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Links {
    return links(ctx, info, role.id);
  }

  @Relation(() => [Role], 'PROGRESSES_TO', 'OUT', { description: 'Promotions from this role.' })
  nextRoles(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Nodes {
    return related(ctx, info, role.id);
  }

  @Relation(() => [RoleLink], 'PROGRESSES_TO', 'OUT', {
    description: 'Promotions from this role, with where each is stated.',
  })
  promotions(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Links {
    return links(ctx, info, role.id);
  }

  @Relation(() => [Role], 'PROGRESSES_TO', 'IN', { description: 'Roles that are promoted into this one.' })
  previousRoles(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Nodes {
    return related(ctx, info, role.id);
  }

  @Relation(() => [Role], 'PIVOTS_TO', 'OUT', { description: 'Adjacent roles this one can pivot to.' })
  adjacentRoles(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Nodes {
    return related(ctx, info, role.id);
  }

  @Relation(() => [RoleLink], 'PIVOTS_TO', 'OUT', { description: 'Pivots from this role, with where each is stated.' })
  pivots(@Root() role: RoleRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Links {
    return links(ctx, info, role.id);
  }
}

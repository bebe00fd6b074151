import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
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
import { links, related } from '../shared/relations';
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
  @FieldResolver(() => [Tool], { description: 'Tools the role uses.' })
  tools(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Nodes {
    return related(ctx, 'USES_TOOL', 'OUT', role.id);
  }

  @FieldResolver(() => [ToolLink], { description: 'Tools the role uses, with how central each is.' })
  toolUsages(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Links {
    return links(ctx, 'USES_TOOL', 'OUT', role.id);
  }

  @FieldResolver(() => [Skill], { description: 'Skills the role requires.' })
  skills(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Nodes {
    return related(ctx, 'REQUIRES_SKILL', 'OUT', role.id);
  }

  @FieldResolver(() => [SkillLink], { description: 'Skills the role requires, with how strongly.' })
  skillRequirements(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Links {
    return links(ctx, 'REQUIRES_SKILL', 'OUT', role.id);
  }

  @FieldResolver(() => [Framework], { description: 'Frameworks the role builds with.' })
  frameworks(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Nodes {
    return related(ctx, 'USES_FRAMEWORK', 'OUT', role.id);
  }

  @FieldResolver(() => [FrameworkLink], { description: 'Frameworks the role builds with, and what for.' })
  frameworkUsages(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Links {
    return links(ctx, 'USES_FRAMEWORK', 'OUT', role.id);
  }

  @FieldResolver(() => [Language], { description: 'Programming languages the role uses.' })
  languages(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Nodes {
    return related(ctx, 'USES_LANGUAGE', 'OUT', role.id);
  }

  @FieldResolver(() => [LanguageLink])
  languageUsages(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Links {
    return links(ctx, 'USES_LANGUAGE', 'OUT', role.id);
  }

  @FieldResolver(() => [Workflow], { description: 'Workflows the role follows.' })
  workflows(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Nodes {
    return related(ctx, 'PRACTICES', 'OUT', role.id);
  }

  @FieldResolver(() => [WorkflowLink], { description: 'Workflows the role follows, with what each means for it.' })
  workflowPractices(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Links {
    return links(ctx, 'PRACTICES', 'OUT', role.id);
  }

  @FieldResolver(() => [Employer], { description: 'Employers known to hire for the role.' })
  employers(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Nodes {
    return related(ctx, 'HIRES', 'IN', role.id);
  }

  @FieldResolver(() => [EmployerLink])
  hirings(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Links {
    return links(ctx, 'HIRES', 'IN', role.id);
  }

  @FieldResolver(() => [Role], { description: 'Promotions from this role.' })
  nextRoles(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Nodes {
    return related(ctx, 'PROGRESSES_TO', 'OUT', role.id);
  }

  @FieldResolver(() => [RoleLink], { description: 'Promotions from this role, with where each is stated.' })
  promotions(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Links {
    return links(ctx, 'PROGRESSES_TO', 'OUT', role.id);
  }

  @FieldResolver(() => [Role], { description: 'Roles that are promoted into this one.' })
  previousRoles(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Nodes {
    return related(ctx, 'PROGRESSES_TO', 'IN', role.id);
  }

  @FieldResolver(() => [Role], { description: 'Adjacent roles this one can pivot to.' })
  adjacentRoles(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Nodes {
    return related(ctx, 'PIVOTS_TO', 'OUT', role.id);
  }

  @FieldResolver(() => [RoleLink], { description: 'Pivots from this role, with where each is stated.' })
  pivots(@Root() role: RoleRecord, @Ctx() ctx: RequestContext): Links {
    return links(ctx, 'PIVOTS_TO', 'OUT', role.id);
  }
}

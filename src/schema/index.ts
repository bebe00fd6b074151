import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { RequestContext } from '../server/context';
import { CategoryFieldsResolver, CategoryQueries } from './category/category.resolver';
import { EmployerFieldsResolver, EmployerQueries } from './employer/employer.resolver';
import { FrameworkFieldsResolver, FrameworkQueries } from './framework/framework.resolver';
import { LanguageFieldsResolver, LanguageQueries } from './language/language.resolver';
import { RoleInput, NodeInput } from './mutation/mutation.inputs';
import { GraphEditResolver, upsertMutation } from './mutation/mutation.resolver';
import { Category, Employer, Framework, Language, Skill, Tool, Workflow } from './shared/entity.types';
import { NodeQuery } from './shared/node-queries.resolver';
import { Role } from './role/role.type';
import { RoleFieldsResolver, RoleQueries } from './role/role.resolver';
import { SearchResolver } from './search/search.resolver';
import { SkillFieldsResolver, SkillQueries } from './skill/skill.resolver';
import { DbInfoResolver } from './system/db-info.resolver';
import { ToolFieldsResolver, ToolQueries } from './tool/tool.resolver';
import { RoleTraversalFieldsResolver, TraversalResolver } from './traversal/traversal.resolver';
import { WorkflowFieldsResolver, WorkflowQueries } from './workflow/workflow.resolver';

export const resolvers = [
  DbInfoResolver,
  NodeQuery,
  RoleQueries,
  RoleFieldsResolver,
  ToolQueries,
  ToolFieldsResolver,
  SkillQueries,
  SkillFieldsResolver,
  FrameworkQueries,
  FrameworkFieldsResolver,
  EmployerQueries,
  EmployerFieldsResolver,
  WorkflowQueries,
  WorkflowFieldsResolver,
  LanguageQueries,
  LanguageFieldsResolver,
  CategoryQueries,
  CategoryFieldsResolver,
  SearchResolver,
  TraversalResolver,
  RoleTraversalFieldsResolver,
  upsertMutation('ROLE', Role, RoleInput),
  upsertMutation('TOOL', Tool, NodeInput),
  upsertMutation('SKILL', Skill, NodeInput),
  upsertMutation('FRAMEWORK', Framework, NodeInput),
  upsertMutation('EMPLOYER', Employer, NodeInput),
  upsertMutation('WORKFLOW', Workflow, NodeInput),
  upsertMutation('LANGUAGE', Language, NodeInput),
  upsertMutation('CATEGORY', Category, NodeInput),
  GraphEditResolver,
] as const;

export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...resolvers],
    validate: { forbidUnknownValues: false },
    // Mutations are @Authorized: the request's credentials decide, and say why when they fail.
    authChecker: ({ context }: { context: RequestContext }) => {
      context.auth.requireWriter();
      return true;
    },
  });
}

import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CategoryFieldsResolver, CategoryQueries } from './category/category.resolver';
import { EmployerFieldsResolver, EmployerQueries } from './employer/employer.resolver';
import { FrameworkFieldsResolver, FrameworkQueries } from './framework/framework.resolver';
import { LanguageFieldsResolver, LanguageQueries } from './language/language.resolver';
import { RoleFieldsResolver, RoleQueries } from './role/role.resolver';
import { SearchResolver } from './search/search.resolver';
import { SkillFieldsResolver, SkillQueries } from './skill/skill.resolver';
import { DbInfoResolver } from './system/db-info.resolver';
import { ToolFieldsResolver, ToolQueries } from './tool/tool.resolver';
import { RoleTraversalFieldsResolver, TraversalResolver } from './traversal/traversal.resolver';
import { WorkflowFieldsResolver, WorkflowQueries } from './workflow/workflow.resolver';

export const resolvers = [
  DbInfoResolver,
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
] as const;

export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...resolvers],
    validate: { forbidUnknownValues: false },
  });
}

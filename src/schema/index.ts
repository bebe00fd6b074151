import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { RequestContext } from '../server/context';
import { NODE_KIND_NAMES } from '../model/kinds';
import { FitResolver, RoleFitFieldsResolver } from './fit/fit.resolver';
import { RoleInput, NodeInput } from './mutation/mutation.inputs';
import { GraphEditResolver, upsertMutation } from './mutation/mutation.resolver';
import { ProvenanceResolver } from './provenance/provenance.type';
import { RoleTitlesResolver } from './role/role.resolver';
import { RankingResolver } from './rankings/rankings.resolver';
import { SearchResolver } from './search/search.resolver';
import { nodeQueries, NodeQuery } from './shared/node-queries.resolver';
import { answerRelationsDirectly, NODE_TYPES, relationFieldsResolver } from './shared/relation-fields';
import { DbInfoResolver } from './system/db-info.resolver';
import { cachedArgumentValidation } from './validation';
import { RoleTraversalFieldsResolver, TraversalResolver } from './traversal/traversal.resolver';

/** How many distinct accepted arguments the validation remembers (each a short JSON string). */
const ACCEPTED_ARGUMENTS_KEPT = 2000;

export const resolvers = [
  DbInfoResolver,
  NodeQuery,
  ...NODE_KIND_NAMES.flatMap((kind) => [nodeQueries(kind), relationFieldsResolver(kind)]),
  SearchResolver,
  RankingResolver,
  TraversalResolver,
  RoleTraversalFieldsResolver,
  ...NODE_KIND_NAMES.map((kind) => upsertMutation(kind, NODE_TYPES[kind], kind === 'ROLE' ? RoleInput : NodeInput)),
  GraphEditResolver,
  RoleTitlesResolver,
  ProvenanceResolver,
  FitResolver,
  RoleFitFieldsResolver,
] as const;

export async function buildGraphQLSchema(): Promise<GraphQLSchema> {
  const validation = cachedArgumentValidation(ACCEPTED_ARGUMENTS_KEPT);
  const schema = await buildSchema({
    resolvers: [...resolvers],
    validateFn: validation,
    // Mutations are @Authorized: the request's credentials decide, and say why when they fail.
    authChecker: ({ context }: { context: RequestContext }) => {
      context.auth.requireWriter();
      return true;
    },
  });
  answerRelationsDirectly(schema, validation);
  return schema;
}

import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

export const SCHEMA_HEADER =
  '# Emitted from the TypeGraphQL classes by `npm run schema:emit`; do not edit by hand.\n\n';

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show only real changes. */
export function printCommittedSchema(schema: GraphQLSchema): string {
  return `${SCHEMA_HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}

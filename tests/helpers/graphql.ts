import type { GraphQLFormattedError } from 'graphql';
import { createLogger } from '../../src/logger';
import { buildGraphQLSchema } from '../../src/schema';
import { createApolloServer } from '../../src/server/apollo';
import { authFromHeader } from '../../src/server/auth';
import { createRequestContext } from '../../src/server/context';
import type { TestDatabase } from './database';

export interface OperationResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
  /** Database round trips the operation caused. */
  dbQueries: number;
}

export interface TestGraphQL {
  run<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ): Promise<OperationResult<T>>;
  stop(): Promise<void>;
}

/**
 * The server production runs (schema, limits, validation rules, error handling; see
 * createApolloServer), executed without HTTP (Apollo's executeOperation).
 */
export async function createTestGraphQL(db: TestDatabase): Promise<TestGraphQL> {
  const server = createApolloServer({ config: db.config, schema: await buildGraphQLSchema() });
  await server.start();
  const log = createLogger({ logLevel: 'silent', env: 'test' });
  let n = 0;
  return {
    async run(query, variables, operationName) {
      const contextValue = createRequestContext(`test-${++n}`, db.executor, log, authFromHeader(undefined, undefined));
      const response = await server.executeOperation({ query, variables, operationName }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('Expected a single result');
      const { data, errors } = response.body.singleResult;
      return { data: data as never, errors, dbQueries: contextValue.metrics.dbQueries };
    },
    stop: () => server.stop(),
  };
}

import { execute, parse, type GraphQLSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { LruCache } from '../../src/lru-cache';
import { Executor } from '../../src/graph/executor';
import { createLogger } from '../../src/logger';
import { buildGraphQLSchema } from '../../src/schema';
import { createApolloServer } from '../../src/server/apollo';
import { authFromHeader } from '../../src/server/auth';
import { createRequestContext } from '../../src/server/context';

/*
 * Operations run as graphql-jit compiled queries, one compilation per document kept in a
 * bounded LRU. None of these requests reaches a database: the driver points at a closed port,
 * so an operation that did would fail with SERVICE_UNAVAILABLE instead of the answer expected.
 */

let schema: GraphQLSchema;
const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'x'), { connectionTimeout: 500 });
const executor = new Executor(driver, { txTimeoutMs: 1000, maxRetryMs: 0 });
const log = createLogger({ logLevel: 'silent', env: 'test' });

beforeAll(async () => {
  schema = await buildGraphQLSchema();
});
afterAll(() => driver.close());

async function serverWith(env: Record<string, string> = {}) {
  const server = createApolloServer({ config: loadConfig(env), schema });
  await server.start();
  let n = 0;
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const contextValue = createRequestContext(`t-${++n}`, executor, log, authFromHeader(undefined, undefined));
    const response = await server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('Expected a single result');
    return response.body.singleResult;
  };
  return { server, run };
}

describe('LruCache', () => {
  it('when more keys than its limit are set, then the least recently used ones are dropped', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now newer than b
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c')]).toEqual([1, 3]);
  });
});

describe('compiled execution', () => {
  const TYPENAME = '{ __typename }';
  const SCHEMA_NAME = '{ __schema { queryType { name } } }';

  it('when one document is sent twice, then it is compiled once and both runs use the compiled query', async () => {
    const { server, run } = await serverWith();
    try {
      expect(await run(TYPENAME)).toEqual({ data: { __typename: 'Query' } });
      expect(await run(TYPENAME)).toEqual({ data: { __typename: 'Query' } });
      expect(server.execution.stats).toEqual({ compiled: 1, executed: 2, interpreted: 0 });
    } finally {
      await server.stop();
    }
  });

  it('when more documents than COMPILED_QUERY_CACHE are sent, then the oldest is dropped and compiled again', async () => {
    const { server, run } = await serverWith({ COMPILED_QUERY_CACHE: '1' });
    try {
      await run(TYPENAME);
      await run(SCHEMA_NAME);
      expect(server.execution.cached).toBe(1);
      expect(await run(TYPENAME)).toEqual({ data: { __typename: 'Query' } });
      expect(server.execution.stats.compiled).toBe(3);
    } finally {
      await server.stop();
    }
  });

  it('when @skip and @include depend on variables, then the compiled query applies their values per request', async () => {
    const { run } = await serverWith();
    const query = 'query ($s: Boolean!, $i: Boolean!) { a: __typename @skip(if: $s) b: __typename @include(if: $i) }';
    // Keys, not toEqual: a left-out field must be absent, not present as undefined.
    const keys = async (vars: Record<string, boolean>) => Object.entries((await run(query, vars)).data ?? {});
    expect(await keys({ s: true, i: true })).toEqual([['b', 'Query']]);
    expect(await keys({ s: false, i: false })).toEqual([['a', 'Query']]);
  });

  it('when a variable does not coerce, then the error is BAD_USER_INPUT with the words graphql-js uses', async () => {
    const { run } = await serverWith();
    const query = 'query ($f: RoleFilter) { roles(filter: $f) { totalCount } }';
    const variables = { f: { track: 'WIZARD' } };
    const oracle = await execute({ schema, document: parse(query), variableValues: variables });
    const result = await run(query, variables);
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((e) => [e.message, e.extensions?.code])).toEqual(
      oracle.errors?.map((e) => [e.message, 'BAD_USER_INPUT']),
    );
  });

  it('when a resolver rejects an argument, then the error keeps its code, field, path and location', async () => {
    const { run } = await serverWith();
    const result = await run('{\n  role(id: "Not A Slug") { id }\n}');
    expect(result.data).toEqual({ role: null });
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.path).toEqual(['role']);
    expect(error.locations).toEqual([{ line: 2, column: 3 }]);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

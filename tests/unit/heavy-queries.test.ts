import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { parse, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { loadConfig } from '../../src/config';
import { ServiceUnavailableError } from '../../src/errors';
import { buildGraphQLSchema } from '../../src/schema';
import { fieldCostEstimator, queryLimits } from '../../src/server/plugins/query-limits.plugin';

/*
 * Operations costing at least HEAVY_QUERY_COST take turns (HEAVY_QUERY_CONCURRENCY at a time,
 * waiting at most HEAVY_QUERY_WAIT_MS). Driven through the plugin's own hooks, in the order
 * Apollo calls them, so that who holds a turn is decided by the test, not by timing.
 */

const HEAVY = '{ roles(first: 50) { edges { node { name tools { name usedBy { name } } } } } }';
const LIGHT = '{ role(id: "a") { name tools { name } } }';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
  const cost = (query: string) =>
    getComplexity({ schema, query: parse(query), variables: {}, estimators: [fieldCostEstimator(schema)] });
  expect(cost(HEAVY)).toBeGreaterThanOrEqual(500);
  expect(cost(LIGHT)).toBeLessThan(500);
});

function costPlugin(env: Record<string, string>): ApolloServerPlugin {
  const config = loadConfig({ HEAVY_QUERY_COST: '500', HEAVY_QUERY_CONCURRENCY: '1', ...env });
  const { plugins } = queryLimits(config, schema);
  return plugins[plugins.length - 1];
}

/** One request through the plugin: resolves once its operation may run. */
async function start(plugin: ApolloServerPlugin, query: string) {
  const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<never>;
  const context = { request: { query, variables: {} }, document: parse(query) } as never;
  await listener.didResolveOperation!(context);
  return { finish: () => listener.willSendResponse!(context) };
}

describe('heavy operations take turns', () => {
  it('when a heavy operation runs, then the next heavy one waits for it and then runs', async () => {
    const plugin = costPlugin({ HEAVY_QUERY_WAIT_MS: '5000' });
    const first = await start(plugin, HEAVY);
    let secondStarted = false;
    const second = start(plugin, HEAVY).then((r) => ((secondStarted = true), r));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(secondStarted).toBe(false);

    await first.finish();
    await (await second).finish();
    expect(secondStarted).toBe(true);
  });

  it('when the wait is longer than HEAVY_QUERY_WAIT_MS, then the operation is refused as SERVICE_UNAVAILABLE (503)', async () => {
    const plugin = costPlugin({ HEAVY_QUERY_WAIT_MS: '30' });
    const first = await start(plugin, HEAVY);
    const refused = await start(plugin, HEAVY).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    const { extensions, message } = refused as ServiceUnavailableError;
    expect(extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(extensions.http?.status).toBe(503);
    expect(extensions.http?.headers.get('retry-after')).toBe('5');
    expect(message).toContain('busy with other expensive queries');

    // The refused one held nothing: once the first is done, the next heavy one runs at once.
    await first.finish();
    await (await start(plugin, HEAVY)).finish();
  });

  it('when a heavy operation runs, then light ones are not held back', async () => {
    const plugin = costPlugin({ HEAVY_QUERY_WAIT_MS: '30' });
    const heavy = await start(plugin, HEAVY);
    await (await start(plugin, LIGHT)).finish();
    await (await start(plugin, LIGHT)).finish();
    await heavy.finish();
  });

  it('when HEAVY_QUERY_CONCURRENCY is 2, then two heavy operations run together and a third waits', async () => {
    const plugin = costPlugin({ HEAVY_QUERY_CONCURRENCY: '2', HEAVY_QUERY_WAIT_MS: '30' });
    const a = await start(plugin, HEAVY);
    const b = await start(plugin, HEAVY);
    await expect(start(plugin, HEAVY)).rejects.toThrow('busy');
    await a.finish();
    await b.finish();
  });
});

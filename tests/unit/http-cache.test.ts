import { HeaderMap, type GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { httpCachePlugin } from '../../src/server/plugins/http-cache.plugin';

interface Case {
  method?: string;
  headers?: Record<string, string>;
  operation?: 'query' | 'mutation';
  errors?: boolean;
}

/** The Cache-Control the plugin sets on a response to this request. */
async function cacheControl(maxAge: number, c: Case): Promise<string | undefined> {
  const response = {
    http: { headers: new HeaderMap() },
    body: { kind: 'single', singleResult: c.errors ? { errors: [{ message: 'x' }] } : { data: {} } },
  };
  const context = {
    request: { http: { method: c.method ?? 'GET', headers: new HeaderMap(Object.entries(c.headers ?? {})) } },
    response,
    operation: { operation: c.operation ?? 'query' },
    errors: c.errors ? [new Error('x')] : undefined,
  } as unknown as GraphQLRequestContextWillSendResponse<object>;
  const listener = await httpCachePlugin({ maxAge }).requestDidStart!(context as never);
  await listener!.willSendResponse!(context);
  return response.http.headers.get('cache-control');
}

describe('the Cache-Control header', () => {
  it('when a GET query without credentials succeeds, then it is public for maxAge seconds', async () => {
    expect(await cacheControl(120, {})).toBe('public, max-age=120');
  });

  it.each<[string, Case]>([
    ['a POST', { method: 'POST' }],
    ['a mutation', { operation: 'mutation' }],
    ['an Authorization header', { headers: { authorization: 'Bearer abc' } }],
    ['errors', { errors: true }],
  ])('when the request has %s, then the answer is no-store', async (_, c) => {
    expect(await cacheControl(120, c)).toBe('no-store');
  });

  it('when maxAge is 0, then even a cacheable GET is no-store', async () => {
    expect(await cacheControl(0, {})).toBe('no-store');
  });
});

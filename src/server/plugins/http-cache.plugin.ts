import type { ApolloServerPlugin } from '@apollo/server';

export interface HttpCachePluginOptions {
  /** Seconds a shared cache may keep a cacheable answer; 0 turns public caching off. */
  maxAge: number;
}

/**
 * One `Cache-Control` header per response, decided from the request as a whole rather than from
 * per-field hints (the per-field cache-control plugin wraps every resolver and is off for speed).
 * Every read is public data, so only how the request came decides: a GET query without
 * credentials that succeeded may be kept by a CDN; anything else (POST, a mutation, an
 * `Authorization` header, any error) is `no-store`.
 */
export function httpCachePlugin(options: HttpCachePluginOptions): ApolloServerPlugin {
  const publicValue = `public, max-age=${options.maxAge}`;
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, errors }) {
          const http = request.http;
          const cacheable =
            options.maxAge > 0 &&
            http?.method === 'GET' &&
            !http.headers.has('authorization') &&
            operation?.operation === 'query' &&
            (errors === undefined || errors.length === 0) &&
            response.body.kind === 'single' &&
            response.body.singleResult.errors === undefined;
          response.http.headers.set('cache-control', cacheable ? publicValue : 'no-store');
        },
      };
    },
  };
}

// A front end's Apollo Client for Career Graph: persisted queries sent by hash over GET (so a
// CDN can answer them), a normalised cache, and Relay-style pagination for the role lists. The
// operations and their types come from operations.graphql through `npm run codegen`.
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';

export * from './operations.generated';

export interface CareerGraphClientOptions {
  /** The API's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  uri: string;
  /** The fetch to send requests with (the global one unless given). */
  fetch?: typeof fetch;
}

export function createCareerGraphClient({ uri, fetch }: CareerGraphClientOptions): ApolloClient {
  // In a browser, use crypto.subtle.digest('SHA-256', ...) instead of node:crypto.
  const sha256 = (query: string) => createHash('sha256').update(query).digest('hex');
  const persisted = new PersistedQueryLink({ sha256, useGETForHashedQueries: true });
  const http = new HttpLink({
    uri,
    fetch,
    // The API's CSRF prevention accepts GET requests only with this header (or
    // x-apollo-operation-name): a cross-site <img> or form cannot send it.
    headers: { 'apollo-require-preflight': 'true' },
  });
  return new ApolloClient({
    link: persisted.concat(http),
    cache: new InMemoryCache({
      typePolicies: {
        // Pages of roles(first, after) are merged into one list; the filter keeps lists apart.
        Query: { fields: { roles: relayStylePagination(['filter']) } },
      },
    }),
  });
}

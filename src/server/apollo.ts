import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { RequestContext } from './context';
import { compiledExecution } from './compiled-execution';
import { formatError } from './errors';
import { httpCachePlugin } from './plugins/http-cache.plugin';
import { queryLimits } from './plugins/query-limits.plugin';
import { requestStatePlugin } from './plugins/request-state.plugin';

export interface ApolloComposition {
  config: Config;
  schema: GraphQLSchema;
  /** Plugins tied to how the server is hosted (draining an HTTP server). */
  hostPlugins?: ApolloServerPlugin<RequestContext>[];
}

/**
 * The GraphQL server as production runs it: schema, limits (parse, validation rules, cost and
 * heavy-query plugins), error formatting and request state. The HTTP app and the tests both
 * build it here, so tests exercise the same limits and rules.
 */
export function createApolloServer({ config, schema, hostPlugins = [] }: ApolloComposition) {
  const production = config.env === 'production';
  const limits = queryLimits(config, schema);
  const execution = compiledExecution(schema, config.limits.compiledQueries);
  const server = new ApolloServer<RequestContext>({
    // Operations run compiled (graphql-jit); Apollo takes another executor only as a gateway.
    gateway: execution.gateway,
    formatError,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries (on by default) keep their documents in this LRU cache, which
    // Apollo bounds at 30 MiB: clients registering many hashes evict old ones, never grow memory.
    cache: 'bounded',
    // GET and form-encoded POSTs need a header a cross-site form or <img> cannot send
    // (apollo-require-preflight, x-apollo-operation-name or a JSON content type).
    csrfPrevention: true,
    // In production a client learns nothing about the schema it did not ask for.
    hideSchemaDetailsFromClientErrors: production,
    // The process owns shutdown (drain HTTP, close the driver, stop Neo4j); Apollo must not
    // stop itself and re-raise the signal halfway through.
    stopOnTerminationSignals: false,
    introspection: config.http.introspection,
    includeStacktraceInErrorResponses: !production,
    plugins: [
      ...hostPlugins,
      // No cache hints are set; its per-field hook would wrap every resolver for nothing.
      ApolloServerPluginCacheControlDisabled(),
      config.http.landingPage
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
      ...limits.plugins,
      requestStatePlugin({ allowDebugMetrics: !production }),
      httpCachePlugin({ maxAge: config.http.cacheMaxAge }),
    ],
  });
  return Object.assign(server, { execution });
}

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context';
import { AppError } from '../../errors';
import { MASKED_CODE } from '../errors';

export interface RequestStatePluginOptions {
  /** Whether clients may ask for `extensions.metrics` with the `x-debug-metrics: 1` header. */
  allowDebugMetrics: boolean;
}

/**
 * Keeps the per-request state the HTTP log line needs (operation name, error codes), lets
 * masked errors carry the request id, and adds database metrics to the response on request.
 */
export function requestStatePlugin(options: RequestStatePluginOptions): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const wantsMetrics = options.allowDebugMetrics && request.http?.headers.get('x-debug-metrics') === '1';
      return {
        async didResolveOperation({ operationName }) {
          contextValue.requestLog.operationName = operationName ?? undefined;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const cause = error.originalError ?? error;
            contextValue.log[logLevelOf(error.originalError)](
              { err: cause, path: error.path, requestId: contextValue.requestId },
              'GraphQL error',
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = result.errors?.map((e) =>
            e.extensions?.code === MASKED_CODE
              ? { ...e, extensions: { ...e.extensions, requestId: contextValue.requestId } }
              : e,
          );
          if (wantsMetrics) {
            result.extensions = {
              ...result.extensions,
              metrics: {
                dbQueries: contextValue.metrics.dbQueries,
                dbTimeMs: Math.round(contextValue.metrics.dbTimeMs * 100) / 100,
              },
            };
          }
        },
      };
    },
  };
}

/** Bad requests are routine, an unavailable database is worth a warning, anything else is a bug. */
function logLevelOf(original: Error | undefined): 'info' | 'warn' | 'error' {
  if (original === undefined || original instanceof GraphQLError) return 'info';
  if (!(original instanceof AppError)) return 'error';
  return original.code === 'SERVICE_UNAVAILABLE' ? 'warn' : 'info';
}

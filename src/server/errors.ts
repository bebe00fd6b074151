import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { AppError } from '../errors';
import { isLimitError, QUERY_TOO_COMPLEX } from './plugins/query-limits.plugin';

export const MASKED_MESSAGE = 'Internal server error';

/**
 * The one place that turns any error into what a client sees. It never throws: anything it does
 * not recognise is masked, and the request id is added by the errors plugin so the log line can
 * be found.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);

  if (isLimitError(error)) {
    return {
      message: formatted.message.replace(/^Syntax Error: /, ''),
      extensions: { ...formatted.extensions, code: QUERY_TOO_COMPLEX },
    };
  }
  if (original instanceof AppError) {
    return {
      ...formatted,
      message: original.message,
      extensions: { ...original.details, code: original.code },
    };
  }
  if (original instanceof ArgumentValidationError) {
    const problems = flattenValidation(original.extensions.validationErrors);
    return {
      ...formatted,
      message: `Invalid argument: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      extensions: { code: 'BAD_USER_INPUT', problems },
    };
  }
  // Errors raised by GraphQL itself (parse, validation, variable coercion) already say what is
  // wrong with the request and carry a code from Apollo.
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, extensions: { code } };
  }
  // Apollo's own refusals of a malformed request (a persisted query whose hash does not match
  // its text) carry a 4xx status and no code: the client's to fix, not an internal failure.
  const http =
    original instanceof GraphQLError ? (original.extensions.http as { status?: number } | undefined) : undefined;
  const status = http?.status;
  if (status !== undefined && status >= 400 && status < 500) {
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  return {
    message: MASKED_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function flattenValidation(errors: ValidationError[], prefix = ''): { path: string; message: string }[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidation(e.children ?? [], path)];
  });
}

import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { AppError, BadUserInputError, type InputProblem } from '../errors';

export const MASKED_MESSAGE = 'Internal server error';
export const MASKED_CODE = 'INTERNAL_SERVER_ERROR';

/**
 * The application error behind `error`, however GraphQL and Apollo wrapped it on the way out
 * (a located resolver error, a validation or parse error raised by a limit).
 */
function causeOf(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof AppError || current instanceof ArgumentValidationError) return current;
    const next = (current as { originalError?: unknown }).originalError;
    if (next === undefined || next === null || next === current) break;
    current = next;
  }
  return current;
}

/**
 * The one place that turns any error into what a client sees. It never throws: anything it does
 * not recognise is masked, and the request id is added by the request-state plugin so the log
 * line can be found.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const cause = causeOf(error);
  const known =
    cause instanceof ArgumentValidationError
      ? fromArgumentValidation(cause.extensions.validationErrors)
      : cause instanceof AppError
        ? cause
        : undefined;
  if (known) {
    return { ...formatted, message: known.message, extensions: known.publicExtensions };
  }
  // Errors raised by GraphQL itself (parse, validation, variable coercion) already say what is
  // wrong with the request and carry a code from Apollo.
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== MASKED_CODE) {
    return { ...formatted, extensions: { code } };
  }
  // Apollo's own refusals of a malformed request (a persisted query whose hash does not match
  // its text) carry a 4xx status and no code: the client's to fix, not an internal failure.
  const http = cause instanceof GraphQLError ? (cause.extensions.http as { status?: number } | undefined) : undefined;
  const status = http?.status;
  if (status !== undefined && status >= 400 && status < 500) {
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  return {
    message: MASKED_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: MASKED_CODE },
  };
}

/** class-validator's bounds on `@ArgsType` fields, as the one input-problem shape. */
function fromArgumentValidation(errors: ValidationError[]): BadUserInputError | undefined {
  const [first, ...rest] = flattenValidation(errors);
  return first ? new BadUserInputError([first, ...rest]) : undefined;
}

function flattenValidation(errors: ValidationError[], prefix = ''): InputProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

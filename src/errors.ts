/**
 * Typed application errors. Each carries a stable `code` (GraphQL's `extensions.code`) and,
 * when it fails a whole request, the HTTP status that says so. `extensions` is the one shape
 * GraphQL and Apollo read from an original error: graphql-js copies it onto the error it
 * locates, Apollo takes the response status from its `http`.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TOO_COMPLEX'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** What an error tells a client besides its message and code. */
export type ErrorDetails = Record<string, unknown>;

export interface HttpHead {
  status: number;
  headers: Map<string, string>;
}

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    readonly details: ErrorDetails = {},
    /** The status of a response this error ends; none for an error beside other data. */
    readonly http?: HttpHead,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  /** What a client sees in `extensions` (the status goes into the HTTP response instead). */
  get publicExtensions(): ErrorDetails & { code: ErrorCode } {
    return { ...this.details, code: this.code };
  }

  get extensions(): ErrorDetails & { code: ErrorCode; http?: HttpHead } {
    return this.http ? { ...this.publicExtensions, http: this.http } : this.publicExtensions;
  }
}

const head = (status: number, headers: Record<string, string> = {}): HttpHead => ({
  status,
  headers: new Map(Object.entries(headers)),
});

/** One problem with the input: the argument path as the client wrote it, and what is wrong. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Every input problem, in one shape: `extensions: { code, field, problems }`, `field` being the
 * first problem's. The message names the first problem.
 */
export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';

  constructor(
    readonly problems: readonly [InputProblem, ...InputProblem[]],
    options?: { cause?: unknown },
  ) {
    super(`${problems[0].field}: ${problems[0].message}`, { field: problems[0].field, problems }, undefined, options);
  }

  static of(field: string, message: string, options?: { cause?: unknown }): BadUserInputError {
    return new BadUserInputError([{ field, message }], options);
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
}

/** A limit on the size or cost of a query; the request is refused before it runs. */
export class QueryTooComplexError extends AppError {
  readonly code = 'QUERY_TOO_COMPLEX';

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details, head(400));
  }
}

/** The database is unreachable, out of memory or too slow: worth retrying later. */
export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    const retry = options?.retryAfterSeconds;
    super(message, {}, head(503, retry === undefined ? {} : { 'retry-after': String(retry) }), options);
  }
}

/** A database that may hold someone's graph was about to be reset by the tests or the bench. */
export class ResetRefusedError extends AppError {
  readonly code = 'FORBIDDEN';
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
}

import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { BadUserInputError, NotFoundError, QueryTooComplexError, ServiceUnavailableError } from '../../src/errors';
import { formatError, MASKED_MESSAGE } from '../../src/server/errors';

const formatted = (error: GraphQLError) => formatError(error.toJSON(), error);
const fromResolver = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('formatError', () => {
  it('when a resolver throws an application error, then its code and message reach the client', () => {
    const out = formatted(fromResolver(new NotFoundError('No role "nope"', { id: 'nope' })));
    expect(out).toMatchObject({ message: 'No role "nope"', extensions: { code: 'NOT_FOUND', id: 'nope' } });
  });

  it('when a resolver throws a bad-input error, then it is BAD_USER_INPUT with field and problems', () => {
    const out = formatted(fromResolver(BadUserInputError.of('first', 'must be at most 100')));
    expect(out).toEqual({
      message: 'first: must be at most 100',
      path: ['x'],
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'first',
        problems: [{ field: 'first', message: 'must be at most 100' }],
      },
    });
  });

  it('when class-validator rejects arguments, then it is the same BAD_USER_INPUT shape naming each problem', () => {
    const validation = new ArgumentValidationError([
      { property: 'first', constraints: { max: 'first must not be greater than 50' }, children: [] },
      {
        property: 'input',
        children: [{ property: 'name', constraints: { length: 'name is too long' }, children: [] }],
      },
    ]);
    const out = formatted(fromResolver(validation));
    expect(out.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'first',
      problems: [
        { field: 'first', message: 'first must not be greater than 50' },
        { field: 'input.name', message: 'name is too long' },
      ],
    });
  });

  it('when a limit error is wrapped by a validation error, then it is QUERY_TOO_COMPLEX, recognised by its class', () => {
    const cause = new QueryTooComplexError('Query is too deep', { limit: 8 });
    // As Apollo wraps a rule's error: a GraphQLError whose original error is the rule's.
    const reported = new GraphQLError(cause.message, { originalError: cause });
    const wrapped = new GraphQLError(reported.message, {
      originalError: reported,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(formatted(wrapped)).toMatchObject({
      message: 'Query is too deep',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 8 },
    });
    expect(formatted(wrapped).extensions).not.toHaveProperty('http');
  });

  it('when a message merely looks like a limit error, then it is not treated as one', () => {
    const error = new GraphQLError('Syntax Error: Document contains more than 5 tokens. Parsing aborted.', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(formatted(error).extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it.each([
    ['a limit', new QueryTooComplexError('too big'), 400, undefined],
    ['an outage', new ServiceUnavailableError('down'), 503, undefined],
    ['a busy server', new ServiceUnavailableError('busy', { retryAfterSeconds: 5 }), 503, '5'],
  ])('when %s is located by GraphQL, then the located error carries its HTTP status', (_what, error, status, retry) => {
    const located = fromResolver(error);
    const http = located.extensions.http as { status: number; headers: Map<string, string> };
    expect({ status: http.status, retryAfter: http.headers.get('retry-after') }).toEqual({ status, retryAfter: retry });
  });

  it('when a bad-input or not-found error is located, then it carries no HTTP status (it sits beside other data)', () => {
    expect(fromResolver(BadUserInputError.of('id', 'bad')).extensions).not.toHaveProperty('http');
    expect(fromResolver(new NotFoundError('none')).extensions).not.toHaveProperty('http');
  });

  it('when something unexpected fails, then the details are masked', () => {
    const out = formatted(fromResolver(new Error('password=hunter2 at db.internal:7687')));
    expect(out.message).toBe(MASKED_MESSAGE);
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(out)).not.toContain('hunter2');
  });

  it('when Apollo refuses a malformed request with a 4xx status and no code, then it is BAD_REQUEST with its message', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error)).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('when GraphQL rejects the request, then its own code and message are kept', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(formatted(error)).toMatchObject({
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});

import { GraphQLError } from 'graphql';
import { BadUserInputError, NotFoundError } from '../../src/errors';
import { formatError, MASKED_MESSAGE } from '../../src/server/errors';

const formatted = (error: GraphQLError) => formatError(error.toJSON(), error);
const fromResolver = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('formatError', () => {
  it('when a resolver throws an application error, then its code and message reach the client', () => {
    const out = formatted(fromResolver(new NotFoundError('No role "nope"', { id: 'nope' })));
    expect(out).toMatchObject({ message: 'No role "nope"', extensions: { code: 'NOT_FOUND', id: 'nope' } });
  });

  it('when a resolver throws a bad-input error, then it is BAD_USER_INPUT', () => {
    expect(formatted(fromResolver(new BadUserInputError('first: must be at most 100'))).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
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

import { Neo4jError } from 'neo4j-driver';
import { AppError, BadUserInputError, ServiceUnavailableError } from '../../src/errors';
import { translateNeo4jError } from '../../src/graph/executor';

const neo4jError = (code: string, message = 'database says no') =>
  new Neo4jError(message, code as never, '50N42', 'error: general processing exception');

describe('translateNeo4jError', () => {
  it.each([
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'no memory left'],
    ['Neo.TransientError.General.TransactionOutOfMemoryError', 'no memory left'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'took longer than the database allows'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'unavailable'],
  ])('when Neo4j fails with %s, then the client is told the service is unavailable (%s)', (code, words) => {
    const translated = translateNeo4jError(neo4jError(code));
    expect(translated).toBeInstanceOf(ServiceUnavailableError);
    expect((translated as AppError).code).toBe('SERVICE_UNAVAILABLE');
    expect((translated as Error).message).toContain(words);
    expect((translated as Error).cause).toBeInstanceOf(Neo4jError);
  });

  it('when a uniqueness constraint fails, then it is bad input naming the id', () => {
    const translated = translateNeo4jError(
      neo4jError(
        'Neo.ClientError.Schema.ConstraintValidationFailed',
        "Node(12) already exists with label `Tool` and property `id` = 'git'",
      ),
    );
    expect(translated).toBeInstanceOf(BadUserInputError);
    expect((translated as BadUserInputError).problems).toEqual([
      { field: 'id', message: 'a node with id "git" already exists with another meaning' },
    ]);
  });

  it('when the error is not one it knows, then it passes through unchanged', () => {
    const unknown = neo4jError('Neo.ClientError.Statement.SyntaxError');
    expect(translateNeo4jError(unknown)).toBe(unknown);
    const plain = new Error('not from Neo4j');
    expect(translateNeo4jError(plain)).toBe(plain);
  });
});

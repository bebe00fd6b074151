import { Neo4jError, type Driver } from 'neo4j-driver';
import { AppError, BadUserInputError, ServiceUnavailableError } from '../../src/errors';
import { Executor, translateNeo4jError } from '../../src/graph/executor';

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

describe('starting a statement', () => {
  /** An executor over a driver whose sessions record the stack trace limit their run saw. */
  function executorSeeing(run: () => Promise<unknown>) {
    const seen: number[] = [];
    const session = {
      run: () => {
        seen.push(Error.stackTraceLimit);
        return run();
      },
      close: async () => undefined,
    };
    const driver = { session: () => session, executeQueryBookmarkManager: undefined } as unknown as Driver;
    return { seen, executor: new Executor(driver, { txTimeoutMs: 1000, maxRetryMs: 0 }) };
  }

  it('when a read starts, then the driver records no call site, and the limit is back afterwards', async () => {
    const before = Error.stackTraceLimit;
    const { seen, executor } = executorSeeing(async () => ({ records: [{ toObject: () => ({ n: 1 }) }] }));
    await expect(executor.read('RETURN 1 AS n')).resolves.toEqual([{ n: 1 }]);
    expect(seen).toEqual([0]);
    expect(Error.stackTraceLimit).toBe(before);
  });

  it('when the driver refuses the statement, then the limit is back and the failure is translated', async () => {
    const before = Error.stackTraceLimit;
    const { executor } = executorSeeing(() => {
      throw neo4jError('Neo.TransientError.General.DatabaseUnavailable');
    });
    await expect(executor.read('RETURN 1')).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(Error.stackTraceLimit).toBe(before);
  });
});

import neo4j, { type Driver, isRetryableError, type ManagedTransaction, Neo4jError, type Session } from 'neo4j-driver';
import type { Config } from '../config';
import { AppError, BadUserInputError, ServiceUnavailableError } from '../errors';
import { toPlain } from './mapping';

type TransactionConfig = Parameters<Session['run']>[2];

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Counters a request can attach to see how much database work it caused. */
export interface QueryMetrics {
  dbQueries: number;
  dbTimeMs: number;
}

export interface ExecutorOptions {
  database?: string;
  txTimeoutMs: number;
  /** How long transient failures of a read are retried (managed transactions: the driver's own setting). */
  maxRetryMs: number;
}

/** The options for this configuration; loads and the bench pass their own longer timeout. */
export function executorOptions(neo4j: Config['neo4j'], txTimeoutMs = neo4j.txTimeoutMs): ExecutorOptions {
  return { database: neo4j.database, txTimeoutMs, maxRetryMs: neo4j.maxRetryMs };
}

const RETRY_BASE_MS = 50;
const RETRY_MAX_DELAY_MS = 400;

/** Work done inside one transaction: several statements that must commit together. */
export type TxWork<T> = (run: (cypher: string, params?: Params) => Promise<Row[]>) => Promise<T>;

/**
 * The only place that opens sessions. Every call gets its own session, runs as a read or write
 * transaction with a timeout and metadata, returns plain rows, and turns Neo4j failures into
 * typed application errors.
 */
export class Executor {
  constructor(
    private readonly driver: Driver,
    private readonly options: ExecutorOptions,
    private readonly metrics?: QueryMetrics,
    private readonly tag = 'career-graph',
  ) {}

  /** A view of this executor that counts its queries into `metrics` under a request tag. */
  scoped(metrics: QueryMetrics, tag: string): Executor {
    return new Executor(this.driver, this.options, metrics, tag);
  }

  /**
   * One read statement as an auto-commit transaction: RUN and PULL go out together and the
   * answer comes back in one round trip, where an explicit transaction needs a second one to
   * commit. Transient failures are retried within the same budget the driver uses.
   */
  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    const deadline = performance.now() + this.options.maxRetryMs;
    for (let attempt = 0; ; attempt++) {
      const session = this.session('READ');
      try {
        return await this.run(session, cypher, params, this.txConfig());
      } catch (error) {
        if (!isRetryableError(error) || performance.now() >= deadline) throw translateNeo4jError(error);
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_BASE_MS * 2 ** attempt, RETRY_MAX_DELAY_MS)));
    }
  }

  /** Several reads that must see one consistent state of the graph. */
  readTransaction<T>(work: TxWork<T>): Promise<T> {
    return this.inTransaction('READ', work);
  }

  write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.inTransaction('WRITE', (run) => run(cypher, params));
  }

  /** Several statements in one write transaction: all commit or none do. */
  writeTransaction<T>(work: TxWork<T>): Promise<T> {
    return this.inTransaction('WRITE', work);
  }

  /** Statements that cannot share a transaction with data writes (schema changes). */
  async autoCommit(cypher: string, params: Params = {}, timeoutMs = this.options.txTimeoutMs): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.run(cypher, params, { ...this.txConfig(), timeout: timeoutMs });
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  private async inTransaction<T>(mode: 'READ' | 'WRITE', work: TxWork<T>): Promise<T> {
    const session = this.session(mode);
    try {
      const unit = async (tx: ManagedTransaction) => work((cypher, params = {}) => this.run(tx, cypher, params));
      return mode === 'READ'
        ? await session.executeRead(unit, this.txConfig())
        : await session.executeWrite(unit, this.txConfig());
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  private async run(
    runner: ManagedTransaction | Session,
    cypher: string,
    params: Params,
    config?: TransactionConfig,
  ): Promise<Row[]> {
    const started = performance.now();
    try {
      const result = await withoutCallSite(() =>
        config ? (runner as Session).run(cypher, params, config) : runner.run(cypher, params),
      );
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    } finally {
      if (this.metrics) {
        this.metrics.dbQueries += 1;
        this.metrics.dbTimeMs += performance.now() - started;
      }
    }
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      // Shared bookmarks make a read that follows a write see it, also on a cluster.
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
  }

  private txConfig() {
    return { timeout: this.options.txTimeoutMs, metadata: { app: this.tag } };
  }
}

/**
 * Starts a statement without the call site the driver records for it: its Result captures and
 * formats a stack trace on every statement, only to graft it onto an error it may report later,
 * and that was about 4% of the API's CPU on a role page. Failures here become the
 * application's own errors, which carry their own stack; one it does not know passes on with its
 * message and code but no frames. The limit is restored before anything else can run.
 */
function withoutCallSite<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const UNAVAILABLE_CODES = new Set([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Maps a driver failure onto the application's error types; anything unknown passes through. */
export function translateNeo4jError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code) || error.message.includes('acquisition timed out')) {
    return new ServiceUnavailableError('The graph database is unavailable; try again shortly.', { cause: error });
  }
  // The database's transaction memory pools (per transaction or in all) are full.
  if (/MemoryPoolOutOfMemoryError|TransactionOutOfMemoryError|MemoryLimit/.test(error.code)) {
    return new ServiceUnavailableError(
      'The database has no memory left for this query right now; retry shortly, or ask for less.',
      { cause: error },
    );
  }
  if (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new ServiceUnavailableError('The query took longer than the database allows and was stopped.', {
      cause: error,
    });
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    const id = /property `id` = '([^']*)'|id = '([^']*)'/.exec(error.message);
    return BadUserInputError.of(
      'id',
      id ? `a node with id "${id[1] ?? id[2]}" already exists with another meaning` : 'a graph constraint was violated',
      { cause: error },
    );
  }
  return error;
}

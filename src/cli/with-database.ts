import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from '../config';
import { createDriver } from '../graph/driver';
import { Executor } from '../graph/executor';
import { applyDatabaseSchema } from '../graph/schema-setup';
import { LocalNeo4jError } from '../local-neo4j';
import { resolveNeo4jEndpoint } from '../neo4j-endpoint';
import { DataFileError } from '../seed/problems';
import { AppError } from '../errors';

export class UsageError extends Error {}

/**
 * Runs a command-line task against the configured Neo4j (starting the local one if none
 * answers, and stopping it afterwards), with the database schema applied. Known failures print
 * a plain message and set a non-zero exit code; nothing prints a stack unless it is a bug.
 */
export async function runWithDatabase(task: (executor: Executor, config: Config) => Promise<void>): Promise<void> {
  let release: (() => Promise<void>) | undefined;
  try {
    const config = loadConfig();
    const endpoint = await resolveNeo4jEndpoint(config, (msg) => process.stderr.write(`${msg}\n`));
    release = endpoint.release;
    const driver = createDriver(endpoint.uri, config.neo4j);
    try {
      const executor = new Executor(driver, { database: config.neo4j.database, txTimeoutMs: 10 * 60_000 });
      await applyDatabaseSchema(executor, config.rootDir);
      await task(executor, config);
    } finally {
      await driver.close();
    }
  } catch (error) {
    process.exitCode = reportFailure(error);
  } finally {
    await release?.();
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    return 64;
  }
  if (
    error instanceof DataFileError ||
    error instanceof ConfigError ||
    error instanceof LocalNeo4jError ||
    error instanceof AppError
  ) {
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  process.stderr.write(`Unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`);
  return 1;
}

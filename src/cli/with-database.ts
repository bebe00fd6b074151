import 'reflect-metadata';
import { Cleanups } from '../cleanups';
import { loadConfig, type Config } from '../config';
import { createDriver } from '../graph/driver';
import { Executor, executorOptions } from '../graph/executor';
import { applyDatabaseSchema } from '../graph/schema-setup';
import { resolveNeo4jEndpoint } from '../neo4j-endpoint';
import { reportFailure } from '../report-failure';

export { UsageError } from '../report-failure';

const say = (msg: string) => process.stderr.write(`${msg}\n`);

/**
 * Runs a command-line task against the configured Neo4j (starting the local one if none
 * answers, and stopping it afterwards), with the database schema applied. Known failures print
 * a plain message and set a non-zero exit code. Ctrl-C closes the driver, which rolls back a
 * load under way, and still stops the Neo4j the command started.
 */
export async function runWithDatabase(task: (executor: Executor, config: Config) => Promise<void>): Promise<void> {
  const cleanups = new Cleanups((name, error) => say(`Could not ${name}: ${String(error)}`));
  const interrupt = () => {
    process.exitCode = 130;
    say('Interrupted; nothing from the unfinished load is kept.');
    void cleanups.runAll();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const config = loadConfig();
    const endpoint = await resolveNeo4jEndpoint(config, say);
    cleanups.add('stop the local Neo4j', endpoint.release);
    const driver = createDriver(endpoint.uri, config.neo4j);
    cleanups.add('close the Neo4j driver', () => driver.close());
    const executor = new Executor(driver, executorOptions(config.neo4j, config.neo4j.loadTimeoutMs));
    await applyDatabaseSchema(executor, config.rootDir, say);
    await task(executor, config);
  } catch (error) {
    if (process.exitCode !== 130) process.exitCode = reportFailure(error);
  } finally {
    await cleanups.runAll();
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
  }
}

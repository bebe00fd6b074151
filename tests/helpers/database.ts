import type { Driver } from 'neo4j-driver';
import { loadConfig, type Config } from '../../src/config';
import { createDriver } from '../../src/graph/driver';
import { Executor, executorOptions } from '../../src/graph/executor';
import { applyDatabaseSchema } from '../../src/graph/schema-setup';
import { openDatabaseAt, TEST_TX_TIMEOUT_MS } from './private-neo4j';

export interface TestDatabase {
  config: Config;
  driver: Driver;
  executor: Executor;
  close(): Promise<void>;
}

/** The Neo4j the global setup made sure of, with the database schema applied. */
export async function openTestDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_TX_TIMEOUT_MS: TEST_TX_TIMEOUT_MS,
    ...env,
  });
  const uri = process.env.CAREER_GRAPH_TEST_NEO4J_URI;
  if (!uri) throw new Error('The Jest global setup did not provide the test Neo4j URI');
  const driver = createDriver(uri, config.neo4j);
  const executor = new Executor(driver, executorOptions(config.neo4j));
  await applyDatabaseSchema(executor, config.rootDir);
  return { config: { ...config, neo4j: { ...config.neo4j, uri } }, driver, executor, close: () => driver.close() };
}

/**
 * The private Neo4j that holds exactly the seed (see the global setup). A suite reading it must
 * not reset it; what a suite adds there it removes.
 */
export async function openSeededDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const uri = process.env.CAREER_GRAPH_TEST_SEEDED_URI;
  if (!uri) throw new Error('The Jest global setup did not provide the seeded Neo4j');
  return openDatabaseAt(uri, env);
}

/** A prefix that keeps one test's nodes apart from every other test's. */
export function uniquePrefix(name: string): string {
  return `t-${name}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

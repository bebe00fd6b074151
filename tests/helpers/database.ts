import type { Driver } from 'neo4j-driver';
import type { Config } from '../../src/config';
import type { Executor } from '../../src/graph/executor';
import { openDatabaseAt } from './private-neo4j';

export interface TestDatabase {
  config: Config;
  driver: Driver;
  executor: Executor;
  close(): Promise<void>;
}

/** The Neo4j the global setup made sure of, with the database schema applied. */
export async function openTestDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const uri = process.env.CAREER_GRAPH_TEST_NEO4J_URI;
  if (!uri) throw new Error('The Jest global setup did not provide the test Neo4j URI');
  return openDatabaseAt(uri, env);
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

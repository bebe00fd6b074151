import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/graph/driver';
import { Executor, executorOptions } from '../../src/graph/executor';
import { createLogger, type Logger } from '../../src/logger';
import { buildGraphQLSchema } from '../../src/schema';
import { startServer, type RunningServer } from '../../src/server/app';
import type { TestDatabase } from './database';

export interface TestServer extends RunningServer {
  base: string;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** The whole app on an ephemeral port on loopback, optionally with its own driver and logger. */
export async function startTestServer(
  db: TestDatabase,
  driver: Driver = db.driver,
  log: Logger = createLogger(db.config),
): Promise<TestServer> {
  const executor = driver === db.driver ? db.executor : new Executor(driver, executorOptions(db.config.neo4j));
  const server = await startServer(
    { config: db.config, driver, executor, schema: await buildGraphQLSchema(), log },
    0,
    '127.0.0.1',
  );
  const base = `http://127.0.0.1:${server.port}`;
  return {
    ...server,
    base,
    async post(body, headers = {}) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}

/** A driver pointed at a port where no Neo4j listens: the database is "down". */
export function unreachableDriver(db: TestDatabase): Driver {
  return createDriver('bolt://127.0.0.1:1', { ...db.config.neo4j, connectTimeoutMs: 1000 });
}

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type LocalNeo4jConfig } from '../../src/config';
import { createDriver } from '../../src/graph/driver';
import { Executor, executorOptions } from '../../src/graph/executor';
import { applyDatabaseSchema } from '../../src/graph/schema-setup';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/local-neo4j';
import type { TestDatabase } from './database';

/**
 * A Neo4j of this test's own (the embedded runtime on another port, data in a temp folder), so a
 * test may stop and start it without disturbing the shared test database.
 */
export interface PrivateNeo4j {
  cfg: LocalNeo4jConfig;
  uri: string;
  /** Starts it (again, on the same data). */
  start(): Promise<void>;
  /** Stops it with the runtime's own stop; true if it was running. */
  stop(): Promise<boolean>;
  /** Stops it if running and removes its folder. */
  dispose(): Promise<void>;
}

/** A port nothing listens on now, chosen by the system (so developers running tests side by side never clash). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a private Neo4j on `port` (a free one by default), its data in a new temporary folder. */
export async function startPrivateNeo4j(port?: number): Promise<PrivateNeo4j> {
  const cfg: LocalNeo4jConfig = {
    host: '127.0.0.1',
    port: port ?? (await freePort()),
    dir: fs.mkdtempSync(path.join(os.tmpdir(), 'careergraph-private-')),
    heap: '512m',
    pageCache: '64m',
  };
  const started = await startLocalNeo4j(cfg);
  if (!started.startedByUs) {
    throw new Error(`Port ${cfg.port} already has a Neo4j that this test did not start; pick another port`);
  }
  return {
    cfg,
    uri: started.uri,
    async start() {
      await startLocalNeo4j(cfg);
    },
    stop: () => stopLocalNeo4j(cfg),
    async dispose() {
      await stopLocalNeo4j(cfg);
      fs.rmSync(cfg.dir, { recursive: true, force: true });
    },
  };
}

/**
 * The transaction timeout of the tests' connections unless a suite sets its own: a statement's
 * first planning takes seconds, and on a loaded machine more than the default 10 s.
 */
const TEST_TX_TIMEOUT_MS = '60000';

/** A test connection to the Neo4j at `uri` (the tests' own or a private one), with the database schema applied. */
export async function openDatabaseAt(uri: string, env: Record<string, string> = {}): Promise<TestDatabase> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_TX_TIMEOUT_MS: TEST_TX_TIMEOUT_MS,
    ...env,
  });
  const driver = createDriver(uri, config.neo4j);
  const executor = new Executor(driver, executorOptions(config.neo4j));
  await applyDatabaseSchema(executor, config.rootDir);
  return { config: { ...config, neo4j: { ...config.neo4j, uri } }, driver, executor, close: () => driver.close() };
}

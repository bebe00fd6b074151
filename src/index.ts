import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { createDriver } from './graph/driver';
import { Executor } from './graph/executor';
import { applyDatabaseSchema } from './graph/schema-setup';
import { createLogger } from './logger';
import { LocalNeo4jError } from './local-neo4j';
import { resolveNeo4jEndpoint } from './neo4j-endpoint';
import { buildGraphQLSchema } from './schema';
import { seedIfEmpty } from './seed/seed-on-start';
import { startServer } from './server/app';

/** Load config -> Neo4j -> schema and seed -> GraphQL server; stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const say = (msg: string) => log.info(msg);

  const endpoint = await resolveNeo4jEndpoint(config, say);
  const driver = createDriver(endpoint.uri, config.neo4j);
  let stopping = false;
  const shutdown = async (signal: string, server?: { stop(): Promise<void> }) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down');
    const force = setTimeout(() => {
      log.error('Shutdown took longer than SHUTDOWN_GRACE_MS; exiting anyway');
      process.exit(1);
    }, config.http.shutdownGraceMs + 60_000);
    force.unref();
    await server?.stop();
    await driver.close();
    await endpoint.release();
    log.info('Stopped');
    process.exit(0);
  };
  const early = (signal: NodeJS.Signals) => void shutdown(signal);
  process.once('SIGINT', early);
  process.once('SIGTERM', early);

  await driver.verifyConnectivity({ database: config.neo4j.database });
  const executor = new Executor(driver, { database: config.neo4j.database, txTimeoutMs: config.neo4j.txTimeoutMs });
  await applyDatabaseSchema(executor, config.rootDir);
  if (config.seedOnStart) await seedIfEmpty(executor, config.rootDir, log);

  const schema = await buildGraphQLSchema();
  const server = await startServer({ config, driver, executor, schema, log });
  process.removeListener('SIGINT', early);
  process.removeListener('SIGTERM', early);
  process.once('SIGINT', (s) => void shutdown(s, server));
  process.once('SIGTERM', (s) => void shutdown(s, server));
  log.info(
    { url: server.url, neo4j: endpoint.uri, origin: endpoint.origin },
    `Career Graph is serving GraphQL at ${server.url}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof LocalNeo4jError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Career Graph failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});

// First: it rewrites the driver's modules as they load (see the module), so it must precede them.
import { driverModulesRewritten, driverRewriteAvailable } from './driver-load-hook';
import 'reflect-metadata';
import { Cleanups } from './cleanups';
import { loadConfig } from './config';
import { ServiceUnavailableError } from './errors';
import { createDriver } from './graph/driver';
import { Executor, executorOptions } from './graph/executor';
import { applyDatabaseSchema } from './graph/schema-setup';
import { warmStatements } from './graph/warm-up';
import { applyHeapGrowth } from './heap';
import { createLogger, type Logger } from './logger';
import { resolveNeo4jEndpoint } from './neo4j-endpoint';
import { reportFailure } from './report-failure';
import { buildGraphQLSchema } from './schema';
import { refreshTransitionsIfStale } from './import/similar-roles';
import { seedIfEmpty } from './seed/seed-on-start';
import { startServer } from './server/app';
import { reportStartup } from './startup-report';

/** Raised between start-up steps once a stop was asked for, to unwind through the cleanups. */
class StopRequested extends Error {}

/** Plans the slow statements ahead; once the process is stopping, the closed driver's failures are not news. */
async function warmUp(executor: Executor, logger: Logger, serving: () => boolean): Promise<void> {
  const { statements, ms, failed } = await warmStatements(executor);
  if (!serving()) return;
  for (const { statement, error } of failed)
    logger.warn({ err: error, statement }, `Could not plan ${statement} ahead`);
  logger.info(
    { warmUp: { statements: statements.length, ms } },
    `Planned ${statements.length} statements ahead in ${ms} ms`,
  );
}

/**
 * Load config -> Neo4j -> schema and seed -> GraphQL server. SIGINT/SIGTERM drain HTTP, close
 * the driver and stop the Neo4j this process started; during start-up the stop waits for the
 * step under way (a second signal forces it).
 */
async function main(): Promise<void> {
  let log: Logger | undefined;
  let cleanups: Cleanups | undefined;
  let phase: 'starting' | 'serving' | 'stopping' = 'starting';
  let stopRequested = false;
  let graceMs = 10_000;

  let firstSignalAt = 0;

  const stop = async (code: number) => {
    phase = 'stopping';
    // A hung step must not keep the process alive forever: in-flight requests get graceMs, the
    // driver and the local Neo4j get a minute more.
    setTimeout(() => process.exit(code || 1), graceMs + 60_000).unref();
    await cleanups?.runAll();
    log?.info('Stopped');
    process.exit(code);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // Terminals send Ctrl-C to npm and to this process, and npm forwards it: the same keypress
    // arrives twice, so only a signal a second or more after the first one forces the exit.
    const repeated = firstSignalAt > 0 && Date.now() - firstSignalAt > 1000;
    if (firstSignalAt === 0) firstSignalAt = Date.now();
    if (repeated) {
      log?.warn({ signal }, 'Forced exit');
      process.exit(130);
    }
    if (phase === 'serving') {
      log?.info({ signal }, 'Shutting down');
      void stop(0);
    } else if (phase === 'starting' && !stopRequested) {
      stopRequested = true;
      log?.info({ signal }, 'Stopping once the current start-up step ends (signal again to force)');
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const checkpoint = () => {
    if (stopRequested) throw new StopRequested();
  };

  try {
    const config = loadConfig();
    const heapGrowth = applyHeapGrowth(config.heapGrowingPercent);
    graceMs = config.http.shutdownGraceMs;
    const logger = createLogger(config);
    log = logger;
    logger.info(
      {
        startup: {
          node: process.version,
          // npm start's flags (the young generation's size among them), or what else started the process.
          nodeFlags: process.execArgv,
          env: config.env,
          heapGrowth,
          driverModulesRewritten: driverModulesRewritten(),
        },
      },
      `Career Graph starting on Node ${process.version} (${config.env})`,
    );
    if (!driverRewriteAvailable) {
      logger.warn(
        `Node ${process.version} has no module.registerHooks (22.15 and later, the supported range, have it): the driver ` +
          'loads unrewritten (slower collections; see docs/operations.md#memory). npm start runs the Node 24 npm ci installs.',
      );
    }
    cleanups = new Cleanups((name, error) => logger.error({ err: error }, `Could not ${name}`));

    const endpoint = await resolveNeo4jEndpoint(config, (msg) => logger.info(msg));
    cleanups.add('stop the local Neo4j', endpoint.release);
    checkpoint();
    const driver = createDriver(endpoint.uri, config.neo4j);
    cleanups.add('close the Neo4j driver', () => driver.close());
    await driver.verifyConnectivity({ database: config.neo4j.database }).catch((error: unknown) => {
      throw new ServiceUnavailableError(`Cannot reach Neo4j at ${endpoint.uri}: ${(error as Error).message}`);
    });
    const executor = new Executor(driver, executorOptions(config.neo4j));
    await applyDatabaseSchema(executor, config.rootDir, (msg) => logger.info(msg));
    checkpoint();
    const seeded = config.seedOnStart && (await seedIfEmpty(executor, config.rootDir, logger));
    checkpoint();
    if (config.seedOnStart) {
      // Stored transitions are an aid, not a condition of serving: a failure leaves them stale, and says so.
      await refreshTransitionsIfStale(executor).then(
        (transitions) =>
          transitions && logger.info(transitions, 'Recomputed the stored transitions (missing or stale)'),
        (error: unknown) =>
          logger.warn({ err: error }, 'Could not recompute the stored transitions; they answer stale'),
      );
      checkpoint();
    }

    const server = await startServer({ config, driver, executor, schema: await buildGraphQLSchema(), log: logger });
    cleanups.add('stop the HTTP server', () => server.stop());
    phase = 'serving';
    checkpoint();
    await reportStartup(logger, { config, endpoint, executor, seeded, url: server.url });
    // In the background: requests are served meanwhile, and plan what they ask themselves.
    if (config.warmUpOnStart) void warmUp(executor, logger, () => phase === 'serving');
  } catch (error) {
    if (error instanceof StopRequested) return stop(0);
    return stop(reportFailure(error));
  }
}

void main();

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { inFlightOperations } from './in-flight';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import type { Executor } from '../graph/executor';
import type { Logger } from '../logger';
import { createApolloServer } from './apollo';
import { createRequestContext, type RequestContext } from './context';
import { healthRoutes } from './health';
import { explorerRoutes } from './explorer';
import { httpLogging } from './http-logging';
import { authFromHeader } from './auth';
import { httpErrors, requireUtf8 } from './http-errors';

export interface ServerDeps {
  config: Config;
  driver: Driver;
  executor: Executor;
  schema: GraphQLSchema;
  log: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

export async function startServer(
  deps: ServerDeps,
  port = deps.config.http.port,
  host = deps.config.http.host,
): Promise<RunningServer> {
  const { config, driver, executor, schema, log } = deps;
  const app = express();
  const httpServer = http.createServer(app);

  const operations = inFlightOperations<RequestContext>();
  const apollo = createApolloServer({
    config,
    schema,
    hostPlugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.http.shutdownGraceMs }),
      operations.plugin,
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Answers to POSTed queries are not cached by validators; hashing each (some are megabytes) is waste.
  app.set('etag', false);
  app.use(httpLogging(log));
  app.use(healthRoutes(driver, config.neo4j.database, config.neo4j.connectTimeoutMs));
  app.use(
    '/graphql',
    // Same-origin pages (the explorer) need nothing; other front ends are allowed by CORS_ORIGINS.
    cors({ origin: config.http.corsOrigins === '*' ? true : config.http.corsOrigins, maxAge: 600 }),
    requireUtf8,
    express.json({ limit: config.http.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const auth = authFromHeader(req.get('authorization'), config.apiToken);
        const ctx = createRequestContext(res.locals.requestId as string, executor, log, auth);
        // The HTTP log line reads the operation name from here once the plugin has resolved it.
        res.locals.graphqlContext = ctx;
        return ctx;
      },
    }),
  );

  app.use(explorerRoutes(config.rootDir));
  app.use(httpErrors(log, config.http.bodyLimit));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;

  return {
    url: `http://${shownHost}:${actualPort}/graphql`,
    port: actualPort,
    stop: async () => {
      await apollo.stop();
      await operations.settled(config.http.shutdownGraceMs);
    },
  };
}

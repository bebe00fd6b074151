import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { inFlightOperations } from './in-flight';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import type { Executor } from '../graph/executor';
import type { Logger } from '../logger';
import { createApolloServer } from './apollo';
import type { RequestContext } from './context';
import { healthRoutes } from './health';
import { explorerRoutes } from './explorer';
import { httpLogging } from './http-logging';
import { answerClientError, httpErrors } from './http-errors';
import { graphqlRoute } from './graphql-route';

/** /graphql, with or without a trailing slash, and its query string. */
const GRAPHQL_PATH = /^\/graphql\/?(?:\?|$)/;

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
  // Its request handler is attached once Apollo has started; draining needs the server before.
  const httpServer = http.createServer();
  httpServer.on('clientError', answerClientError(log));

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

  // Every API call goes to /graphql, served on node:http directly; Express serves the rest.
  const graphql = graphqlRoute({ config, executor, log, apollo });
  httpServer.on('request', (req, res) => (GRAPHQL_PATH.test(req.url ?? '') ? graphql(req, res) : app(req, res)));

  app.disable('x-powered-by');
  app.use(httpLogging(log));
  app.use(healthRoutes(driver, config.neo4j.database, config.neo4j.connectTimeoutMs));
  app.use(explorerRoutes(config.rootDir));
  app.use(httpErrors(log));

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

import type { Executor, QueryMetrics } from '../graph/executor';
import { createLoaders, type Loaders } from '../graph/loaders';
import { createRepositories, type Repositories } from '../graph/repositories';
import type { Logger } from '../logger';
import type { RequestAuth } from './auth';

/** What every resolver receives: built fresh for each request. */
export interface RequestContext {
  requestId: string;
  metrics: QueryMetrics;
  repositories: Repositories;
  loaders: Loaders;
  log: Logger;
  auth: RequestAuth;
  /** Filled in once the operation is known; read by the HTTP log line. */
  operationName?: string;
}

export function createRequestContext(
  requestId: string,
  executor: Executor,
  log: Logger,
  auth: RequestAuth,
): RequestContext {
  const metrics: QueryMetrics = { dbQueries: 0, dbTimeMs: 0 };
  const scoped = executor.scoped(metrics, `career-graph:${requestId}`);
  const repositories = createRepositories(scoped);
  return { requestId, metrics, repositories, loaders: createLoaders(repositories), log, auth };
}

import type { Executor, QueryMetrics } from '../graph/executor';
import { createLoaders, type Loaders } from '../graph/loaders';
import { createRepositories } from '../graph/repositories';
import type { Logger } from '../logger';
import { createServices, type Services } from '../services';
import type { RequestAuth } from './auth';

/** What every resolver receives: built fresh for each request. */
export interface RequestContext {
  requestId: string;
  metrics: QueryMetrics;
  services: Services;
  loaders: Loaders;
  log: Logger;
  auth: RequestAuth;
  /**
   * What the HTTP log line reports, filled in once the operation is known. An object of its own:
   * Apollo runs each operation on a shallow copy of the context, so a field set on the copy
   * would not reach the route that made it.
   */
  requestLog: { operationName?: string };
}

export function createRequestContext(
  requestId: string,
  executor: Executor,
  log: Logger,
  auth: RequestAuth,
  requestLog: RequestContext['requestLog'] = {},
): RequestContext {
  const metrics: QueryMetrics = { dbQueries: 0, dbTimeMs: 0 };
  const scoped = executor.scoped(metrics, `career-graph:${requestId}`);
  const repositories = createRepositories(scoped);
  const loaders = createLoaders(repositories);
  return {
    requestId,
    metrics,
    services: createServices(repositories, loaders),
    loaders,
    log,
    auth,
    requestLog,
  };
}

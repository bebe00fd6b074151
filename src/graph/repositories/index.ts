import type { Executor } from '../executor';
import { FitRepository } from './fit.repository';
import { KeyedReadRepository } from './keyed-read.repository';
import { NodeRepository } from './node.repository';
import { RankingRepository } from './rankings.repository';
import { RouteRepository } from './routes.repository';
import { SystemRepository } from './system.repository';
import { TraversalRepository } from './traversal.repository';
import { WriteRepository } from './write.repository';

/** Every repository, bound to one executor (and so to one request's metrics). */
export function createRepositories(executor: Executor) {
  return {
    system: new SystemRepository(executor),
    nodes: new NodeRepository(executor),
    rankings: new RankingRepository(executor),
    keyed: new KeyedReadRepository(executor),
    traversals: new TraversalRepository(executor),
    routes: new RouteRepository(executor),
    writes: new WriteRepository(executor),
    fit: new FitRepository(executor),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

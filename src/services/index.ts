import type { Loaders } from '../graph/loaders';
import type { Repositories } from '../graph/repositories';
import { CatalogService } from './catalog.service';
import { FitService } from './fit.service';
import { GraphEditService } from './graph-edit.service';
import { RankingService } from './ranking.service';
import { RouteService } from './route.service';
import { TraversalService } from './traversal.service';

/** Every service of one request, over its repositories and loaders. */
export function createServices(repositories: Repositories, loaders: Loaders) {
  return {
    catalog: new CatalogService(repositories.nodes, repositories.system),
    traversals: new TraversalService(repositories.traversals, loaders),
    routes: new RouteService(repositories.routes, loaders),
    edits: new GraphEditService(repositories.writes),
    rankings: new RankingService(repositories.rankings),
    fit: new FitService(repositories.fit),
  };
}

export type Services = ReturnType<typeof createServices>;

import path from 'node:path';
import type { Executor } from '../graph/executor';
import { ImportRepository } from '../graph/repositories/import.repository';
import type { Logger } from '../logger';
import { loadIntoEmptyGraph } from './load-graph';

/**
 * On an empty database, loads the seed so a fresh start serves the article's graph. Several
 * processes starting on the same empty database seed it once: the write checks for emptiness
 * again under a database lock.
 */
export async function seedIfEmpty(executor: Executor, rootDir: string, log: Logger): Promise<boolean> {
  const existing = await new ImportRepository(executor).countNodes();
  if (existing > 0) {
    log.info({ nodes: existing }, 'Graph already has data; not seeding');
    return false;
  }
  const summary = await loadIntoEmptyGraph(executor, [path.join(rootDir, 'seed')]);
  if (summary === null) {
    log.info('Another process seeded the graph meanwhile; not seeding');
    return false;
  }
  log.info(summary, 'Seeded the empty graph');
  return true;
}

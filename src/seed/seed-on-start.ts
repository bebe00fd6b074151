import path from 'node:path';
import type { Executor } from '../graph/executor';
import { ImportRepository } from '../graph/repositories/import.repository';
import type { Logger } from '../logger';
import { loadGraphFiles } from './load-graph';

/** On an empty database, loads the seed so a fresh start serves the article's graph. */
export async function seedIfEmpty(executor: Executor, rootDir: string, log: Logger): Promise<boolean> {
  const existing = await new ImportRepository(executor).countNodes();
  if (existing > 0) {
    log.info({ nodes: existing }, 'Graph already has data; not seeding');
    return false;
  }
  const summary = await loadGraphFiles(executor, [path.join(rootDir, 'seed')]);
  log.info(summary, 'Seeded the empty graph');
  return true;
}

import path from 'node:path';
import type { Executor } from '../graph/executor';
import { ImportRepository } from '../graph/repositories/import.repository';
import { foldersIn } from '../import/inputs';
import { importSources, type ImportProgress } from '../import/pipeline';
import type { Logger } from '../logger';

/** Where the committed slice of the publishers' data lives (see docs/data.md). */
export const DEFAULT_DATA_DIR = path.join('data', 'default');

/**
 * On an empty database, loads the article (`seed/`) and the committed slice of the real data
 * (`data/default/`: O*NET, ESCO, the crosswalk and BLS), logging progress. Several processes
 * starting on the same empty database load it once: the first claims the empty database under
 * a lock (its sources marked INCOMPLETE), and the others find it claimed.
 */
export async function seedIfEmpty(executor: Executor, rootDir: string, log: Logger): Promise<boolean> {
  const existing = await new ImportRepository(executor).countNodes();
  if (existing > 0) {
    log.info({ nodes: existing }, 'Graph already has data; not seeding');
    return false;
  }
  let logged = 0;
  const onProgress = (e: ImportProgress) => {
    if (e.phase === 'writing') {
      // About every tenth of the way, so the log shows progress without flooding.
      if (e.done === e.total || e.done - logged >= e.total / 10) {
        logged = e.done;
        log.info({ done: e.done, total: e.total }, 'Loading the default data');
      }
    } else if (e.phase !== 'rows' && e.phase !== 'retiring') {
      log.info({ source: e.publisher, phase: e.phase }, 'Reading the default data');
    }
  };
  const report = await importSources(
    executor,
    { article: [path.join(rootDir, 'seed')], ...foldersIn(path.join(rootDir, DEFAULT_DATA_DIR)) },
    { intoEmpty: true, onProgress },
  );
  if (report === null) {
    log.info('Another process seeded the graph meanwhile; not seeding');
    return false;
  }
  log.info(
    {
      nodes: report.nodes.created,
      relationships: report.edges.created,
      skipped: report.skipped.length,
      durationMs: report.durationMs,
    },
    'Seeded the empty graph with the article and the default data',
  );
  return true;
}

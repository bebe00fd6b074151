import path from 'node:path';
import { loadGraphFiles } from '../seed/load-graph';
import { describeSummary, progressBar } from './output';
import { runWithDatabase, UsageError } from './with-database';

/**
 * `npm run seed [-- --reset]`: loads seed/ into the graph. Loading twice gives the same graph;
 * --reset empties it first, in the same transaction.
 */
void runWithDatabase(async (executor, config) => {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--reset');
  if (unknown.length > 0) throw new UsageError(`Unknown argument ${unknown[0]}. Usage: npm run seed [-- --reset]`);
  const summary = await loadGraphFiles(executor, [path.join(config.rootDir, 'seed')], {
    reset: args.includes('--reset'),
    onProgress: progressBar('Seeding'),
  });
  process.stdout.write(describeSummary('Seeded', summary));
});

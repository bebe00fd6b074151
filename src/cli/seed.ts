import path from 'node:path';
import { loadGraphFiles } from '../seed/load-graph';
import { confirmReset } from './confirm-reset';
import { describeSummary, progressBar, refreshTransitionsAfter } from './output';
import { runWithDatabase, UsageError } from './with-database';

/**
 * `npm run seed [-- --reset [--yes]]`: loads seed/ into the graph. Loading twice gives the same
 * graph; --reset empties it first, in the same transaction, once confirmed and snapshotted.
 */
const USAGE = 'Usage: npm run seed [-- --reset [--yes]]';

void runWithDatabase(async (executor, config) => {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--reset' && a !== '--yes');
  if (unknown.length > 0) throw new UsageError(`Unknown argument ${unknown[0]}. ${USAGE}`);
  const reset = args.includes('--reset');
  if (reset) await confirmReset(executor, config, { command: 'npm run seed -- --reset', yes: args.includes('--yes') });
  const summary = await loadGraphFiles(executor, [path.join(config.rootDir, 'seed')], {
    reset,
    onProgress: progressBar('Seeding'),
  });
  process.stdout.write(describeSummary('Seeded', summary));
  process.stdout.write(await refreshTransitionsAfter(executor, summary, reset));
});

import { loadGraphFiles } from '../seed/load-graph';
import { confirmReset } from './confirm-reset';
import { describeSummary, progressBar } from './output';
import { runWithDatabase, UsageError } from './with-database';

/**
 * `npm run import -- [--replace [--yes]] <file> [<file>...]`: merges a user's data files into the
 * graph; references may name nodes already in the graph. --replace empties the graph first (once
 * confirmed and snapshotted), so the graph becomes exactly the files: how a snapshot is restored.
 * Nothing is written unless every file is valid.
 */
const USAGE = 'Usage: npm run import -- [--replace [--yes]] <file.json> [more files or folders]';

void runWithDatabase(async (executor, config) => {
  const args = process.argv.slice(2);
  const flags = new Set(['--replace', '--yes']);
  const files = args.filter((a) => !flags.has(a));
  if (files.length === 0 || files.some((f) => f.startsWith('-'))) throw new UsageError(USAGE);
  const replace = args.includes('--replace');
  if (replace) {
    await confirmReset(executor, config, { command: 'npm run import -- --replace', yes: args.includes('--yes') });
  }
  const summary = await loadGraphFiles(executor, files, {
    reset: replace,
    allowGraphReferences: !replace,
    onProgress: progressBar('Importing'),
  });
  process.stdout.write(describeSummary('Imported', summary));
});

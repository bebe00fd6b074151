import { loadGraphFiles } from '../seed/load-graph';
import { describeSummary, progressBar } from './output';
import { runWithDatabase, UsageError } from './with-database';

/**
 * `npm run import -- <file> [<file>...]`: merges a user's data files into the graph. References
 * may name nodes already in the graph. Nothing is written unless every file is valid.
 */
void runWithDatabase(async (executor) => {
  const files = process.argv.slice(2);
  if (files.length === 0 || files.some((f) => f.startsWith('-'))) {
    throw new UsageError('Usage: npm run import -- <file.json> [more files or folders]');
  }
  const summary = await loadGraphFiles(executor, files, {
    allowGraphReferences: true,
    onProgress: progressBar('Importing'),
  });
  process.stdout.write(describeSummary('Imported', summary));
});

import { exportGraph } from '../seed/export-graph';
import { runWithDatabase, UsageError } from './with-database';

/** `npm run export -- <file>`: writes the whole graph in the data-file format. */
void runWithDatabase(async (executor) => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0 || file.startsWith('-')) throw new UsageError('Usage: npm run export -- <file.json>');
  const { nodes, relationships } = await exportGraph(executor, file);
  process.stdout.write(`Exported ${nodes} nodes and ${relationships} relationships to ${file}\n`);
});

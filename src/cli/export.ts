import { writeFile } from 'node:fs/promises';
import { ImportRepository } from '../graph/repositories/import.repository';
import { runWithDatabase, UsageError } from './with-database';

/** `npm run export -- <file>`: writes the whole graph in the data-file format. */
void runWithDatabase(async (executor) => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0 || file.startsWith('-')) throw new UsageError('Usage: npm run export -- <file.json>');
  const graph = await new ImportRepository(executor).exportAll();
  await writeFile(file, `${JSON.stringify(graph, null, 2)}\n`);
  const nodes = Object.entries(graph)
    .filter(([key]) => key !== 'version' && key !== 'relationships')
    .reduce((n, [, list]) => n + (list as unknown[]).length, 0);
  process.stdout.write(`Exported ${nodes} nodes and ${graph.relationships?.length ?? 0} relationships to ${file}\n`);
});

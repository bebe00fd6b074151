import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../graph/executor';
import { ImportRepository } from '../graph/repositories/import.repository';

/** Writes the whole graph to `file` in the data-file format; returns what it wrote. */
export async function exportGraph(executor: Executor, file: string): Promise<{ nodes: number; relationships: number }> {
  const graph = await new ImportRepository(executor).exportAll();
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, `${JSON.stringify(graph, null, 2)}\n`);
  const nodes = Object.entries(graph)
    .filter(([key]) => key !== 'version' && key !== 'relationships')
    .reduce((n, [, list]) => n + (list as unknown[]).length, 0);
  return { nodes, relationships: graph.relationships?.length ?? 0 };
}

import { ImportRepository, type WriteCounts } from '../graph/repositories/import.repository';
import type { Executor } from '../graph/executor';
import { DataFileError } from './problems';
import { readDataFiles } from './read-files';
import { validateDocuments } from './validate';

export interface LoadOptions {
  /** Empty the graph first (in the same transaction). */
  reset?: boolean;
  /** Resolve references to nodes already in the graph, as an import merging into it does. */
  allowGraphReferences?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface LoadSummary extends WriteCounts {
  files: number;
  nodes: number;
  relationships: number;
  durationMs: number;
}

/**
 * Reads, validates and writes data files. Validation finishes before the first write; the write
 * is one transaction. Any problem throws a DataFileError and the graph is left as it was.
 */
export async function loadGraphFiles(
  executor: Executor,
  inputs: string[],
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const started = performance.now();
  const repository = new ImportRepository(executor);
  const { documents, problems: readProblems } = await readDataFiles(inputs);
  const lookup = options.allowGraphReferences && !options.reset ? repository.existingIds.bind(repository) : undefined;
  const { batch, problems } = await validateDocuments(documents, lookup);
  const all = [...readProblems, ...problems];
  if (all.length > 0) throw new DataFileError(all);

  const counts = await repository.write(batch, { reset: options.reset, onProgress: options.onProgress });
  return {
    ...counts,
    files: documents.length,
    nodes: batch.nodes.reduce((n, g) => n + g.facts.length, 0),
    relationships: batch.relationships.length,
    durationMs: Math.round(performance.now() - started),
  };
}

import {
  ImportRepository,
  type GraphBatch,
  type WriteCounts,
  type WriteOptions,
} from '../graph/repositories/import.repository';
import type { Executor } from '../graph/executor';
import { mergeFileFact, sameProps } from '../import/merge';
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

type Write = (repository: ImportRepository, batch: GraphBatch, options: WriteOptions) => Promise<WriteCounts | null>;

/**
 * Reads, validates and writes data files. Validation finishes before the first write; the write
 * is one transaction. Any problem throws a DataFileError and the graph is left as it was.
 */
export async function loadGraphFiles(
  executor: Executor,
  inputs: string[],
  options: LoadOptions = {},
): Promise<LoadSummary> {
  // Into a graph that holds other sources' facts: merge, so their statements of a fact stay.
  const merging = options.reset ? undefined : { merge: mergeFileFact, same: sameProps };
  return (await load(executor, inputs, options, (repository, batch, o) => repository.write(batch, { ...o, merging })))!;
}

/** As loadGraphFiles, but writes only into a graph without nodes; null if it had some. */
export function loadIntoEmptyGraph(executor: Executor, inputs: string[]): Promise<LoadSummary | null> {
  return load(executor, inputs, {}, (repository, batch, o) => repository.writeIntoEmpty(batch, o));
}

async function load(
  executor: Executor,
  inputs: string[],
  options: LoadOptions,
  write: Write,
): Promise<LoadSummary | null> {
  const started = performance.now();
  const repository = new ImportRepository(executor);
  const { documents, problems: readProblems } = await readDataFiles(inputs);
  // Unless the graph is emptied first, its ids count: an id held by another kind is refused
  // (a seed after a publisher import), and references may name its nodes when allowed.
  const lookup = options.reset ? undefined : repository.existingIds.bind(repository);
  const { batch, problems } = await validateDocuments(documents, lookup, options.allowGraphReferences === true);
  const all = [...readProblems, ...problems];
  if (all.length > 0) throw new DataFileError(all);

  const counts = await write(repository, batch, { reset: options.reset, onProgress: options.onProgress });
  if (counts === null) return null;
  return {
    ...counts,
    files: documents.length,
    nodes: batch.nodes.reduce((n, g) => n + g.facts.length, 0),
    relationships: batch.relationships.length,
    durationMs: Math.round(performance.now() - started),
  };
}

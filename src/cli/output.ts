import type { Executor } from '../graph/executor';
import { transitionsAfterLoad } from '../import/similar-roles';
import type { LoadSummary } from '../seed/load-graph';

/** A one-line progress display, only on a terminal. */
export function progressBar(label: string): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    process.stderr.write(`\r${label}: ${done}/${total} facts (${pct}%)${done === total ? '\n' : ''}`);
  };
}

/** The closing lines of a load: what was written and how long it took. */
export function describeSummary(verb: string, s: LoadSummary): string {
  return (
    `${verb} ${s.nodes} nodes and ${s.relationships} relationships from ${s.files} file(s) in ${s.durationMs} ms\n` +
    `  nodes: ${s.nodesCreated} created, ${s.nodesUpdated} updated\n` +
    `  relationships: ${s.relationshipsCreated} created, ${s.relationshipsUpdated} updated\n`
  );
}

/**
 * After a file load: the stored transitions, recomputed when the load changed the graph (or
 * emptied it first), and a line saying what became of them.
 */
export async function refreshTransitionsAfter(executor: Executor, s: LoadSummary, reset: boolean): Promise<string> {
  const changed = s.nodesCreated + s.nodesUpdated + s.relationshipsCreated + s.relationshipsUpdated > 0;
  const t = await transitionsAfterLoad(executor, reset || changed);
  return t === null
    ? 'The stored transitions are current.\n'
    : `Stored ${t.edges} transitions for ${t.roles} roles in ${Math.round(t.durationMs)} ms.\n`;
}

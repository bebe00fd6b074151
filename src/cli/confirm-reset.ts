import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Config } from '../config';
import type { Executor } from '../graph/executor';
import { ImportRepository } from '../graph/repositories/import.repository';
import { exportGraph } from '../seed/export-graph';
import { UsageError } from './with-database';

export interface ConfirmOptions {
  /** How the command is typed, for the messages: `npm run seed -- --reset`. */
  command: string;
  /** --yes was given. */
  yes: boolean;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
}

/** Asks a yes/no question; only "y" or "yes" is a yes. */
export async function askYesNo(
  question: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<boolean> {
  const rl = createInterface({ input, output, terminal: false });
  try {
    output.write(question);
    const answer = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}

/**
 * Before a command that deletes the graph: says what it will delete, asks on a terminal (or
 * needs --yes when not on one), then exports the graph to a timestamped snapshot in BACKUP_DIR
 * and says how to restore it. Returns the snapshot's path (none when the graph is empty).
 */
export async function confirmReset(
  executor: Executor,
  config: Config,
  options: ConfirmOptions,
): Promise<string | undefined> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stderr;
  const { nodes, relationships } = await new ImportRepository(executor).countGraph();
  if (nodes === 0) return undefined;
  output.write(`\`${options.command}\` deletes the graph's ${nodes} nodes and ${relationships} relationships first.\n`);
  if (!options.yes) {
    if (!input.isTTY) {
      throw new UsageError('Not on a terminal, so nothing was changed: add --yes to confirm the deletion.');
    }
    if (!(await askYesNo('Delete them? A snapshot is saved first. [y/N] ', input, output))) {
      throw new UsageError('Not confirmed; nothing was changed.');
    }
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(config.backupDir, `${stamp}.json`);
  await exportGraph(executor, file);
  output.write(`Saved the graph to ${file}; to restore it:\n` + `  npm run import -- --replace --yes ${file}\n`);
  return file;
}

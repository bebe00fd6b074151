import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Config } from '../config';
import type { Executor } from '../graph/executor';
import { importSources, type ImportProgress, type ImportReport, type RetirePlan } from '../import/pipeline';
import { inputsFor, PUBLISHER_COMMANDS, type PublisherCommand } from '../import/inputs';
import { loadGraphFiles } from '../seed/load-graph';
import { formatProblem } from '../sources';
import { askYesNo, confirmReset } from './confirm-reset';
import { describeSummary, progressBar, refreshTransitionsAfter } from './output';
import { exportGraph } from '../seed/export-graph';
import { runWithDatabase, UsageError } from './with-database';

/**
 * `npm run import -- [--replace [--yes]] <file> [<file>...]`: merges a user's data files into the
 * graph; references may name nodes already in the graph. --replace empties the graph first (once
 * confirmed and snapshotted), so the graph becomes exactly the files: how a snapshot is restored.
 * Nothing is written unless every file is valid.
 *
 * `npm run import -- <onet|esco|crosswalk|bls|all> <files or folders> [--report <file.json>]
 * [--yes] [--batch-size <n>]`: imports a publisher's own files (see docs/data.md).
 */
const USAGE = [
  'Usage: npm run import -- [--replace [--yes]] <file.json> [more files or folders]',
  '       npm run import -- onet <folder|zip> | esco <folder|the two zips> | crosswalk <csv> [2010-2019 csv]',
  '                         | bls <csv> | all <folder holding the four>  [--report <file.json>] [--yes] [--batch-size <n>]',
].join('\n');

void runWithDatabase(async (executor, config) => {
  const args = process.argv.slice(2);
  const command = args[0] as PublisherCommand;
  if (PUBLISHER_COMMANDS.includes(command)) return importPublisher(executor, config, command, args.slice(1));
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
  process.stdout.write(await refreshTransitionsAfter(executor, summary, replace));
});

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('-')) throw new UsageError(`${name} needs a value\n${USAGE}`);
  args.splice(at, 2);
  return value;
}

async function importPublisher(executor: Executor, config: Config, command: PublisherCommand, rest: string[]) {
  const args = [...rest];
  const reportFile = option(args, '--report');
  const batch = option(args, '--batch-size');
  const batchSize = batch === undefined ? undefined : Number(batch);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new UsageError(`--batch-size must be a whole number above 0 (got "${batch}")`);
  }
  const yes = args.includes('--yes');
  const paths = args.filter((a) => a !== '--yes');
  if (paths.length === 0 || paths.some((p) => p.startsWith('-'))) throw new UsageError(USAGE);
  const inputs = inputsFor(command, paths);
  const progress = progressDisplay();
  const report = await importSources(executor, inputs, {
    batchSize,
    onProgress: progress.update,
    confirmRetire: (plan) => confirmRetire(executor, config, plan, yes),
  });
  progress.stop();
  if (report === null) return;
  if (reportFile) await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(describeImport(report, reportFile));
}

/** A bar per phase on a terminal; nothing otherwise (the summary line says what happened). */
function progressDisplay(): { update: (e: ImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {value}/{total} {detail}', hideCursor: true },
    Presets.shades_classic,
  );
  let phase = '';
  return {
    update: (e) => {
      if (e.phase === 'writing') {
        if (phase !== 'writing') bar.start(e.total, 0, { phase: 'Writing', detail: 'facts' });
        phase = 'writing';
        bar.update(e.done);
      } else if (e.phase === 'rows') {
        process.stderr.write(`\rReading ${path.basename(e.file)}: ${e.rows} rows`);
      } else if (e.phase !== 'retiring') {
        process.stderr.write(`\r${e.publisher}: ${e.phase}\x1b[K\n`);
      }
    },
    stop: () => {
      if (phase === 'writing') bar.stop();
    },
  };
}

async function confirmRetire(executor: Executor, config: Config, plan: RetirePlan, yes: boolean): Promise<boolean> {
  const err = process.stderr;
  err.write(
    `These sources no longer state ${plan.nodes} node(s) and ${plan.edges} relationship(s) they stated before: ` +
      `their provenance entries are removed, and the ${plan.deletes} no other source states are deleted.\n`,
  );
  if (!yes) {
    if (!process.stdin.isTTY) {
      err.write('Not on a terminal, so nothing was retired (add --yes to confirm); the sources stay INCOMPLETE.\n');
      return false;
    }
    if (!(await askYesNo('Retire them? A snapshot is saved first. [y/N] ', process.stdin, err))) return false;
  }
  const file = path.join(config.backupDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await exportGraph(executor, file);
  err.write(`Saved the graph to ${file}; to restore it:\n  npm run import -- --replace --yes ${file}\n`);
  return true;
}

/** The summary: one line of what changed, and one per source of what was read and skipped. */
export function describeImport(r: ImportReport, reportFile?: string): string {
  const changed = r.nodes.created + r.nodes.updated + r.edges.created + r.edges.updated;
  const retired = r.retired.done ? r.retired.nodes + r.retired.edges : 0;
  const head =
    changed + retired === 0
      ? `No changes: ${r.nodes.unchanged} nodes and ${r.edges.unchanged} relationships already as stated`
      : `Imported ${r.publishers.join(', ')}: nodes ${r.nodes.created} created, ${r.nodes.updated} updated, ` +
        `${r.nodes.unchanged} unchanged; relationships ${r.edges.created} created, ${r.edges.updated} updated, ` +
        `${r.edges.unchanged} unchanged; ${retired} retired`;
  const lines = [`${head} in ${r.durationMs} ms`];
  const fileSkips = r.reports.flatMap((s) => s.files.flatMap((f) => f.skipped));
  if (fileSkips.length + r.skipped.length > 0) {
    lines.push(`Skipped ${fileSkips.length} row(s) and ${r.skipped.length} fact(s):`);
    for (const p of fileSkips.slice(0, 10)) lines.push(`  ${formatProblem(p)}`);
    const byReason = new Map<string, number>();
    for (const s of r.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
    for (const [reason, n] of [...byReason].sort((a, b) => b[1] - a[1]).slice(0, 10)) lines.push(`  ${n} x ${reason}`);
  }
  lines.push(
    `${r.merges.merges.length} merge(s) across sources, ${r.merges.nearMisses.length} near-miss(es)` +
      (reportFile ? `; the full report is in ${reportFile}` : '; --report <file.json> writes the full report'),
  );
  if (!r.retired.done) lines.push('Retirement not confirmed: the sources stay INCOMPLETE.');
  return `${lines.join('\n')}\n`;
}

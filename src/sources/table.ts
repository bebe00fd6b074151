import { parse } from 'csv-parse';
import type { z } from 'zod';
import type { FileSet } from './files';

/** Where and why one row was not used. Lines count quoted newlines as the file has them. */
export interface RowProblem {
  file: string;
  line: number;
  column?: string;
  columnNumber?: number;
  reason: string;
}

export interface FileReport {
  file: string;
  rowsRead: number;
  rowsUsed: number;
  skipped: RowProblem[];
  /** Valid rows the mapping deliberately does not use, counted by reason. */
  ignored: Record<string, number>;
}

/** A file that cannot be read at all (missing, or its header lacks a column). */
export class TableError extends Error {
  constructor(readonly problem: RowProblem) {
    super(formatProblem(problem));
  }
}

export function formatProblem(p: RowProblem): string {
  const column = p.column === undefined ? '' : `, column ${p.columnNumber ?? '?'} (${p.column})`;
  return `${p.file}: line ${p.line}${column}: ${p.reason}`;
}

const PROGRESS_EVERY = 5000;

export type TableFormat = 'csv' | 'tsv' | 'semicolon';

/** How each publisher's tables are written. */
export const FORMATS = {
  // Quoted CSV; cells may hold newlines.
  csv: { delimiter: ',', quote: '"' },
  // O*NET text files: tabs, no quoting (titles contain bare quotes).
  tsv: { delimiter: '\t', quote: false },
  semicolon: { delimiter: ';', quote: '"' },
} as const;

/**
 * What a row handler says: used, or ignored with a reason (a valid row the mapping does not
 * need), or a problem with the row that makes it unusable.
 */
export type RowOutcome = true | { ignored: string } | { problem: string; column?: string };

/**
 * Streams one table, finding columns by header name (surrounding spaces and a byte-order mark
 * ignored), validating each row with `schema` (an object schema over the header names it
 * needs) before `onRow` sees it. A bad row is reported with file, line, column and reason and
 * skipped; nothing is dropped silently.
 */
export async function readTable<S extends z.ZodObject>(
  files: FileSet,
  name: string,
  format: TableFormat,
  schema: S,
  onRow: (row: z.infer<S>, line: number) => RowOutcome,
): Promise<FileReport> {
  const file = files.describe(name);
  const report: FileReport = { file, rowsRead: 0, rowsUsed: 0, skipped: [], ignored: {} };
  const wanted = Object.keys(schema.shape);
  const parser = (await files.open(name)).pipe(
    parse({
      ...FORMATS[format],
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }),
  );
  let header: string[] | undefined;
  let indexes: number[] = [];
  for await (const { record, info, raw } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
    raw: string;
  }>) {
    const line = info.lines - lineBreaks(raw);
    if (header === undefined) {
      header = record.map((h) => h.replace(/^\uFEFF/, '').trim());
      indexes = wanted.map((column) => header!.indexOf(column));
      const missing = wanted.filter((_, i) => indexes[i] === -1);
      if (missing.length > 0) {
        throw new TableError({
          file,
          line,
          reason: `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
        });
      }
      continue;
    }
    report.rowsRead += 1;
    if (report.rowsRead % PROGRESS_EVERY === 0) files.onRows?.(name, report.rowsRead);
    const skip = (reason: string, column?: string) => {
      const columnNumber = column === undefined ? undefined : header!.indexOf(column) + 1;
      report.skipped.push({ file, line, column, columnNumber: columnNumber || undefined, reason });
    };
    if (record.length !== header.length) {
      skip(`has ${record.length} fields where the header has ${header.length}`);
      continue;
    }
    const row: Record<string, string> = {};
    wanted.forEach((column, i) => (row[column] = record[indexes[i]]));
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const column = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      skip(`${issue.message}${column === undefined ? '' : ` (got "${clip(row[column] ?? '')}")`}`, column);
      continue;
    }
    const outcome = onRow(parsed.data, line);
    if (outcome === true) report.rowsUsed += 1;
    else if ('ignored' in outcome) report.ignored[outcome.ignored] = (report.ignored[outcome.ignored] ?? 0) + 1;
    else skip(outcome.problem, outcome.column);
  }
  if (header === undefined) throw new TableError({ file, line: 1, reason: 'is empty (no header line)' });
  files.onRows?.(name, report.rowsRead);
  return report;
}

/** Newlines inside the record itself (quoted cells), not the one that ends it. */
function lineBreaks(raw: string): number {
  return (raw.replace(/\r?\n$/, '').match(/\n/g) ?? []).length;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

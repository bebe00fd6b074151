/** One thing wrong with a data file, reported as `file: path: reason`. */
export interface Problem {
  file: string;
  path: string;
  reason: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path || '(file)'}: ${p.reason}`;
}

/** Raised when data files fail validation; nothing has been written. */
export class DataFileError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was written:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'DataFileError';
  }
}

/** `['roles', 3, 'salary', 'min']` → `roles[3].salary.min` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

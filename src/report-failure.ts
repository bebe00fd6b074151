import { ConfigError } from './config';
import { AppError } from './errors';
import { LocalNeo4jError } from './local-neo4j';
import { DataFileError } from './seed/problems';

/** Raised for a command used wrongly; its message is the usage. */
export class UsageError extends Error {}

/**
 * Prints why a process failed and returns its exit code: known failures as their message
 * (they say what to do), anything else with its stack, since that is a bug.
 */
export function reportFailure(error: unknown, write: (text: string) => void = (t) => process.stderr.write(t)): number {
  if (error instanceof UsageError) {
    write(`${error.message}\n`);
    return 64;
  }
  if (
    error instanceof ConfigError ||
    error instanceof LocalNeo4jError ||
    error instanceof DataFileError ||
    error instanceof AppError
  ) {
    write(`${error.message}\n`);
    return 1;
  }
  write(`Unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`);
  return 1;
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from './executor';

const INDEX_WAIT_SECONDS = 300;

/** Splits a .cypher file into statements: `;` ends a statement, `//` lines are comments. */
export function parseCypherStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Applies constraints and indexes (idempotent) and waits until every index is online, so the
 * first query after start never runs against an index still being populated.
 */
export async function applyDatabaseSchema(executor: Executor, rootDir: string): Promise<void> {
  const file = path.join(rootDir, 'schema', 'constraints.cypher');
  const statements = parseCypherStatements(await readFile(file, 'utf8'));
  for (const statement of statements) await executor.autoCommit(statement);
  // Populating an index on a large graph can outlast the ordinary transaction timeout.
  await executor.autoCommit(
    'CALL db.awaitIndexes($seconds)',
    { seconds: INDEX_WAIT_SECONDS },
    (INDEX_WAIT_SECONDS + 5) * 1000,
  );
}

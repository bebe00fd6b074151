import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from './executor';

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
export async function applyDatabaseSchema(executor: Executor, rootDir: string): Promise<number> {
  const file = path.join(rootDir, 'schema', 'constraints.cypher');
  const statements = parseCypherStatements(await readFile(file, 'utf8'));
  for (const statement of statements) await executor.autoCommit(statement);
  await executor.autoCommit('CALL db.awaitIndexes(300)');
  return statements.length;
}

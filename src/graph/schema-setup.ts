import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { isRetryableError } from 'neo4j-driver';
import * as Q from './cypher/meta.cypher';
import type { Executor } from './executor';

const INDEX_WAIT_SECONDS = 300;
const SCHEMA_ATTEMPTS = 6;

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

/** One named constraint or index of schema/constraints.cypher. */
export interface SchemaDefinition {
  kind: 'CONSTRAINT' | 'INDEX';
  name: string;
  /** The statement with its whitespace collapsed: what is compared with the applied one. */
  statement: string;
}

export interface SchemaChange {
  name: string;
  change: 'added' | 'changed' | 'removed';
}

// A keyword where the name would be (FOR, IF) means the statement has no name.
const NAMED = /^CREATE\s+(?:[A-Z]+\s+)?(CONSTRAINT|INDEX)\s+(?!(?:FOR|IF)\s)([A-Za-z_][A-Za-z0-9_]*)\s/i;

/** The file's definitions; each must be a named CREATE, since a change is found by its name. */
export function parseSchemaDefinitions(text: string, file = 'constraints.cypher'): SchemaDefinition[] {
  return parseCypherStatements(text).map((statement) => {
    const match = NAMED.exec(statement);
    if (!match) throw new Error(`${file}: every statement must create a named constraint or index: ${statement}`);
    return {
      kind: match[1].toUpperCase() as SchemaDefinition['kind'],
      name: match[2],
      statement: statement.replace(/\s+/g, ' '),
    };
  });
}

/**
 * Brings the database's constraints and indexes to schema/constraints.cypher and waits until
 * every index is online, so the first query after start never meets an index still filling.
 * The definitions applied are recorded in the database (a :CareerGraphMeta node); one whose
 * statement changed since is dropped and created again, one no longer in the file is dropped.
 * A database that has no record yet gets the file's definitions recorded as they stand.
 * Returns, and logs, what changed.
 */
export async function applyDatabaseSchema(
  executor: Executor,
  rootDir: string,
  log: (msg: string) => void = () => undefined,
): Promise<SchemaChange[]> {
  const file = path.join(rootDir, 'schema', 'constraints.cypher');
  const definitions = parseSchemaDefinitions(await readFile(file, 'utf8'), file);
  const [record] = await executor.read(Q.READ_SCHEMA_RECORD);
  const applied = new Map<string, SchemaDefinition>(
    record.definitions === null
      ? []
      : (JSON.parse(record.definitions as string) as SchemaDefinition[]).map((d) => [d.name, d]),
  );

  const changes: SchemaChange[] = [];
  for (const definition of definitions) {
    const before = applied.get(definition.name);
    if (before && before.statement !== definition.statement) {
      await applyStatement(executor, `DROP ${before.kind} ${before.name} IF EXISTS`);
      changes.push({ name: definition.name, change: 'changed' });
    } else if (!before) {
      changes.push({ name: definition.name, change: 'added' });
    }
    await applyStatement(executor, definition.statement);
  }
  const wanted = new Set(definitions.map((d) => d.name));
  for (const old of applied.values()) {
    if (wanted.has(old.name)) continue;
    await applyStatement(executor, `DROP ${old.kind} ${old.name} IF EXISTS`);
    changes.push({ name: old.name, change: 'removed' });
  }
  if (changes.length > 0) {
    const json = JSON.stringify(definitions);
    const version = createHash('sha256').update(json).digest('hex').slice(0, 12);
    await executor.write(Q.WRITE_SCHEMA_RECORD, { definitions: json, version });
    const list = (change: SchemaChange['change']) => changes.filter((c) => c.change === change).map((c) => c.name);
    const described = (['added', 'changed', 'removed'] as const)
      .filter((c) => list(c).length > 0)
      .map((c) => `${c}${c === 'changed' ? ' (dropped and created again)' : ''}: ${list(c).join(', ')}`);
    log(`Database schema version ${version}; ${described.join('; ')}`);
  }
  // Populating an index on a large graph can outlast the ordinary transaction timeout.
  await executor.autoCommit(
    'CALL db.awaitIndexes($seconds)',
    { seconds: INDEX_WAIT_SECONDS },
    (INDEX_WAIT_SECONDS + 5) * 1000,
  );
  return changes;
}

/**
 * Schema statements of processes starting at the same moment can deadlock on Neo4j's schema
 * locks (transient: run again, it succeeds) or find the other's identical index just created.
 */
async function applyStatement(executor: Executor, statement: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await executor.autoCommit(statement);
      return;
    } catch (error) {
      // IF NOT EXISTS racing another process's identical CREATE: that one made it.
      if (/AlreadyExists/.test((error as { code?: string }).code ?? '')) return;
      if (attempt >= SCHEMA_ATTEMPTS || !isRetryableError(error)) throw error;
      await delay(50 * attempt + Math.random() * 100);
    }
  }
}

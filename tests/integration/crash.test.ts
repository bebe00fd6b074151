import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateGraph, writeGraphFiles } from '../../src/cli/generate';
import { readOurPid } from '../../src/local-neo4j/pid-file';
import { isAlive } from '../../src/local-neo4j/start-lock';
import { spawnApp, type AppProcess } from '../helpers/app-process';
import type { TestDatabase } from '../helpers/database';
import { postGraphQL } from '../helpers/http-client';
import { openDatabaseAt, startPrivateNeo4j, type PrivateNeo4j } from '../helpers/private-neo4j';
import { DERIVED_TYPES } from '../../src/model/relationships';

/*
 * Crash safety, measured on a Neo4j of this file's own: Neo4j killed (SIGKILL) during a large
 * import and during writes through the API under load, and the import process killed midway.
 * After each, every write is all or nothing and every acknowledged one is there.
 */

jest.setTimeout(150_000);

const TOKEN = `tok-${randomBytes(24).toString('hex')}`;
const ROOT = path.resolve(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let neo4j: PrivateNeo4j;
let db: TestDatabase;
let files: string[];
let expected: { nodes: number; relationships: number };

beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  db = await openDatabaseAt(neo4j.uri);
  // Large enough that its one transaction runs for seconds: 400 roles, ~16,000 relationships.
  const graph = generateGraph({ roles: 400, seed: 7 });
  files = await writeGraphFiles(graph, await mkdtemp(path.join(os.tmpdir(), 'cg-crash-')));
  expected = { nodes: graph.counts.nodes, relationships: graph.counts.relationships };
});
afterAll(async () => {
  await db?.close();
  await neo4j?.dispose();
});

/** The facts loaded: the derived edges (stored transitions) a completed load computes from them are not counted. */
const graphSize = async () => {
  const [row] = await db.executor.read(
    'CALL () { MATCH (n) WHERE NOT n:CareerGraphMeta RETURN count(n) AS nodes } ' +
      'CALL () { MATCH ()-[r]->() WHERE NOT type(r) IN $derived RETURN count(r) AS relationships } RETURN nodes, relationships',
    { derived: DERIVED_TYPES },
  );
  return row as { nodes: number; relationships: number };
};

/** Starts `npm run import` (the built CLI) on the files against the private Neo4j. */
function startImport(): { child: ChildProcess; done: Promise<{ code: number | null; output: string }> } {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli', 'import.js'), ...files], {
    env: { ...process.env, NEO4J_URI: neo4j.uri, LOG_LEVEL: 'silent' },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const done = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  );
  return { child, done };
}

/** Waits until the import's transaction is writing relationships: its nodes are written, uncommitted. */
async function untilImportWritesRelationships(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const rows = await db.executor.read(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'MERGE (a)-[r:' RETURN count(*) AS n",
    );
    if ((rows[0].n as number) > 0) return;
    await sleep(20);
  }
  throw new Error('The import did not reach its relationships in time');
}

async function killNeo4j(): Promise<void> {
  const pid = readOurPid(neo4j.cfg.dir);
  if (pid === undefined) throw new Error('The private Neo4j is not running');
  process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(50);
}

async function emptyGraph(): Promise<void> {
  await db.executor.autoCommit(
    'MATCH (n) WHERE NOT n:CareerGraphMeta CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
    {},
    120_000,
  );
}

describe('when Neo4j is killed during a large import', () => {
  it('then after a restart none of the import is there, and running the import again loads all of it', async () => {
    expect(await graphSize()).toEqual({ nodes: 0, relationships: 0 });
    const run = startImport();
    await untilImportWritesRelationships();
    await killNeo4j();
    const failed = await run.done;
    expect(failed.code).not.toBe(0);

    await neo4j.start();
    expect(await graphSize()).toEqual({ nodes: 0, relationships: 0 });
    const again = await startImport().done;
    expect(again).toMatchObject({ code: 0 });
    expect(await graphSize()).toEqual(expected);
  });
});

describe('when the import process is killed midway', () => {
  it('then none of it is there, and running it again completes it', async () => {
    await emptyGraph();
    const run = startImport();
    await untilImportWritesRelationships();
    run.child.kill('SIGKILL');
    expect((await run.done).code).toBeNull();
    // The server rolls back the transaction once it sees the connection gone.
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await db.executor.read(
        "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS '$rows' RETURN count(*) AS n",
      );
      if (n === 0) break;
      await sleep(100);
    }
    expect(await graphSize()).toEqual({ nodes: 0, relationships: 0 });
    expect((await startImport().done).code).toBe(0);
    expect(await graphSize()).toEqual(expected);
  });
});

describe('when Neo4j is killed while the API takes writes under load', () => {
  let app: AppProcess;
  afterAll(() => app?.kill());

  it('then every acknowledged write is there whole, no write is there in part, and the API recovers without a restart', async () => {
    app = await spawnApp({ NEO4J_URI: neo4j.uri, API_TOKEN: TOKEN, NEO4J_CONNECT_TIMEOUT_MS: '2000' });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const UPSERT = 'mutation ($input: NodeInput!) { upsertTool(input: $input) { id } }';
    const attempted = new Map<string, { name: string; aliases: string[]; description: string }>();
    const acked = new Set<string>();
    const failures: string[] = [];
    let phase: 'before' | 'outage' | 'after' = 'before';
    const ackedIn = { before: 0, outage: 0, after: 0 };
    let stop = false;

    const worker = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const id = `crash-${w}-${n}`;
        const input = { id, name: `Crash ${w} ${n}`, aliases: [`c${w}x${n}`], description: `written by worker ${w}` };
        attempted.set(id, input);
        const at = phase;
        try {
          const answer = await postGraphQL(app.url, UPSERT, { input }, auth);
          if (answer.status === 200 && answer.body?.errors === undefined && answer.body?.data?.upsertTool?.id === id) {
            acked.add(id);
            ackedIn[at] += 1;
          } else failures.push(JSON.stringify(answer.body?.errors?.[0]?.extensions?.code ?? answer.status));
        } catch (error) {
          failures.push(String(error));
          await sleep(50);
        }
      }
    };
    /** Waits until `check` holds, at most `ms`. */
    const until = async (check: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!check() && Date.now() < deadline) await sleep(100);
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    await until(() => ackedIn.before >= 20, 20_000);
    phase = 'outage';
    await killNeo4j();
    await sleep(1000);
    await neo4j.start();
    phase = 'after';
    // The same process, not restarted, takes writes again.
    await until(() => ackedIn.after >= 20, 30_000);
    stop = true;
    await Promise.all(workers);
    const ready = await fetch(`${app.base}/readyz`);

    expect(app.child.exitCode).toBeNull();
    expect(ready.status).toBe(200);
    expect(ackedIn.before).toBeGreaterThanOrEqual(20);
    expect(ackedIn.after).toBeGreaterThanOrEqual(20);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.filter((f) => !f.includes('SERVICE_UNAVAILABLE'))).toEqual([]);

    const rows = await db.executor.read(
      `MATCH (t:Tool) WHERE t.id STARTS WITH 'crash-'
       RETURN t.id AS id, t.name AS name, t.aliases AS aliases, t.description AS description`,
    );
    const stored = new Map(rows.map((r) => [r.id as string, r]));
    for (const id of acked) expect({ id, stored: stored.has(id) }).toEqual({ id, stored: true });
    for (const [id, row] of stored) {
      const { name, aliases, description } = attempted.get(id)!;
      // One upsert is one transaction: the node with every field written, or no node.
      expect(row).toEqual({ id, name, aliases, description });
    }
  });
});

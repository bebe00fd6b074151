import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalNeo4jConfig } from '../../src/config';
import { stopLocalNeo4j } from '../../src/local-neo4j';
import { LAUNCHER_CLASS } from '../../src/local-neo4j/launcher-build';
import { acquireStartLock, startLockPath, tryStartLock } from '../../src/local-neo4j/start-lock';
import { spawnApp, type AppProcess } from '../helpers/app-process';
import { freePort, openDatabaseAt } from '../helpers/private-neo4j';

jest.setTimeout(180_000);

/** Ports of this file's own: the Neo4j that two API processes start at the same time. */

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The pid of a process that has exited: a lock holding it is stale. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('the start lock', () => {
  it('when it is free, then it is taken (holding this pid) and a second taker sees who holds it', () => {
    const dir = tempDir();
    const first = tryStartLock(dir);
    expect('release' in first).toBe(true);
    expect(fs.readFileSync(startLockPath(dir), 'utf8').trim()).toBe(String(process.pid));
    expect(tryStartLock(dir)).toEqual({ heldBy: process.pid });
    (first as { release: () => void }).release();
    expect(fs.existsSync(startLockPath(dir))).toBe(false);
    expect('release' in tryStartLock(dir)).toBe(true);
  });

  it('when its holder has exited, then it is stale and taken over', () => {
    const dir = tempDir();
    fs.writeFileSync(startLockPath(dir), `${deadPid()}\n`);
    const lock = tryStartLock(dir);
    expect('release' in lock).toBe(true);
    expect(fs.readFileSync(startLockPath(dir), 'utf8').trim()).toBe(String(process.pid));
  });

  it('when a live process holds it, then a waiter gets it once released, and is refused (naming the holder) if never', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(startLockPath(dir), `${holder.pid}\n`);
      const messages: string[] = [];
      await expect(acquireStartLock(dir, 500, (m) => messages.push(m))).rejects.toThrow(
        `Another process (pid ${holder.pid}) has been starting the local Neo4j for ${dir}`,
      );
      expect(messages).toEqual([
        `Another process (pid ${holder.pid}) is starting the local Neo4j for ${dir}; waiting for it.`,
      ]);

      const waiting = acquireStartLock(dir, 10_000, () => undefined);
      setTimeout(() => holder.kill('SIGKILL'), 300);
      const release = await waiting;
      expect(fs.readFileSync(startLockPath(dir), 'utf8').trim()).toBe(String(process.pid));
      release();
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('when many processes race for a free lock, then exactly one gets it', async () => {
    const dir = tempDir();
    const script = `
      const { tryStartLock } = require(${JSON.stringify(path.join(__dirname, '../../dist/local-neo4j/start-lock.js'))});
      const lock = tryStartLock(${JSON.stringify(dir)});
      process.stdout.write('release' in lock ? 'got' : 'held');
      setTimeout(() => {}, 1500);`;
    const racers = Array.from({ length: 6 }, () => spawn(process.execPath, ['-e', script]));
    const outcomes = await Promise.all(
      racers.map(
        (child) =>
          new Promise<string>((resolve) => {
            let out = '';
            child.stdout.on('data', (d: Buffer) => (out += d.toString()));
            child.on('close', () => resolve(out));
          }),
      ),
    );
    expect(outcomes.filter((o) => o === 'got')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'held')).toHaveLength(5);
  });
});

/** Pids of the live launchers for `dir` (read from /proc: whole arguments, as pid-file.ts does). */
function launchersFor(dir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const args = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
        return args.includes(LAUNCHER_CLASS) && args.includes(`--dir=${dir}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('two API processes starting at once with no Neo4j running', () => {
  const cfg: LocalNeo4jConfig = {
    host: '127.0.0.1',
    // Chosen below: a port the system reports free, so runs side by side never clash.
    port: 0,
    dir: tempDir(),
    heap: '512m',
    pageCache: '64m',
  };
  const apps: AppProcess[] = [];
  beforeAll(async () => {
    cfg.port = await freePort();
  });
  afterAll(async () => {
    for (const app of apps) await app.kill();
    await stopLocalNeo4j(cfg);
  });

  it('when both start the local Neo4j and seed the empty graph, then one Neo4j serves both and the article and the default data are loaded once', async () => {
    const env = {
      NEO4J_LOCAL_PORT: String(cfg.port),
      NEO4J_LOCAL_DIR: cfg.dir,
      NEO4J_LOCAL_HEAP: cfg.heap,
      NEO4J_LOCAL_PAGECACHE: cfg.pageCache,
      SEED_ON_START: 'true',
      LOG_LEVEL: 'info',
    };
    apps.push(...(await Promise.all([spawnApp(env, 280_000), spawnApp(env, 280_000)])));
    expect(launchersFor(cfg.dir)).toHaveLength(1);

    const outputs = apps.map((a) => a.output());
    expect(outputs.filter((o) => o.includes('Starting the local Neo4j'))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes('Seeded the empty graph'))).toHaveLength(1);

    const db = await openDatabaseAt(`bolt://127.0.0.1:${cfg.port}`);
    try {
      const [graph] = await db.executor.read(
        'MATCH (n) WHERE NOT n:CareerGraphMeta AND NOT n:DataSource RETURN count(n) AS nodes, count(DISTINCT n.id) AS ids, collect(n.id) AS all',
      );
      const sources = await db.executor.read('MATCH (d:DataSource) RETURN d.key AS key, d.state AS state ORDER BY key');
      const seedIds = fs
        .readdirSync(path.join(db.config.rootDir, 'seed'))
        .map(
          (f) =>
            JSON.parse(fs.readFileSync(path.join(db.config.rootDir, 'seed', f), 'utf8')) as Record<string, unknown>,
        )
        .flatMap((f) =>
          Object.entries(f)
            .filter(([k]) => k !== 'version' && k !== 'relationships')
            .flatMap(([, list]) => (list as { id: string }[]).map((n) => n.id)),
        );
      // Every node once (no second load beside the first), the article's among them, each source loaded once and whole.
      expect(graph.ids).toBe(graph.nodes);
      expect(graph.all).toEqual(expect.arrayContaining(seedIds));
      expect(sources).toEqual(
        ['article', 'bls', 'crosswalk', 'esco', 'onet', 'roleMapping'].map((key) => ({ key, state: 'COMPLETE' })),
      );
    } finally {
      await db.close();
    }
    for (const app of apps) expect((await fetch(`${app.base}/readyz`)).status).toBe(200);
  }, 300_000);
});

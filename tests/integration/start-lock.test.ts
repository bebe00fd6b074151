import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireStartLock, startLockPath, tryStartLock } from '../../src/local-neo4j/start-lock';

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

import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { LocalNeo4jError } from './errors';

const POLL_MS = 200;

export function startLockPath(dir: string): string {
  return path.join(dir, 'start.lock');
}

/** Whether a process with this pid exists (EPERM: it does, but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the start lock of `dir` if it is free: the file is created atomically ('wx') and holds
 * this process's pid. A lock whose process is gone is stale and taken over. Returns its release,
 * or the pid of the live process holding it.
 */
export function tryStartLock(dir: string): { release: () => void } | { heldBy: number } {
  const file = startLockPath(dir);
  fs.mkdirSync(dir, { recursive: true });
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return {
        release: () => {
          if (holderOf(file) === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = holderOf(file);
    // No pid yet: its creator is between creating and writing it, so it is alive.
    if (holder === undefined || isAlive(holder)) return { heldBy: holder ?? 0 };
    removeIfStill(file, holder);
  }
}

/**
 * Removes a stale lock, unless another process replaced it meanwhile: the file is first moved
 * aside (atomic), and put back if it turns out to be a live holder's.
 */
function removeIfStill(file: string, stalePid: number): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (holderOf(aside) !== stalePid) {
    try {
      fs.linkSync(aside, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  fs.rmSync(aside, { force: true });
}

/**
 * Waits for the start lock of `dir`; refuses, naming the holder, if another process keeps it
 * longer than `timeoutMs`.
 */
export async function acquireStartLock(
  dir: string,
  timeoutMs: number,
  log: (msg: string) => void,
): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const lock = tryStartLock(dir);
    if ('release' in lock) return lock.release;
    if (!told) log(`Another process (pid ${lock.heldBy}) is starting the local Neo4j for ${dir}; waiting for it.`);
    told = true;
    if (Date.now() >= deadline) {
      throw new LocalNeo4jError(
        `Another process (pid ${lock.heldBy}) has been starting the local Neo4j for ${dir} for more than ` +
          `${Math.round(timeoutMs / 1000)} s. Wait for it or stop it; a lock left by a process that has exited ` +
          `is cleared on its own (${startLockPath(dir)}).`,
      );
    }
    await delay(POLL_MS);
  }
}

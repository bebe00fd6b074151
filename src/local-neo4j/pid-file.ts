import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LAUNCHER_CLASS } from './launcher-build';

export function pidFilePath(dir: string): string {
  return path.join(dir, 'neo4j.pid');
}

/** Created atomically ('wx'): an existing pid file (a live launcher's) is never overwritten. */
export function writePidFile(dir: string, pid: number): void {
  fs.writeFileSync(pidFilePath(dir), `${pid}\n`, { flag: 'wx' });
}

export function removePidFile(dir: string): void {
  fs.rmSync(pidFilePath(dir), { force: true });
}

/**
 * The pid of the live launcher started for `dir`, if any. A pid file whose process is gone, or
 * whose pid now belongs to another program, is stale and is removed.
 */
export function readOurPid(dir: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(pidFilePath(dir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const pid = Number(text.trim());
  if (Number.isInteger(pid) && pid > 0 && isOurProcess(pid, dir)) return pid;
  removePidFile(dir);
  return undefined;
}

/**
 * Whether `pid` is a live launcher for `dir`. The command line is checked, not just liveness, so
 * a recycled pid is never signalled; an exited child awaiting reaping has an empty command line.
 */
export function isOurProcess(pid: number, dir: string): boolean {
  const args = commandArgs(pid);
  // Whole arguments, so that a launcher for "/x/.neo4j-test" is not taken for "/x/.neo4j".
  return args !== undefined && args.includes(LAUNCHER_CLASS) && args.includes(`--dir=${dir}`);
}

function commandArgs(pid: number): string[] | undefined {
  if (process.platform === 'linux') {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      return undefined;
    }
  }
  const ps = spawnSync('ps', ['-ww', '-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  return ps.status === 0 ? ps.stdout.trim().split(/\s+/) : undefined;
}

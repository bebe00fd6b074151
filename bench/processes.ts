import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A loopback port nothing listens on now, for a target the bench starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** User plus system CPU time of a process, in clock ticks (1/100 s). */
export function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // gone: idle
  }
}

/** User plus system CPU time of a process, in milliseconds (its clock ticks are 10 ms). */
export const cpuMs = (pid: number): number => cpuTicks(pid) * 10;

/** The pid a pid file holds (a local Neo4j's, for its CPU time). */
export const pidIn = (file: string): number => Number(readFileSync(file, 'utf8').trim());

/** A process's resident memory now (VmRSS) or at its peak (VmHWM), in MB. */
export function memoryMB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * The Node flags `npm start` gives the API built in `dir`, read from its package.json so the bench
 * runs what users run: the start script must be `node [--flag ...] dist/index.js`.
 */
export function startFlags(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const start = pkg.scripts?.start ?? '';
  const match = /^node((?:\s+--\S+)*)\s+dist\/index\.js$/.exec(start);
  if (!match)
    throw new Error(`${dir}/package.json: the start script "${start}" is not node [--flag ...] dist/index.js`);
  return match[1].split(/\s+/).filter(Boolean);
}

/**
 * The API built in `dir` (its dist/index.js), started with its `npm start` flags and then `nodeFlags` (a later
 * V8 flag wins, so these override) against
 * `neo4jUri` on a free loopback port, loading no data; resolves once /readyz answers (60 s at most).
 */
export async function serveApi(
  dir: string,
  neo4jUri: string,
  options: { nodeFlags?: string[]; logLevel?: string; stdio?: StdioOptions } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const flags = [...startFlags(dir), ...(options.nodeFlags ?? [])];
  const child = spawn(process.execPath, [...flags, path.join(dir, 'dist', 'index.js')], {
    cwd: dir,
    env: {
      ...process.env,
      NEO4J_URI: neo4jUri,
      SEED_ON_START: 'false',
      LOG_LEVEL: options.logLevel ?? 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
    },
    stdio: options.stdio ?? 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API in ${dir} exited (${child.exitCode})`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`the API in ${dir} did not become ready within 60 s`);
}

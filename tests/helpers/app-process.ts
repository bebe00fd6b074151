import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './http-client';

/** The built app (`node dist/index.js`) running as its own process on loopback. */
export interface AppProcess {
  child: ChildProcess;
  port: number;
  base: string;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has exited, with its exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Sends SIGKILL unless the process has already exited; waits for the exit. */
  kill(): Promise<void>;
}

/** The credentials the test database was opened with, if the environment sets them. */
function credentials(): Record<string, string> {
  const keys = ['NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'] as const;
  return Object.fromEntries(keys.filter((k) => process.env[k]).map((k) => [k, process.env[k]!]));
}

const ROOT = path.resolve(__dirname, '../..');
export const DIST_ENTRY = path.join(ROOT, 'dist', 'index.js');

/**
 * Spawns `node dist/index.js` with `env` over a clean environment (PATH, HOME and the Neo4j
 * credentials only, so no stray NEO4J_URI, API_TOKEN or PORT from the shell leaks in), on a free
 * port of 127.0.0.1, and waits until /healthz answers. `npm run build` must have produced dist/.
 */
export async function spawnApp(env: Record<string, string>, readyTimeoutMs = 30_000): Promise<AppProcess> {
  if (!existsSync(DIST_ENTRY)) throw new Error(`${DIST_ENTRY} is missing: run \`npm run build\` first`);
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [DIST_ENTRY], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...credentials(),
      HOST: '127.0.0.1',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'silent',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
  });
  let done = false;
  void exited.then(() => (done = true));

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (done) throw new Error(`The app exited before it was ready:\n${output}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The app did not answer /healthz within ${readyTimeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    port,
    base,
    url: `${base}/graphql`,
    output: () => output,
    exited,
    async kill() {
      if (!done) child.kill('SIGKILL');
      await exited;
    },
  };
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { LocalNeo4jConfig } from '../config';
import { isBoltAnswering, probePort } from './bolt-probe';
import { LocalNeo4jError } from './errors';
import { LAUNCHER_CLASS, launcherClasspath } from './launcher-build';
import { isOurProcess, readOurPid, removePidFile, writePidFile } from './pid-file';
import { requireJava } from './prerequisites';
import { acquireStartLock } from './start-lock';

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;
const KILL_TIMEOUT_MS = 10_000;
const PORT_FREE_TIMEOUT_MS = 15_000;
const POLL_MS = 250;
/** Printed by LocalNeo4j.java once the default database is available. */
const READY_LINE = 'careergraph-neo4j ready';

type Log = (msg: string) => void;
const silent: Log = () => undefined;

export interface StartResult {
  uri: string;
  startedByUs: boolean;
  pid?: number;
}

export interface LocalNeo4jStatus {
  running: boolean;
  ours: boolean;
  pid?: number;
  uri: string;
}

export function boltUri(cfg: LocalNeo4jConfig): string {
  return `bolt://${cfg.host}:${cfg.port}`;
}

function outFile(cfg: LocalNeo4jConfig): string {
  return path.join(cfg.dir, 'neo4j.out');
}

/**
 * Makes a Neo4j answer Bolt on cfg.host:cfg.port: reuses whatever Neo4j already does, otherwise
 * starts the embedded one in the background (it outlives this process; stop it with
 * stopLocalNeo4j). Of several processes starting it at once, one starts it (holding the folder's
 * start lock) and the others wait for it and reuse it.
 */
export async function startLocalNeo4j(cfg: LocalNeo4jConfig, log: Log = silent): Promise<StartResult> {
  const answering = await reuseAnswering(cfg, log);
  if (answering) return answering;
  const release = await acquireStartLock(cfg.dir, START_TIMEOUT_MS, log);
  try {
    // The process that held the lock before may have started it meanwhile.
    return (await reuseAnswering(cfg, log)) ?? (await startUnderLock(cfg, log));
  } finally {
    release();
  }
}

async function reuseAnswering(cfg: LocalNeo4jConfig, log: Log): Promise<StartResult | undefined> {
  const uri = boltUri(cfg);
  const port = await probePort(cfg.host, cfg.port);
  if (port === 'bolt') {
    log(`A Neo4j is already answering at ${uri}; using it.`);
    return { uri, startedByUs: false, pid: readOurPid(cfg.dir) };
  }
  if (port === 'other') {
    throw new LocalNeo4jError(
      `Port ${cfg.port} on ${cfg.host} is taken by something that is not Neo4j; ` +
        'free it or set NEO4J_LOCAL_PORT / NEO4J_URI.',
    );
  }
  return undefined;
}

async function startUnderLock(cfg: LocalNeo4jConfig, log: Log): Promise<StartResult> {
  const uri = boltUri(cfg);
  const starting = readOurPid(cfg.dir);
  if (starting !== undefined && hasPrintedReady(cfg)) {
    throw new LocalNeo4jError(
      `The local Neo4j for ${cfg.dir} (pid ${starting}) is running but not at ${uri}; it was started ` +
        'with another host or port. Stop it with `db stop`, then start again.',
    );
  }
  if (starting !== undefined) {
    log(`The local Neo4j (pid ${starting}) is still starting; waiting for it.`);
    await waitUntilReady(cfg, starting);
    return { uri, startedByUs: false, pid: starting };
  }

  requireJava();
  fs.mkdirSync(cfg.dir, { recursive: true });
  const classpath = await launcherClasspath(cfg.dir, log);
  const startedAt = Date.now();
  const pid = spawnLauncher(cfg, classpath);
  writePidFile(cfg.dir, pid);
  log(`Starting the local Neo4j (pid ${pid}, data in ${cfg.dir})...`);
  await waitUntilReady(cfg, pid);
  log(`The local Neo4j is ready at ${uri} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
  return { uri, startedByUs: true, pid };
}

/** Stops the Neo4j that startLocalNeo4j started for cfg.dir; false if none was running. */
export async function stopLocalNeo4j(cfg: LocalNeo4jConfig, log: Log = silent): Promise<boolean> {
  const pid = readOurPid(cfg.dir);
  if (pid === undefined) {
    log(
      (await isBoltAnswering(cfg.host, cfg.port))
        ? `The Neo4j at ${boltUri(cfg)} was not started from ${cfg.dir}; left it running.`
        : `No local Neo4j is running for ${cfg.dir}.`,
    );
    return false;
  }
  log(`Stopping the local Neo4j (pid ${pid})...`);
  await terminate(pid, cfg, log);
  removePidFile(cfg.dir);
  if (!(await waitFor(async () => (await probePort(cfg.host, cfg.port)) === 'closed', PORT_FREE_TIMEOUT_MS))) {
    log(`The Neo4j process is gone but port ${cfg.port} still answers; something else holds it.`);
  }
  log('The local Neo4j has stopped.');
  return true;
}

export async function localNeo4jStatus(cfg: LocalNeo4jConfig): Promise<LocalNeo4jStatus> {
  const running = await isBoltAnswering(cfg.host, cfg.port);
  const pid = readOurPid(cfg.dir);
  return { running, ours: pid !== undefined, pid, uri: boltUri(cfg) };
}

function javaArgs(cfg: LocalNeo4jConfig, classpath: string): string[] {
  return [
    `-Xmx${cfg.heap}`,
    '-XX:+ExitOnOutOfMemoryError',
    // As in Neo4j's own start script: lets the page cache and transaction logs use NIO internals.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '-cp',
    classpath,
    LAUNCHER_CLASS,
    `--dir=${cfg.dir}`,
    `--host=${cfg.host}`,
    `--port=${cfg.port}`,
    `--page-cache=${cfg.pageCache}`,
  ];
}

/** Starts the JVM in its own process group, detached from this process's lifetime and terminal. */
function spawnLauncher(cfg: LocalNeo4jConfig, classpath: string): number {
  const out = fs.openSync(outFile(cfg), 'w');
  try {
    const child = spawn('java', javaArgs(cfg, classpath), { detached: true, stdio: ['ignore', out, out] });
    // A failed spawn is reported as an event, which would crash the caller without a listener.
    child.on('error', () => undefined);
    child.unref();
    if (child.pid === undefined) throw new LocalNeo4jError('Could not start `java` for the local Neo4j.');
    return child.pid;
  } finally {
    fs.closeSync(out);
  }
}

async function waitUntilReady(cfg: LocalNeo4jConfig, pid: number): Promise<void> {
  const ready = await waitFor(async () => {
    if (!isOurProcess(pid, cfg.dir)) {
      removePidFile(cfg.dir);
      throw new LocalNeo4jError(
        `The local Neo4j exited before it was ready. Last lines of ${outFile(cfg)}:\n${logTail(cfg)}`,
      );
    }
    return hasPrintedReady(cfg) && (await isBoltAnswering(cfg.host, cfg.port));
  }, START_TIMEOUT_MS);
  if (ready) return;
  await terminate(pid, cfg, silent);
  removePidFile(cfg.dir);
  throw new LocalNeo4jError(
    `The local Neo4j did not become ready within ${START_TIMEOUT_MS / 1000} s and was stopped. ` +
      `Last lines of ${outFile(cfg)}:\n${logTail(cfg)}`,
  );
}

function hasPrintedReady(cfg: LocalNeo4jConfig): boolean {
  return readOutFile(cfg).includes(READY_LINE);
}

function logTail(cfg: LocalNeo4jConfig, lines = 25): string {
  const tail = readOutFile(cfg).trimEnd().split('\n').slice(-lines).join('\n');
  return tail === '' ? '(empty; see logs/debug.log beside it)' : tail;
}

function readOutFile(cfg: LocalNeo4jConfig): string {
  try {
    return fs.readFileSync(outFile(cfg), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

/** SIGTERM lets the launcher's shutdown hook close the store cleanly; SIGKILL is the fallback. */
async function terminate(pid: number, cfg: LocalNeo4jConfig, log: Log): Promise<void> {
  const gone = (): boolean => !isOurProcess(pid, cfg.dir);
  signal(pid, 'SIGTERM');
  if (await waitFor(gone, STOP_TIMEOUT_MS)) return;
  log(`The local Neo4j (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it.`);
  signal(pid, 'SIGKILL');
  if (!(await waitFor(gone, KILL_TIMEOUT_MS))) {
    throw new LocalNeo4jError(`Could not stop the local Neo4j (pid ${pid}); kill it by hand.`);
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** Polls until `condition` holds (true) or the time is up (false); a throw ends the wait. */
async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() >= deadline) return false;
    await delay(POLL_MS);
  }
}

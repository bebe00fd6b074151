import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { type Driver } from 'neo4j-driver';
import type * as ConfigModule from '../src/config';
import type * as EndpointModule from '../src/neo4j-endpoint';
import type * as DriverModule from '../src/graph/driver';
import type * as ExecutorModule from '../src/graph/executor';
import type * as SchemaModule from '../src/graph/schema-setup';
import type * as LoadModule from '../src/seed/load-graph';
import type * as GenerateModule from '../src/cli/generate';
import type * as ImportInputsModule from '../src/import/inputs';
import type * as ImportPipelineModule from '../src/import/pipeline';
import type * as SeedOnStartModule from '../src/seed/seed-on-start';
import type * as PidFileModule from '../src/local-neo4j/pid-file';
import { chartTitle, renderChart } from './chart';
import { cpuMs, cpuTicks, freePort, memoryMB, pidIn, startFlags } from './processes';
import { drawVariables, type DatasetName } from './variables';
import { percentile, rotated } from './windows';
import {
  disagreement,
  GOALS,
  normalise,
  requestFor,
  targetsOf,
  WORKLOADS,
  type TargetId,
  type Vars,
  type Workload,
  type WorkloadId,
} from './workloads';
import { flagValue, ROOT } from './cli';

/*
 * `npm run bench [-- --quick] [-- --size small|large] [--rounds N] [--duration S] [--warm-pass S] [--real-data DIR]
 *   [--neo4j-pid-file FILE]`:
 * the three targets (this API, an @neo4j/graphql peer, a hand-written floor) on the same Neo4j
 * and data, the six workloads on a generated graph and six on the merged real graph (two of them
 * beyond the peer), checked for equal answers first, then timed with autocannon in turn.
 */

// The project's own modules, as built into dist/ (so that their rootDir is the repository's).
const load = createRequire(__filename);
const project = <T>(module: string): T => load(path.join(ROOT, 'dist', module)) as T;
const { loadConfig } = project<typeof ConfigModule>('config');
const { resolveScratchEndpoint } = project<typeof EndpointModule>('neo4j-endpoint');
const { createDriver } = project<typeof DriverModule>('graph/driver');
const { Executor, executorOptions } = project<typeof ExecutorModule>('graph/executor');
const { applyDatabaseSchema } = project<typeof SchemaModule>('graph/schema-setup');
const { loadGraphFiles } = project<typeof LoadModule>('seed/load-graph');
const { generateGraph, writeGraphFiles, SIZES } = project<typeof GenerateModule>('cli/generate');
const { foldersIn } = project<typeof ImportInputsModule>('import/inputs');
const { importSources } = project<typeof ImportPipelineModule>('import/pipeline');
const { DEFAULT_DATA_DIR } = project<typeof SeedOnStartModule>('seed/seed-on-start');
const { readOurPid } = project<typeof PidFileModule>('local-neo4j/pid-file');

const TARGETS: TargetId[] = ['api', 'peer', 'floor'];
const CONNECTIONS = 16;
/** The `round` of measureRound() that warms up and records nothing. */
const WARM_PASS = -1;
const say = (msg: string) => process.stderr.write(`${msg}\n`);

interface Options {
  quick: boolean;
  main: 'quick' | 'small' | 'large';
  scale: DatasetName[];
  rounds: number;
  warmupSec: number;
  /** Before the first round on a data set, each workload runs this long on each target, untimed. */
  warmPassSec: number;
  durationSec: number;
  /** Each timed window is cut into this many slices, the targets' slices taken in turn. */
  slices: number;
  samples: number;
  outDir: string;
  /** Only these workloads (default: all; --quick: the six on the generated graph). */
  workloads: WorkloadId[];
  /** The publishers' folders loaded with the article as the real graph (default: data/default). */
  realData: string;
  /** Appended to the results' file names. */
  tag?: string;
  /** Neo4j's pid file, for its CPU time per request (default: the bench's own embedded Neo4j's). */
  neo4jPidFile?: string;
}
const DATASET_ORDER: DatasetName[] = ['seed', 'quick', 'small', 'large', 'real'];

function parseOptions(args: string[]): Options {
  const value = (flag: string) => flagValue(args, flag);
  const quick = args.includes('--quick');
  const size = value('--size') ?? 'large';
  if (size !== 'small' && size !== 'large') throw new Error('--size must be small or large');
  const main = quick ? 'quick' : size;
  const slices = Number(value('--slices') ?? (quick ? 1 : 4));
  if (!Number.isInteger(slices) || slices < 1) throw new Error('--slices must be a whole number from 1');
  return {
    quick,
    main,
    scale: quick || args.includes('--no-scale') ? [] : ['seed', 'small', 'large'],
    workloads: parseWorkloads(
      value('--workloads') ?? (quick ? 'W1,W2,W3,W4,W5,W6' : WORKLOADS.map((w) => w.id).join(',')),
    ),
    realData: path.resolve(value('--real-data') ?? path.join(ROOT, DEFAULT_DATA_DIR)),
    tag: value('--tag'),
    neo4jPidFile: value('--neo4j-pid-file'),
    rounds: Number(value('--rounds') ?? (quick ? 1 : 3)),
    warmupSec: Number(value('--warmup') ?? (quick ? 1 : 2)),
    warmPassSec: Number(value('--warm-pass') ?? (quick ? 0 : 5)),
    durationSec: Number(value('--duration') ?? (quick ? 2 : 8)),
    slices,
    samples: quick ? 8 : 25,
    outDir: path.join(ROOT, 'bench', 'results', ...(quick ? ['tmp', 'quick'] : [])),
  };
}

function parseWorkloads(list: string): WorkloadId[] {
  const ids = list.split(',').map((id) => id.trim().toUpperCase());
  const unknown = ids.filter((id) => !WORKLOADS.some((w) => w.id === id));
  if (unknown.length > 0)
    throw new Error(`unknown workload(s) ${unknown.join(', ')}: ${WORKLOADS.map((w) => w.id).join(', ')}`);
  return ids as WorkloadId[];
}

// ---------------------------------------------------------------------------------------------
// Data

interface DatasetInfo {
  name: DatasetName;
  nodes: number;
  relationships: number;
  loadMs: number;
  relationshipsPerSecond: number;
  transactions: number;
  note: string;
}

/** Empties the graph in batches; the database's own notes (its scratch marker among them) stay. */
async function emptyGraph(executor: ExecutorModule.Executor): Promise<void> {
  await executor.autoCommit(
    'MATCH (n) WHERE NOT n:CareerGraphMeta CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS',
    {},
    610_000,
  );
}

/**
 * The merged real graph, as `npm start` loads it into an empty database: the article and the
 * publishers' folders in `dir` (the committed slice, or the full files with --real-data).
 */
async function loadRealGraph(executor: ExecutorModule.Executor, dir: string): Promise<DatasetInfo> {
  say(`Loading the real graph (the article and ${path.relative(ROOT, dir) || dir})...`);
  await emptyGraph(executor);
  const started = performance.now();
  let transactions = 0;
  const report = await importSources(
    executor,
    { article: [path.join(ROOT, 'seed')], ...foldersIn(dir) },
    {
      intoEmpty: true,
      afterBatch: (batches) => (transactions = batches),
    },
  );
  if (!report) throw new Error('The real graph was not loaded: the bench database was not empty');
  await executor.autoCommit('CALL db.awaitIndexes(600)', {}, 610_000);
  const loadMs = Math.round(performance.now() - started);
  const [{ nodes, relationships }] = await executor.read(
    'RETURN COUNT { MATCH (n) WHERE NOT n:CareerGraphMeta AND NOT n:DataSource } AS nodes, COUNT { ()-[]->() } AS relationships',
  );
  const info = {
    name: 'real' as const,
    nodes: Number(nodes),
    relationships: Number(relationships),
    loadMs,
    relationshipsPerSecond: Math.round(Number(relationships) / (loadMs / 1000)),
    transactions,
    note: `import of ${path.relative(ROOT, dir) || dir} with the article`,
  };
  say(`  ${info.nodes} nodes, ${info.relationships} relationships in ${loadMs} ms`);
  return info;
}

async function loadDataset(
  name: DatasetName,
  executor: ExecutorModule.Executor,
  options: Options,
): Promise<DatasetInfo> {
  if (name === 'real') return loadRealGraph(executor, options.realData);
  let files: string[];
  if (name === 'seed') {
    files = [path.join(ROOT, 'seed')];
  } else {
    const preset = name === 'quick' ? { roles: 150 } : SIZES[name];
    const graph = generateGraph({ ...preset, seed: 1 });
    files = await writeGraphFiles(graph, path.join(ROOT, 'bench', 'results', 'tmp', `graph-${name}`));
  }
  say(`Loading the ${name} graph (${files.length} file(s))...`);
  // Emptying a large graph in the load's own transaction can exceed the transaction memory
  // limit: empty it first, in batches (the load's reset then has nothing left to delete).
  await emptyGraph(executor);
  const started = performance.now();
  let note = 'one transaction';
  let transactions = 1;
  let nodes = 0;
  let relationships = 0;
  try {
    const summary = await loadGraphFiles(executor, files, { reset: true });
    nodes = summary.nodes;
    relationships = summary.relationships;
  } catch (error) {
    if (!/memory|threshold/i.test(String(error))) throw error;
    // A large graph in one transaction can exceed db.memory.transaction.max (a quarter of the
    // heap in the embedded Neo4j): load the same files one transaction per file instead.
    note = `one transaction per file (one transaction for all failed: ${String(error).split('\n')[0].slice(0, 160)})`;
    say(`  ${note}`);
    transactions = files.length;
    for (const [i, file] of files.entries()) {
      const summary = await loadGraphFiles(executor, [file], { reset: i === 0, allowGraphReferences: i > 0 });
      nodes += summary.nodes;
      relationships += summary.relationships;
    }
  }
  await executor.autoCommit('CALL db.awaitIndexes(600)', {}, 610_000);
  const loadMs = Math.round(performance.now() - started);
  const info = {
    name,
    nodes,
    relationships,
    loadMs,
    relationshipsPerSecond: Math.round(relationships / (loadMs / 1000)),
    transactions,
    note,
  };
  say(
    `  ${nodes} nodes, ${relationships} relationships in ${loadMs} ms (${info.relationshipsPerSecond} rel/s, ${note})`,
  );
  return info;
}

// ---------------------------------------------------------------------------------------------
// Targets

interface Target {
  id: TargetId;
  url: string;
  process: ChildProcess;
}

async function startTarget(id: TargetId, neo4jUri: string): Promise<Target> {
  const port = await freePort();
  const script = {
    api: path.join(ROOT, 'dist', 'index.js'),
    peer: path.join(__dirname, 'peer', 'server.js'),
    floor: path.join(__dirname, 'floor', 'server.js'),
  }[id];
  // The API runs as npm start runs it, its Node flags included; the peer and the floor with Node's defaults.
  const flags = id === 'api' ? startFlags(ROOT) : [];
  const child = spawn(process.execPath, [...flags, script], {
    env: {
      ...process.env,
      NEO4J_URI: neo4jUri,
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${id} exited (${child.exitCode}):\n${output.slice(-2000)}`);
    const ready =
      id === 'api'
        ? await fetch(`${url}/readyz`).then(
            (r) => r.ok,
            () => false,
          )
        : output.includes('ready ');
    if (ready) {
      say(`  ${id} is serving at ${url} (pid ${child.pid})`);
      return { id, url, process: child };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`${id} did not become ready within 60 s:\n${output.slice(-2000)}`);
}

async function stopTarget(target: Target): Promise<void> {
  if (target.process.exitCode !== null) return;
  const exited = new Promise((r) => target.process.once('exit', r));
  target.process.kill('SIGTERM');
  const timer = setTimeout(() => target.process.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function ask(target: Target, workload: Workload, vars: Vars, headers: Record<string, string> = {}) {
  const { path: p, body } = requestFor(target.id, workload, vars);
  const response = await fetch(`${target.url}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    json: (await response.json()) as { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> },
  };
}

// ---------------------------------------------------------------------------------------------
// Correctness, then timing

/** The variable sets once each, in order. */
const distinct = (sets: Vars[]) => [...new Map(sets.map((v) => [JSON.stringify(v), v])).values()];

interface Mismatch {
  dataset: DatasetName;
  workload: WorkloadId;
  target: TargetId;
  variables: Vars;
  detail: string;
}

async function checkAnswers(
  dataset: DatasetName,
  targets: Target[],
  workloads: Workload[],
  vars: Record<WorkloadId, Vars[]>,
  samples: number,
) {
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const workload of workloads) {
    const answering = targets.filter((t) => targetsOf(workload).includes(t.id));
    // Distinct inputs only: R5's profiles come in turn.
    const inputs = distinct(vars[workload.id].slice(0, samples));
    for (const v of inputs) {
      const answers = await Promise.all(answering.map((t) => ask(t, workload, v)));
      checked++;
      const reference = JSON.stringify(normalise(answers[0].json.data));
      answers.forEach((a, i) => {
        const t = answering[i].id;
        if (a.status !== 200 || a.json.errors) {
          mismatches.push({
            dataset,
            workload: workload.id,
            target: t,
            variables: v,
            detail: `HTTP ${a.status}: ${JSON.stringify(a.json.errors).slice(0, 300)}`,
          });
        } else if (i > 0 && JSON.stringify(normalise(a.json.data)) !== reference) {
          const got = JSON.stringify(normalise(a.json.data));
          let at = 0;
          while (at < got.length && got[at] === reference[at]) at++;
          mismatches.push({
            dataset,
            workload: workload.id,
            target: t,
            variables: v,
            detail: `differs from the API at character ${at}: api …${reference.slice(Math.max(0, at - 60), at + 80)}… ${t} …${got.slice(Math.max(0, at - 60), at + 80)}…`,
          });
        }
      });
    }
  }
  say(`  answers checked: ${checked} variable sets, ${mismatches.length} problem(s)`);
  for (const m of mismatches.slice(0, 10))
    say(`    ${m.workload} ${m.target} ${JSON.stringify(m.variables)}: ${m.detail}`);
  return { checked, mismatches };
}

/**
 * Before a ranking workload is timed: for every distinct input it will send, the API's and the
 * floor's ranked results must be the same roles with the same scores (to 1e-6). Throws, which
 * stops the bench, naming each input where they do not.
 */
async function checkRankings(targets: Target[], workloads: Workload[], vars: Record<WorkloadId, Vars[]>) {
  const [api, floor] = (['api', 'floor'] as const).map((id) => targets.find((t) => t.id === id)!);
  for (const workload of workloads) {
    if (workload.ranked === undefined) continue;
    const inputs = distinct(vars[workload.id]);
    const problems: string[] = [];
    let results = 0;
    for (const v of inputs) {
      // One after the other: each of these takes the database seconds, alone.
      const a = await ask(api, workload, v);
      const f = await ask(floor, workload, v);
      const failed = [a, f].find((x) => x.status !== 200 || x.json.errors !== undefined);
      const problem =
        failed !== undefined
          ? `${failed === a ? 'the API' : 'the floor'} answered HTTP ${failed.status}: ${JSON.stringify(failed.json.errors).slice(0, 300)}`
          : disagreement(workload.ranked(a.json.data), workload.ranked(f.json.data));
      if (problem !== null) problems.push(`${JSON.stringify(v)}: ${problem}`);
      else results += workload.ranked(a.json.data).length;
    }
    if (problems.length > 0) {
      throw new Error(
        `${workload.id}: the API and the floor disagree on ${problems.length} of ${inputs.length} input(s); not timed:\n  ${problems.join('\n  ')}`,
      );
    }
    if (results === 0) throw new Error(`${workload.id}: no input has any result to compare; not timed`);
    say(`  ${workload.id}: the API and the floor agree on ${inputs.length} input(s) (${results} ranked results)`);
  }
}

interface Run {
  dataset: DatasetName;
  workload: WorkloadId;
  target: TargetId;
  round: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peakRssMB?: number;
  cpu?: CpuPerRequest;
  errorSample?: string;
}

/**
 * CPU milliseconds per request answered in a target's timed windows: the target's process,
 * Neo4j's (when its pid is known) and the bench's own (the load generator), so that a gap
 * between targets can be told apart from work all of them wait on.
 */
interface CpuPerRequest {
  server: number;
  neo4j: number | null;
  client: number;
}

/**
 * Waits until every target is idle (requests cut off at the end of a window go on being
 * answered: a target's CPU time must stop growing) and Neo4j runs no other transaction than the
 * one asking, then a moment more. Bounded, so that a stuck target cannot stall the bench.
 */
async function drain(targets: Target[], driver: Driver): Promise<void> {
  const deadline = Date.now() + 180_000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const ticks = () => targets.map((t) => cpuTicks(t.process.pid!));
  let before = ticks();
  while (Date.now() < deadline) {
    await sleep(250);
    const now = ticks();
    // Under 2 ticks (20 ms) of CPU in 250 ms for every target: nothing left to answer...
    const idle = now.every((n, i) => n - before[i] < 2);
    before = now;
    if (!idle) continue;
    // ...and no query of theirs left in Neo4j (whose memory, while full, can refuse even this).
    const running = await driver.executeQuery('SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS n').then(
      (r) => Number(r.records[0].get('n')),
      () => Infinity,
    );
    if (running <= 1) break;
  }
  await sleep(300);
}

/** Stops the bench if Neo4j went down: every later measurement would only count refusals. */
async function assertDatabaseAnswers(driver: Driver, during: string): Promise<void> {
  try {
    await driver.executeQuery('RETURN 1');
  } catch (error) {
    throw new Error(`Neo4j stopped answering during ${during} (see its log): ${String(error)}`, { cause: error });
  }
}

/** What one target's slices of a window add up to. */
interface Window {
  target: Target;
  bodies: ReturnType<typeof requestFor>[];
  /** The next body to send: it goes on across slices, so no slice repeats the previous one's. */
  next: number;
  requests: number;
  seconds: number;
  latencies: number[];
  errors: number;
  errorSample?: string;
  peakRssMB: number;
  /** CPU milliseconds spent in the timed slices, summed (see CpuPerRequest). */
  cpuMs: { server: number; neo4j: number; client: number };
}

/**
 * One round of one workload on the targets that answer it, in `order`: each target warms up for
 * `--warmup` seconds, then its timed window is cut into `--slices` slices taken in turn (A B C,
 * B C A, ...), so that every target meets the machine's slow and fast spells alike. Requests,
 * seconds and latencies are summed over a target's slices; p50 and p99 come from all its
 * latencies. Windows that must be long (`minDurationSec`: requests of seconds) and the warm pass
 * are one slice.
 */
async function measureRound(
  driver: Driver,
  neo4jPid: number | undefined,
  allTargets: Target[],
  dataset: DatasetName,
  order: Target[],
  workload: Workload,
  pool: Vars[],
  round: number,
  options: Options,
): Promise<Run[]> {
  const windows: Window[] = order.map((target) => ({
    target,
    bodies: pool.map((v) => requestFor(target.id, workload, v)),
    next: Math.max(round, 0) * 7919,
    requests: 0,
    seconds: 0,
    latencies: [],
    errors: 0,
    peakRssMB: 0,
    cpuMs: { server: 0, neo4j: 0, client: 0 },
  }));
  const attack = async (w: Window, seconds: number, timed: boolean) => {
    const pid = w.target.process.pid!;
    const sampler = timed
      ? setInterval(() => (w.peakRssMB = Math.max(w.peakRssMB, memoryMB(pid, 'VmRSS'))), 100)
      : undefined;
    let errors = 0;
    const cpuBefore = cpuNow(pid, neo4jPid);
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: w.target.url,
          connections: workload.connections ?? CONNECTIONS,
          duration: seconds,
          timeout: 60,
          requests: [
            {
              method: 'POST',
              path: w.bodies[0].path,
              headers: { 'content-type': 'application/json' },
              setupRequest: (req) => ({ ...req, body: w.bodies[w.next++ % w.bodies.length].body }),
              onResponse: (status, body) => {
                if (status !== 200 || !body.startsWith('{"data":') || body.includes('"errors":')) {
                  errors++;
                  w.errorSample ??= `HTTP ${status}: ${body.slice(0, 300)}`;
                }
              },
            },
          ],
        },
        (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
      );
      if (timed) instance.on('response', (_client, _status, _bytes, ms) => w.latencies.push(ms));
    });
    clearInterval(sampler);
    // Requests cut off at the end are still being answered: wait until every target and the
    // database are idle again, so that the next measurement does not pay for this one.
    await drain(allTargets, driver);
    const cpuAfter = cpuNow(pid, neo4jPid);
    await assertDatabaseAnswers(driver, `${workload.id} on ${w.target.id}`);
    w.errors += errors + result.errors + result.timeouts;
    if (timed) {
      w.requests += result.requests.total;
      w.seconds += result.duration;
      w.peakRssMB = Math.max(w.peakRssMB, memoryMB(pid, 'VmRSS'));
      for (const k of ['server', 'neo4j', 'client'] as const) w.cpuMs[k] += cpuAfter[k] - cpuBefore[k];
    }
  };
  const warmPass = round === WARM_PASS;
  const seconds = warmPass
    ? options.warmPassSec
    : options.quick
      ? options.durationSec
      : Math.max(options.durationSec, workload.minDurationSec ?? 0);
  const slices = warmPass || workload.minDurationSec !== undefined ? 1 : options.slices;
  if (!warmPass) for (const w of windows) await attack(w, options.warmupSec, false);
  for (let s = 0; s < slices; s++) for (const w of rotated(windows, s)) await attack(w, seconds / slices, true);
  return windows.map((w) => {
    const sorted = w.latencies.sort((a, b) => a - b);
    const run: Run = {
      dataset,
      workload: workload.id,
      target: w.target.id,
      round,
      requests: w.requests,
      rps: w.seconds > 0 ? Math.round((w.requests / w.seconds) * 10) / 10 : 0,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      errors: w.errors,
      peakRssMB: w.peakRssMB,
      cpu: perRequest(w.cpuMs, w.requests, neo4jPid !== undefined),
      ...(w.errorSample ? { errorSample: w.errorSample } : {}),
    };
    if (w.errorSample) say(`  first error: ${w.errorSample}`);
    if (run.requests === 0) say(`  warning: no request completed within ${seconds} s (each takes longer)`);
    say(
      `  ${dataset} ${workload.id} ${w.target.id.padEnd(5)} ${warmPass ? 'warm pass' : `round ${round + 1}`}: ${run.rps} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.errors} errors, RSS ≤ ${run.peakRssMB} MB${run.cpu ? `, ${cpuText(run.cpu)}` : ''}`,
    );
    return run;
  });
}

/** CPU milliseconds so far: the target's process, Neo4j's (0 when unknown) and this one's. */
function cpuNow(pid: number, neo4jPid: number | undefined): { server: number; neo4j: number; client: number } {
  const own = process.cpuUsage();
  return {
    server: cpuMs(pid),
    neo4j: neo4jPid === undefined ? 0 : cpuMs(neo4jPid),
    client: (own.user + own.system) / 1000,
  };
}

function perRequest(
  ms: { server: number; neo4j: number; client: number },
  requests: number,
  withNeo4j: boolean,
): CpuPerRequest | undefined {
  if (requests === 0) return undefined;
  const each = (v: number) => Math.round((v / requests) * 100) / 100;
  return { server: each(ms.server), neo4j: withNeo4j ? each(ms.neo4j) : null, client: each(ms.client) };
}

const cpuText = (c: CpuPerRequest) =>
  `CPU ms/request: server ${c.server}, neo4j ${c.neo4j ?? 'n/a'}, bench ${c.client}`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Summary {
  dataset: DatasetName;
  workload: WorkloadId;
  target: TargetId;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peakRssMB: number;
  /** Medians over the rounds, each part on its own. */
  cpu?: CpuPerRequest;
}

function summarise(runs: Run[]): Summary[] {
  const groups = new Map<string, Run[]>();
  for (const r of runs) {
    const key = `${r.dataset}|${r.workload}|${r.target}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => ({
    dataset: g[0].dataset,
    workload: g[0].workload,
    target: g[0].target,
    rps: median(g.map((r) => r.rps)),
    p50: median(g.map((r) => r.p50)),
    p99: median(g.map((r) => r.p99)),
    errors: g.reduce((n, r) => n + r.errors, 0),
    peakRssMB: Math.max(...g.map((r) => r.peakRssMB ?? 0)),
    ...medianCpu(g),
  }));
}

function medianCpu(runs: Run[]): { cpu?: CpuPerRequest } {
  const cpus = runs.flatMap((r) => (r.cpu ? [r.cpu] : []));
  if (cpus.length === 0) return {};
  const neo4j = cpus.flatMap((c) => (c.neo4j === null ? [] : [c.neo4j]));
  return {
    cpu: {
      server: median(cpus.map((c) => c.server)),
      neo4j: neo4j.length > 0 ? median(neo4j) : null,
      client: median(cpus.map((c) => c.client)),
    },
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // The bench's own defaults for an embedded Neo4j it starts: room for the large graph.
  // 4g: sixteen concurrent W2 answers (tens of MB each) from the peer ran a 2g heap out of memory.
  process.env.NEO4J_LOCAL_HEAP ||= '4g';
  process.env.NEO4J_LOCAL_PAGECACHE ||= '1g';
  const config = loadConfig();
  const endpoint = await resolveScratchEndpoint(config, 'bench', say);
  const driver = createDriver(endpoint.uri, config.neo4j);
  const executor = new Executor(driver, executorOptions(config.neo4j, config.neo4j.loadTimeoutMs));
  const neo4jPid = options.neo4jPidFile
    ? pidIn(options.neo4jPidFile)
    : endpoint.origin === 'configured'
      ? undefined
      : readOurPid(config.scratch.bench.local.dir);
  if (neo4jPid === undefined) say("Neo4j's CPU time is not measured (its pid is unknown: --neo4j-pid-file FILE).");
  const targets: Target[] = [];
  const started = performance.now();
  let failed = false;
  try {
    await applyDatabaseSchema(executor, config.rootDir);
    const dbInfo = (
      await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition')
    ).records[0];
    const selected = WORKLOADS.filter((w) => options.workloads.includes(w.id));
    const datasets: DatasetName[] = [
      ...new Set<DatasetName>([
        ...options.scale,
        ...(selected.some((w) => w.graph === 'generated') ? [options.main] : []),
        ...(selected.some((w) => w.graph === 'real') ? (['real'] as const) : []),
      ]),
    ].sort((a, b) => DATASET_ORDER.indexOf(a) - DATASET_ORDER.indexOf(b));
    const loads: DatasetInfo[] = [];
    const runs: Run[] = [];
    const warmRuns: Run[] = [];
    const checks: { dataset: DatasetName; checked: number; mismatches: Mismatch[] }[] = [];
    const dbQueries: Partial<Record<WorkloadId, number>> = {};
    const serial: Partial<Record<WorkloadId, unknown>> = {};

    for (const dataset of datasets) {
      loads.push(await loadDataset(dataset, executor, options));
      if (targets.length === 0) {
        say('Starting the targets...');
        for (const id of TARGETS) targets.push(await startTarget(id, endpoint.uri));
      }
      const vars = await drawVariables(driver, options.quick ? 40 : 200, dataset);
      const timed = isTimed(dataset, options);
      const workloads = timed
        ? selected.filter((w) => (w.graph === 'real') === (dataset === 'real'))
        : WORKLOADS.filter((w) => w.id === 'W1' || w.id === 'W4');
      await checkRankings(targets, workloads, vars);
      const check = await checkAnswers(dataset, targets, workloads, vars, options.samples);
      checks.push({ dataset, ...check });
      if (timed) {
        for (const w of workloads) {
          // One client, one request at a time: where the API's time goes (database or not).
          const samples = vars[w.id].slice(0, 10);
          let dbTime = 0;
          let wall = 0;
          for (const v of samples) {
            const t0 = performance.now();
            const { json } = await ask(targets[0], w, v, { 'x-debug-metrics': '1' });
            wall += performance.now() - t0;
            const metrics = json.extensions?.metrics as { dbQueries?: number; dbTimeMs?: number } | undefined;
            dbQueries[w.id] = metrics?.dbQueries;
            dbTime += metrics?.dbTimeMs ?? 0;
          }
          const sequential: Record<string, number> = {};
          for (const t of targets.filter((x) => targetsOf(w).includes(x.id))) {
            const t0 = performance.now();
            for (const v of samples) await ask(t, w, v);
            sequential[t.id] = Math.round(((performance.now() - t0) / samples.length) * 10) / 10;
          }
          serial[w.id] = {
            apiMs: Math.round((wall / samples.length) * 10) / 10,
            apiDbTimeMs: Math.round((dbTime / samples.length) * 10) / 10,
            sequentialMs: sequential,
          };
          say(`  ${w.id} one at a time: ${JSON.stringify(serial[w.id])}`);
        }
      }
      // The first windows after a load would otherwise also time Neo4j's JVM compiling its hot
      // paths and each target's first plans, and the target that runs first would pay for them.
      if (options.warmPassSec > 0) {
        say(`Warm pass: every workload on every target for ${options.warmPassSec} s, untimed...`);
        for (const w of workloads)
          for (const t of targets.filter((x) => targetsOf(w).includes(x.id)))
            warmRuns.push(
              ...(await measureRound(driver, neo4jPid, targets, dataset, [t], w, vars[w.id], WARM_PASS, options)),
            );
      }
      for (let round = 0; round < options.rounds; round++) {
        for (const w of workloads) {
          // A B C, then B C A, then C A B: no target always runs first or last.
          const answering = targets.filter((t) => targetsOf(w).includes(t.id));
          const order = rotated(answering, round);
          runs.push(...(await measureRound(driver, neo4jPid, targets, dataset, order, w, vars[w.id], round, options)));
        }
      }
    }
    const apiPid = targets[0].process.pid!;
    const apiPeakRssMB = memoryMB(apiPid, 'VmHWM');
    const summary = summarise(runs);
    const mismatches = checks.flatMap((c) => c.mismatches);
    const warmPassErrors = warmRuns.reduce((n, run) => n + run.errors, 0);
    const errors = summary.reduce((n, s) => n + s.errors, 0) + warmPassErrors;
    const result = buildResult(options, {
      dbInfo: { version: dbInfo.get('version') as string, edition: dbInfo.get('edition') as string },
      endpoint: endpoint.origin,
      loads,
      checks,
      runs,
      summary,
      warmPassErrors,
      dbQueries,
      serial,
      apiPeakRssMB,
      totalSeconds: Math.round((performance.now() - started) / 1000),
    });
    await mkdir(options.outDir, { recursive: true });
    const stamp = options.quick
      ? 'quick'
      : `${new Date().toISOString().slice(0, 10)}${options.tag ? `-${options.tag}` : ''}`;
    const jsonPath = path.join(options.outDir, `${stamp}.json`);
    await writeFile(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
    const svgPath = path.join(options.outDir, `${stamp}.svg`);
    await writeFile(
      svgPath,
      await renderChart(
        summary.filter((s) => isTimed(s.dataset, options)),
        chartTitle(
          [...new Set(summary.filter((s) => isTimed(s.dataset, options)).map((s) => s.dataset))],
          CONNECTIONS,
          selected,
        ),
        result.targets.throughputVsPeer.peerNotApplicable,
      ),
    );
    process.stdout.write(printTable(result));
    process.stdout.write(`\nResults: ${path.relative(ROOT, jsonPath)}, chart: ${path.relative(ROOT, svgPath)}\n`);
    if (mismatches.length > 0 || errors > 0) {
      say(`FAILED: ${mismatches.length} answer problem(s), ${errors} request error(s)`);
      failed = true;
    }
  } finally {
    for (const t of targets) await stopTarget(t);
    await driver.close();
    await endpoint.release();
  }
  if (failed) process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------
// Results

interface ResultInputs {
  dbInfo: { version: string; edition: string };
  endpoint: string;
  loads: DatasetInfo[];
  checks: { dataset: DatasetName; checked: number; mismatches: Mismatch[] }[];
  runs: Run[];
  summary: Summary[];
  /** Failed requests in the untimed warm pass (they count against "zero errors" all the same). */
  warmPassErrors: number;
  dbQueries: Partial<Record<WorkloadId, number>>;
  serial: Partial<Record<WorkloadId, unknown>>;
  apiPeakRssMB: number;
  totalSeconds: number;
}

/** Whether a data set's workloads are timed and compared (the scale sets run W1 and W4 only). */
const isTimed = (dataset: DatasetName, options: Options) => dataset === options.main || dataset === 'real';

function buildResult(options: Options, r: ResultInputs) {
  const find = (d: DatasetName, w: WorkloadId, t: TargetId) =>
    r.summary.find((s) => s.dataset === d && s.workload === w && s.target === t);
  const rows = [...new Set(r.summary.map((s) => `${s.dataset}|${s.workload}`))].map((key) => {
    const [dataset, workload] = key.split('|') as [DatasetName, WorkloadId];
    const [api, floor] = [find(dataset, workload, 'api')!, find(dataset, workload, 'floor')!];
    // null: the peer cannot express this workload (not run), unlike a peer that completed nothing.
    const peer = find(dataset, workload, 'peer') ?? null;
    const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
    return {
      dataset,
      workload,
      api,
      peer,
      floor,
      rpsVsPeer: peer === null ? null : ratio(api.rps, peer.rps),
      rpsVsFloor: ratio(api.rps, floor.rps),
      p99VsFloor: ratio(api.p99, floor.p99),
      apiDbQueries: isTimed(dataset, options) ? (r.dbQueries[workload] ?? null) : null,
    };
  });
  const main = rows.filter((row) => isTimed(row.dataset, options));
  const againstPeer = main.filter((row) => row.peer !== null);
  // A peer that completed nothing in its windows is beaten by any API that completed something.
  const aheadOfPeer = (row: (typeof rows)[number]) =>
    row.rpsVsPeer === null ? row.api.rps > 0 : row.rpsVsPeer >= GOALS.throughputVsPeer;
  const p99Missed = main.filter(
    (row) => GOALS.p99Workloads.includes(row.workload) && (row.p99VsFloor ?? Infinity) > GOALS.p99VsFloor,
  );
  const targets = {
    throughputVsPeer: {
      target: GOALS.throughputVsPeer,
      met: againstPeer.every(aheadOfPeer),
      missed: againstPeer.filter((row) => !aheadOfPeer(row)).map((row) => `${row.workload} ${row.rpsVsPeer}x`),
      peerNotApplicable: main.filter((row) => row.peer === null).map((row) => row.workload),
    },
    p99VsFloor: {
      target: GOALS.p99VsFloor,
      workloads: GOALS.p99Workloads,
      met: p99Missed.length === 0,
      missed: p99Missed.map((row) => `${row.workload} ${row.p99VsFloor}x`),
    },
    zeroErrors: {
      met:
        r.summary.every((s) => s.errors === 0) &&
        r.warmPassErrors === 0 &&
        r.checks.every((c) => c.mismatches.length === 0),
      errors: r.summary.reduce((n, s) => n + s.errors, 0) + r.warmPassErrors,
      mismatches: r.checks.reduce((n, c) => n + c.mismatches.length, 0),
    },
    apiPeakRss: { targetMB: GOALS.apiPeakRssMB, met: r.apiPeakRssMB < GOALS.apiPeakRssMB, peakMB: r.apiPeakRssMB },
  };
  return {
    date: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    mainDataset: options.main,
    realData: path.relative(ROOT, options.realData) || options.realData,
    settings: {
      connections: CONNECTIONS,
      connectionsOf: Object.fromEntries(
        WORKLOADS.filter((w) => w.connections !== undefined && options.workloads.includes(w.id)).map((w) => [
          w.id,
          w.connections,
        ]),
      ),
      rounds: options.rounds,
      warmupSeconds: options.warmupSec,
      warmPassSeconds: options.warmPassSec,
      durationSeconds: options.durationSec,
      slices: options.slices,
      answerSamplesPerWorkload: options.samples,
    },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      neo4j: `${r.dbInfo.version} ${r.dbInfo.edition}`,
      neo4jEndpoint: r.endpoint,
      neo4jHeap: process.env.NEO4J_LOCAL_HEAP,
      neo4jPageCache: process.env.NEO4J_LOCAL_PAGECACHE,
    },
    datasets: r.loads,
    correctness: r.checks,
    table: rows,
    oneAtATime: r.serial,
    targets,
    apiPeakRssMB: r.apiPeakRssMB,
    totalSeconds: r.totalSeconds,
    runs: r.runs,
  };
}

function printTable(result: ReturnType<typeof buildResult>): string {
  const lines = [
    '',
    'dataset  wl  | api req/s  p50   p99  err | peer req/s  p50   p99  err | floor req/s  p50   p99  err | api/peer api/floor p99/floor | dbQ | api MB',
  ];
  const cell = (s: Summary | null) =>
    s === null
      ? `${'n/a'.padStart(9)} ${''.padStart(4)} ${''.padStart(5)} ${''.padStart(4)}`
      : `${String(s.rps).padStart(9)} ${String(s.p50).padStart(4)} ${String(s.p99).padStart(5)} ${String(s.errors).padStart(4)}`;
  for (const row of result.table) {
    lines.push(
      `${row.dataset.padEnd(8)} ${row.workload}  | ${cell(row.api)} | ${cell(row.peer)}  | ${cell(row.floor)}  | ` +
        `${(row.peer === null ? 'n/a ' : `${row.rpsVsPeer}x`).padStart(8)} ${String(row.rpsVsFloor).padStart(7)}x ${String(row.p99VsFloor).padStart(8)}x | ` +
        `${String(row.apiDbQueries ?? '').padStart(3)} | ${String(row.api.peakRssMB).padStart(6)}`,
    );
  }
  if (result.table.some((row) => row.api.cpu)) {
    const part = (s: Summary | null) =>
      s?.cpu ? `${s.cpu.server} / ${s.cpu.neo4j ?? 'n/a'} / ${s.cpu.client}`.padStart(20) : 'n/a'.padStart(20);
    lines.push('', 'CPU ms per request    | server / neo4j / bench: api | peer                 | floor');
    for (const row of result.table)
      lines.push(
        `${row.dataset.padEnd(8)} ${row.workload}          | ${part(row.api)} | ${part(row.peer)} | ${part(row.floor)}`,
      );
  }
  const t = result.targets;
  lines.push(
    '',
    `Load: ${result.datasets.map((d) => `${d.name} ${d.relationships} rels in ${d.loadMs} ms = ${d.relationshipsPerSecond} rel/s (${d.transactions} tx)`).join('; ')}`,
    `Targets: ≥${t.throughputVsPeer.target}× peer throughput: ${t.throughputVsPeer.met ? 'met' : `MISSED (${t.throughputVsPeer.missed.join(', ')})`}` +
      `${t.throughputVsPeer.peerNotApplicable.length > 0 ? ` (peer n/a on ${t.throughputVsPeer.peerNotApplicable.join(', ')})` : ''}; ` +
      `p99 ≤ ${t.p99VsFloor.target}× floor on ${t.p99VsFloor.workloads.join('/')}: ${t.p99VsFloor.met ? 'met' : `MISSED (${t.p99VsFloor.missed.join(', ')})`}; ` +
      `zero errors: ${t.zeroErrors.met ? 'met' : `MISSED (${t.zeroErrors.errors} errors, ${t.zeroErrors.mismatches} answer differences)`}; ` +
      `API peak RSS < ${t.apiPeakRss.targetMB} MB: ${t.apiPeakRss.met ? 'met' : 'MISSED'} (${t.apiPeakRss.peakMB} MB)`,
    `Total time: ${result.totalSeconds} s`,
  );
  return `${lines.join('\n')}\n`;
}

if (!existsSync(path.join(ROOT, 'dist', 'index.js'))) {
  say('Build first: npm run -s build');
  process.exitCode = 1;
} else {
  main().catch((error: unknown) => {
    say(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
}

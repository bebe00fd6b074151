import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import type * as ApolloModule from '../src/server/apollo';
import type * as AuthModule from '../src/server/auth';
import type * as ConfigModule from '../src/config';
import type * as ContextModule from '../src/server/context';
import type * as DriverModule from '../src/graph/driver';
import type * as ExecutorModule from '../src/graph/executor';
import type * as LoggerModule from '../src/logger';
import type * as SchemaModule from '../src/schema';
import { cpuMs, pidIn, serveApi } from './processes';
import { drawVariables } from './variables';
import { requestFor, WORKLOADS, type Vars, type Workload, type WorkloadId } from './workloads';
import { flagValue } from './cli';

/*
 * Before/after pairs: two builds of the API served side by side over the bench's Neo4j, a graph
 * already loaded (by `npm run bench -- --no-scale --rounds 1 --workloads R1` or `W1` against a
 * Neo4j left running: the R workloads need the real graph, the W ones the large generated one),
 * each run in turn per pair: warm-up, then a timed window at 16 connections. Reports req/s, p50/p99 and the CPU time the API process and the Neo4j process
 * spent per request answered, which a busy machine disturbs less than throughput.
 *
 *   node dist/bench/bench/pairs.js --before DIR --after DIR [--workloads R1,R4] [--pairs 3]
 *     [--warmup 3] [--duration 10] [--neo4j-pid-file .neo4j-bench/neo4j.pid]
 * DIR is a checkout with its build (DIR/dist/index.js). With --one-at-a-time, each build instead
 * runs the operations one after the other in a process of its own (Apollo's executeOperation, no
 * HTTP), and the API's CPU per request is read from process.cpuUsage: 300 to warm up, then five
 * rounds of 400, each build in turn per pair. On a loaded machine this shows differences of a
 * fraction of a millisecond that the concurrent windows do not resolve. Neo4j: BENCH_NEO4J_URI or
 * bolt://127.0.0.1:$BENCH_NEO4J_PORT (7689), user neo4j / NEO4J_PASSWORD.
 */

const args = process.argv.slice(2);
const option = (name: string, fallback?: string) => {
  const value = flagValue(args, name) ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const measuring = args.indexOf('--measure');
const builds = {
  before: path.resolve(measuring >= 0 ? '.' : option('--before')),
  after: path.resolve(measuring >= 0 ? '.' : option('--after')),
};
const workloadIds = option('--workloads', 'R1,R4').split(',') as WorkloadId[];
const pairs = Number(option('--pairs', '3'));
const warmupSec = Number(option('--warmup', '3'));
const durationSec = Number(option('--duration', '10'));
const neo4jPidFile = path.resolve(option('--neo4j-pid-file', '.neo4j-bench/neo4j.pid'));
const uri = process.env.BENCH_NEO4J_URI ?? `bolt://127.0.0.1:${process.env.BENCH_NEO4J_PORT ?? '7689'}`;

const serve = (dir: string) => serveApi(dir, uri, { logLevel: 'error', stdio: ['ignore', 'inherit', 'inherit'] });

/**
 * The variables the bench draws for the graph the bench Neo4j holds: the real graph's workloads
 * if it holds O*NET occupations, else the generated graph's (as drawn for the large one).
 */
async function variables(): Promise<Record<WorkloadId, Vars[]>> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? 'careergraph'));
  try {
    const { records } = await driver.executeQuery(
      'RETURN EXISTS { MATCH (r:Role) WHERE r.onetCode IS NOT NULL } AS real, EXISTS { MATCH (:Role) } AS any',
      {},
      { routing: 'READ' },
    );
    if (!records[0].get('any')) throw new Error('The bench Neo4j holds no graph');
    return await drawVariables(driver, 100, records[0].get('real') ? 'real' : 'large');
  } finally {
    await driver.close();
  }
}

/** The workload's variable sets, refused when the graph loaded is not the one it runs on. */
function poolOf(vars: Record<WorkloadId, Vars[]>, id: WorkloadId): { workload: Workload; pool: Vars[] } {
  const workload = WORKLOADS.find((w) => w.id === id);
  const pool = vars[id] ?? [];
  if (!workload || pool.length === 0) {
    throw new Error(
      `No pairs for ${id}: ${workload ? `the bench Neo4j does not hold its ${workload.graph} graph` : 'no such workload'}`,
    );
  }
  return { workload, pool };
}

async function run(url: string, pid: number, neo4jPid: number, bodies: string[], seconds: number) {
  let i = 0;
  let errors = 0;
  const cpuBefore = { api: cpuMs(pid), neo4j: cpuMs(neo4jPid) };
  const result = await autocannon({
    url,
    connections: 16,
    duration: seconds,
    // As the bench: W2's requests take seconds each, more than autocannon's default of 10.
    timeout: 60,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }),
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors":')) errors++;
        },
      },
    ],
  });
  const n = result.requests.total;
  const perRequest = (ms: number) => (n ? (ms / n).toFixed(2) : 'n/a');
  return {
    line:
      `${(n / result.duration).toFixed(1)} req/s p50 ${result.latency.p50} p99 ${result.latency.p99} ` +
      `errors ${errors + result.errors + result.timeouts} | CPU ms/request api ${perRequest(cpuMs(pid) - cpuBefore.api)} ` +
      `neo4j ${perRequest(cpuMs(neo4jPid) - cpuBefore.neo4j)}`,
  };
}

/** Runs in a child process: `--measure DIR WORKLOAD` prints the five rounds' CPU ms per request. */
async function measureInProcess(dir: string, id: WorkloadId): Promise<string> {
  const load = createRequire(__filename);
  const project = <T>(module: string): T => load(path.join(dir, 'dist', module)) as T;
  load('reflect-metadata');
  const { loadConfig } = project<typeof ConfigModule>('config');
  const { createDriver } = project<typeof DriverModule>('graph/driver');
  const { Executor, executorOptions } = project<typeof ExecutorModule>('graph/executor');
  const { buildGraphQLSchema } = project<typeof SchemaModule>('schema');
  const { createApolloServer } = project<typeof ApolloModule>('server/apollo');
  const { createRequestContext } = project<typeof ContextModule>('server/context');
  const { authFromHeader } = project<typeof AuthModule>('server/auth');
  const { createLogger } = project<typeof LoggerModule>('logger');
  const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
  const driver = createDriver(uri, config.neo4j);
  const executor = new Executor(driver, executorOptions(config.neo4j));
  const server = createApolloServer({ config, schema: await buildGraphQLSchema() });
  await server.start();
  const log = createLogger({ logLevel: 'silent', env: 'test' });
  const { workload, pool } = poolOf(await variables(), id);
  const query = workload.api;
  let n = 0;
  const once = async (vars: Vars) => {
    const contextValue = createRequestContext(`m${++n}`, executor, log, authFromHeader(undefined, undefined));
    const response = await server.executeOperation({ query, variables: vars }, { contextValue });
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(`${id} failed: ${JSON.stringify(response.body)}`);
    }
  };
  for (let i = 0; i < 300; i++) await once(pool[i % pool.length]);
  const rounds: string[] = [];
  for (let round = 0; round < 5; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < 400; i++) await once(pool[i % pool.length]);
    const used = process.cpuUsage(start);
    rounds.push(((used.user + used.system) / 1000 / 400).toFixed(3));
  }
  await server.stop();
  await driver.close();
  return rounds.join(' ');
}

async function oneAtATime() {
  for (const id of workloadIds) {
    for (let pair = 0; pair < pairs; pair++) {
      for (const which of ['before', 'after'] as const) {
        const rounds = execFileSync(process.execPath, [__filename, '--measure', builds[which], id], {
          encoding: 'utf8',
          env: process.env,
        }).trim();
        process.stdout.write(`${which} ${id} one at a time: API CPU ms/request in 5 rounds of 400: ${rounds}\n`);
      }
    }
  }
}

async function main() {
  if (args.includes('--one-at-a-time')) return oneAtATime();
  const neo4jPid = pidIn(neo4jPidFile);
  const vars = await variables();
  const servers = { before: await serve(builds.before), after: await serve(builds.after) };
  const stopServers = () => Object.values(servers).forEach(({ child }) => child.kill('SIGTERM'));
  process.once('SIGTERM', () => {
    stopServers();
    process.exit(143);
  });
  try {
    for (const id of workloadIds) {
      const { workload, pool } = poolOf(vars, id);
      const bodies = pool.map((v) => requestFor('api', workload, v).body);
      for (let pair = 0; pair < pairs; pair++) {
        for (const which of ['before', 'after'] as const) {
          const { url, child } = servers[which];
          await run(url, child.pid!, neo4jPid, bodies, warmupSec);
          const { line } = await run(url, child.pid!, neo4jPid, bodies, durationSec);
          process.stdout.write(`${which} ${id} api: ${line}\n`);
        }
      }
    }
  } finally {
    stopServers();
  }
}

const started =
  measuring >= 0
    ? measureInProcess(path.resolve(args[measuring + 1]), args[measuring + 2] as WorkloadId).then((rounds) =>
        process.stdout.write(`${rounds}\n`),
      )
    : main();
started.catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

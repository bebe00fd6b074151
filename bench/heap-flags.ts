import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { memoryMB, serveApi, startFlags } from './processes';
import { WORKLOADS, type WorkloadId } from './workloads';
import { flagValue, ROOT } from './cli';

/*
 * The API's memory against its throughput under V8 heap flags:
 *   node dist/bench/bench/heap-flags.js --neo4j bolt://127.0.0.1:7791 \
 *     --flags ';--max-semi-space-size=2;--max-old-space-size=256' [--rounds 2] [--seconds 10] [--workloads W1,W6]
 * For each round, each set of flags (';'-separated, each after npm start's own flags, which a
 * later flag overrides; the empty set is the API's defaults, with HEAP_GROWING_PERCENT as the
 * environment sets it, which a node flag `--heap-growing-percent` overrides) in turn: the API starts with them against a Neo4j that already holds the large
 * generated graph (as `npm run bench` leaves it), serves each workload in turn at 16 connections
 * (2 s of warm-up, then `--seconds`, W2 at least its 30 s), and the line printed gives req/s,
 * p99 and the process's peak RSS (VmHWM) over them all: one workload at a time says whose peak it is.
 */

const CONNECTIONS = 16;
const value = (flag: string) => flagValue(process.argv, flag);

const queryOf = (id: WorkloadId) => {
  const workload = WORKLOADS.find((w) => w.id === id);
  if (!workload) throw new Error(`no workload ${id}`);
  return workload.api;
};

async function main() {
  const uri = value('--neo4j');
  if (!uri) throw new Error('--neo4j URI is required: a Neo4j holding the large generated graph');
  const flagSets = (value('--flags') ?? '').split(';').map((s) => s.split(' ').filter(Boolean));
  const rounds = Number(value('--rounds') ?? 1);
  const seconds = Number(value('--seconds') ?? 10);
  const driver = neo4j.driver(uri);
  const ids = (await driver.executeQuery('MATCH (r:Role) RETURN r.id AS id ORDER BY id LIMIT 400')).records.map(
    (r) => r.get('id') as string,
  );
  await driver.close();
  if (ids.length < 2) throw new Error(`${uri} holds fewer than two roles: load the large graph first (npm run bench)`);
  const bodies: Partial<Record<WorkloadId, string[]>> = {
    W1: ids.map((id) => JSON.stringify({ query: queryOf('W1'), variables: { id } })),
    W2: [JSON.stringify({ query: queryOf('W2') })],
    W6: ids.map((a, k) =>
      JSON.stringify({ query: queryOf('W6'), variables: { a, b: ids[(k * 7 + 13) % ids.length] } }),
    ),
  };
  const workloads = (value('--workloads') ?? 'W1,W6').split(',') as WorkloadId[];
  for (const id of workloads) {
    if (!bodies[id]) throw new Error(`--workloads: ${id} is not one of ${Object.keys(bodies).join(', ')}`);
  }

  for (let round = 0; round < rounds; round++) {
    for (const flags of flagSets) {
      const { url, child } = await serveApi(ROOT, uri, { nodeFlags: flags });
      try {
        const idle = memoryMB(child.pid!, 'VmRSS');
        const attack = (list: string[], duration: number) => {
          let i = 0;
          return autocannon({
            url: `${url}/graphql`,
            connections: CONNECTIONS,
            duration,
            // As the bench's own windows: a W2 request at 16 connections takes seconds.
            timeout: 60,
            requests: [
              {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                setupRequest: (req) => ({ ...req, body: list[i++ % list.length] }),
              },
            ],
          });
        };
        const served: string[] = [];
        let errors = 0;
        for (const id of workloads) {
          await attack(bodies[id]!, 2);
          const minimum = WORKLOADS.find((w) => w.id === id)?.minDurationSec ?? 0;
          const result = await attack(bodies[id]!, Math.max(seconds, minimum));
          errors += result.errors + result.non2xx + result.timeouts;
          served.push(`${id} ${Math.round(result.requests.average * 10) / 10} req/s p99 ${result.latency.p99} ms`);
        }
        process.stdout.write(
          `round ${round + 1} flags [${flags.join(' ') || `npm start's: ${startFlags(ROOT).join(' ')}`}]: idle ${idle} MB | ` +
            `${served.join(' | ')} | errors ${errors} | peak RSS ${memoryMB(child.pid!, 'VmHWM')} MB\n`,
        );
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});

import { spawn } from 'node:child_process';
import net from 'node:net';
import neo4j from 'neo4j-driver';
import { W1_FIRST } from './workloads';
import { flagValue } from './cli';

/*
 * What V8's scavenges keep of Neo4j driver requests, against plain JavaScript allocating as fast:
 *   node dist/bench/bench/gc-retention.js --neo4j bolt://127.0.0.1:7791 [--seconds 10]
 * Each case runs in a Node process of its own under --trace-gc-nvp, 4 s of warm-up and then
 * `--seconds` measured. A case is a number of loops, each doing one request after another: a
 * driver session per request running a role page like W1's (or `RETURN $id`) against a Neo4j that
 * holds the large generated graph, its records turned into JSON; or, with no driver, 600 small
 * objects, a round trip to a local TCP echo server, 600 more, into JSON. Per case the line gives
 * requests per second, the scavenges' median pause and, per scavenge, the MB allocated since the
 * last one, the MB that survived it and the MB it promoted (what survived the one before and was
 * still reachable). The driver here loads as shipped, without src/driver-load-hook.ts, so the
 * script keeps reproducing what that rewrite removes (see 2026-12-02-gc-retention.txt, parts F-H).
 */

const CASES = {
  'driver, role page, 16 loops': { kind: 'driver', statement: 'role', loops: 16 },
  'driver, role page, 1 loop': { kind: 'driver', statement: 'role', loops: 1 },
  'driver, RETURN $id, 16 loops': { kind: 'driver', statement: 'return', loops: 16 },
  'plain JavaScript over TCP, 16 loops': { kind: 'plain', statement: 'none', loops: 16 },
} as const;
type CaseName = keyof typeof CASES;

const WARM_SECONDS = 4;
const print = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`${line}\n`);
const PLAIN_OBJECTS = 600;
const names = (x: string) => `COLLECT { MATCH (r)-[:${x}]->(x) RETURN x.name AS name ORDER BY name LIMIT ${W1_FIRST} }`;
const STATEMENTS = {
  role: `MATCH (r:Role {id: $id})
RETURN { name: r.name, tools: ${names('USES_TOOL')}, skills: ${names('REQUIRES_SKILL')}, next: ${names('PROGRESSES_TO')} } AS role`,
  return: 'RETURN $id AS id',
} as const;

const value = (flag: string) => flagValue(process.argv, flag);

/** Runs `step` in `loops` loops for warm-up and then `seconds`, marking the measured part on stdout. */
async function drive(loops: number, seconds: number, step: (i: number) => Promise<void>): Promise<number> {
  let stop = false;
  let count = 0;
  let i = 0;
  const loop = async () => {
    while (!stop) {
      await step(i++);
      count++;
    }
  };
  for (const [marker, duration] of [
    ['', WARM_SECONDS],
    ['measured', seconds],
  ] as const) {
    stop = false;
    count = 0;
    if (marker) process.stdout.write(`=== ${marker}\n`);
    const timer = setTimeout(() => (stop = true), duration * 1000);
    await Promise.all(Array.from({ length: loops }, loop));
    clearTimeout(timer);
  }
  process.stdout.write('=== end\n');
  return count;
}

async function child(name: CaseName, uri: string, seconds: number) {
  const spec = CASES[name];
  let count: number;
  if (spec.kind === 'driver') {
    const driver = neo4j.driver(uri);
    const ids = (await driver.executeQuery('MATCH (r:Role) RETURN r.id AS id ORDER BY id LIMIT 400')).records.map(
      (r) => r.get('id') as string,
    );
    if (ids.length === 0) throw new Error(`${uri} holds no Role: load the large generated graph first`);
    count = await drive(spec.loops, seconds, async (i) => {
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(STATEMENTS[spec.statement], { id: ids[i % ids.length] });
        JSON.stringify(result.records.map((r) => r.toObject()));
      } finally {
        await session.close();
      }
    });
    await driver.close();
  } else {
    const server = net.createServer((s) => s.on('data', () => s.write(Buffer.alloc(2000, 1)))).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as net.AddressInfo).port;
    const sockets: net.Socket[] = [];
    const objects = () =>
      Array.from({ length: PLAIN_OBJECTS }, (_, k) => ({ name: `x${k}${Math.random()}`, tags: [k, k + 1] }));
    count = await drive(spec.loops, seconds, async (i) => {
      const socket =
        sockets[i % spec.loops] ??
        (sockets[i % spec.loops] = await new Promise<net.Socket>((r) => {
          const s = net.connect(port, '127.0.0.1', () => r(s));
        }));
      const before = objects();
      const reply = await new Promise<string>((r) => {
        socket.once('data', (b: Buffer) => r(b.toString('latin1', 0, 50)));
        socket.write('ping');
      });
      JSON.stringify([before, reply, objects()]);
    });
    sockets.forEach((s) => s.destroy());
    server.close();
  }
  process.stdout.write(`=== requests ${count}\n`);
}

interface Scavenge {
  pause: number;
  allocated: number;
  survived: number;
  promoted: number;
}

/** The scavenges --trace-gc-nvp printed between the markers. */
function scavenges(trace: string): Scavenge[] {
  const measured = trace.split('=== measured')[1]?.split('=== end')[0] ?? '';
  return measured
    .split('\n')
    .filter((line) => / gc=s /.test(line))
    .map((line) => {
      const field = (name: string) => Number(new RegExp(` ${name}=([\\d.]+)`).exec(line)?.[1] ?? NaN);
      return {
        pause: field('pause'),
        allocated: field('allocated'),
        survived: field('new_space_survived'),
        promoted: field('promoted'),
      };
    });
}

async function parent(uri: string, seconds: number) {
  print(`# ${process.version}, ${seconds} s measured after ${WARM_SECONDS} s of warm-up, Neo4j at ${uri}`);
  for (const name of Object.keys(CASES) as CaseName[]) {
    const proc = spawn(
      process.execPath,
      ['--trace-gc-nvp', __filename, '--case', name, '--neo4j', uri, '--seconds', String(seconds)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let trace = '';
    proc.stdout.on('data', (c: Buffer) => (trace += c.toString()));
    const code = await new Promise<number | null>((r) => proc.once('exit', r));
    if (code !== 0) throw new Error(`case "${name}" exited with ${code}`);
    const requests = Number(/=== requests (\d+)/.exec(trace)?.[1]);
    const s = scavenges(trace);
    if (s.length === 0) throw new Error(`case "${name}": no scavenge in the measured part`);
    const mb = (key: keyof Scavenge) => (s.reduce((sum, x) => sum + x[key], 0) / s.length / 1048576).toFixed(2);
    const pauses = s.map((x) => x.pause).sort((a, b) => a - b);
    const share = (key: keyof Scavenge) =>
      ((100 * s.reduce((sum, x) => sum + x[key], 0)) / s.reduce((sum, x) => sum + x.allocated, 0)).toFixed(1);
    print(
      `${name.padEnd(36)} ${String(Math.round(requests / seconds)).padStart(5)} req/s | ${String(s.length).padStart(3)} scavenges, ` +
        `median pause ${pauses[pauses.length >> 1].toFixed(1)} ms | per scavenge: allocated ${mb('allocated')} MB, ` +
        `survived ${mb('survived')} MB (${share('survived')}%), promoted ${mb('promoted')} MB (${share('promoted')}%)`,
    );
  }
}

const uri = value('--neo4j');
const seconds = Number(value('--seconds') ?? 10);
const name = value('--case');
if (!uri) {
  fail('--neo4j URI is required: a Neo4j holding the large generated graph');
  process.exit(2);
}
if (name !== undefined && !(name in CASES)) {
  fail(`--case must be one of: ${Object.keys(CASES).join('; ')}`);
  process.exit(2);
}
(name ? child(name as CaseName, uri, seconds) : parent(uri, seconds)).catch((error: unknown) => {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

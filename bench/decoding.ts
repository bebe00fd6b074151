import { execFileSync } from 'node:child_process';
import { driverBoltConnection, installBoltMapDecoding } from '../src/graph/bolt-maps';
import { flagValue } from './cli';

/*
 * What the API's decoding of Bolt answers costs, without a database: an answer shaped like the
 * real graph's role page (R1: a role with five lists of 20 named nodes) is packed once with the
 * driver's own packer, then unpacked and read again and again, with the driver's map decoding
 * and with this project's (src/graph/bolt-maps.ts), each in a process of its own.
 *   node dist/bench/bench/decoding.js [--rounds 3] [--answers 20000]
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => flagValue(args, name) ?? fallback;
const rounds = Number(option('--rounds', '3'));
const answers = Number(option('--answers', '20000'));

interface Buffer {
  reset(): void;
}
const { packstream, channel } = driverBoltConnection<{
  packstream: {
    v2: {
      Packer: new (b: Buffer) => { packable(v: unknown): () => void };
      Unpacker: new (
        lossy: boolean,
        bigInt: boolean,
      ) => { unpack(b: Buffer, hydrate: (x: unknown) => unknown): unknown };
    };
  };
  channel: { alloc(size: number): Buffer };
}>();

const named = (kind: string, i: number) => ({
  __typename: kind,
  id: `${kind.toLowerCase()}-${i}-id`,
  name: `${kind} ${i}`,
});
const list = (kind: string) => Array.from({ length: 20 }, (_, i) => named(kind, i));
const ANSWER = {
  __typename: 'Role',
  id: 'software-developers',
  name: 'Software Developers',
  onetCode: '15-1252.00',
  salary: { min: 1, median: 2, max: 3, currency: 'USD' },
  _planned: { tools: list('Tool'), skills: list('Skill'), related: list('Role'), to: list('Role'), from: list('Role') },
};

/** Microseconds per answer unpacked and read (every node's id and name), in this process. */
function measure(): number {
  const buffer = channel.alloc(64 * 1024);
  new packstream.v2.Packer(buffer).packable(ANSWER)();
  const unpacker = new packstream.v2.Unpacker(true, false);
  let read = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < answers; i++) {
    buffer.reset();
    const answer = unpacker.unpack(buffer, (x) => x) as typeof ANSWER;
    for (const nodes of Object.values(answer._planned)) for (const n of nodes) read += n.id.length + n.name.length;
  }
  if (read === 0) throw new Error('nothing was read');
  return Number(process.hrtime.bigint() - started) / 1e3 / answers;
}

if (args[0] === '--child') {
  if (args[1] === 'project') installBoltMapDecoding();
  measure(); // warm-up
  process.stdout.write(measure().toFixed(1));
} else {
  process.stdout.write(
    `# ${answers} answers shaped like R1 per measurement, each decoding in a fresh process, ${rounds} rounds\n`,
  );
  for (let round = 1; round <= rounds; round++) {
    for (const decoding of ['driver', 'project']) {
      const us = execFileSync(process.execPath, [__filename, '--child', decoding, '--answers', String(answers)]);
      process.stdout.write(`round ${round} ${decoding}'s map decoding: ${us.toString()} µs per answer\n`);
    }
  }
}

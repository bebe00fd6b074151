import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import neo4j, { type Session } from 'neo4j-driver';
import type * as SearchQueryModule from '../src/graph/search-query';
import { cpuMs, pidIn } from './processes';
import { drawVariables } from './variables';
import { flagValue, ROOT } from './cli';

/*
 * What R3's search costs Neo4j, by kind of clause, and what cheaper variants of the query would
 * cost and change. The texts are R3's (its variables, drawn as the bench draws them); each
 * statement is the index probe the API sends first (the best 20 hits, ranked as the API ranks),
 * one at a time on one session, every variant in turn in each repetition. Reports the mean
 * milliseconds per statement, Neo4j's CPU milliseconds per statement (with its pid file), and for
 * the variants, how many texts keep their first hit and their whole first ten. Needs the real
 * graph loaded in the bench's Neo4j (`npm run bench -- --no-scale --rounds 1 --workloads R3`).
 *   node dist/bench/bench/search-cost.js [--texts 60] [--reps 5] [--neo4j-pid-file FILE] [--tag T]
 * Neo4j: BENCH_NEO4J_URI or bolt://127.0.0.1:$BENCH_NEO4J_PORT (7689), user neo4j / NEO4J_PASSWORD.
 */

const { luceneClauses } = createRequire(__filename)(
  path.join(ROOT, 'dist', 'graph', 'search-query'),
) as typeof SearchQueryModule;

const args = process.argv.slice(2);
const option = (name: string) => flagValue(args, name);
const textCount = Number(option('--texts') ?? '60');
const reps = Number(option('--reps') ?? '5');
const pidFile = option('--neo4j-pid-file');
const tag = option('--tag');
const uri = process.env.BENCH_NEO4J_URI ?? `bolt://127.0.0.1:${process.env.BENCH_NEO4J_PORT ?? '7689'}`;

/** The index's properties that hold long text rather than names; the rest are the title fields. */
const LONG_TEXT = ['description', 'summary'];
/** A query no node matches: the fixed cost of a statement. */
const NOTHING = 'zqxjzqxj';

const PROBE = `
CALL db.index.fulltext.queryNodes('node_search', $query, { limit: 20 }) YIELD node AS n, score
WITH n, score ORDER BY score DESC, n.name, n.id LIMIT 10
RETURN n.id AS id`;

type Clause = NonNullable<ReturnType<typeof luceneClauses>>[number];
interface Variant {
  name: string;
  /** The query for one text's clauses. */
  query: (clauses: Clause[]) => string;
  /** Compared with the query as built: first hits and first tens kept. */
  compare?: boolean;
}

/** `clause` matched on `fields` only, its boost kept on the whole. */
function onFields(clause: string, fields: string[]): string {
  const [, body, boost = ''] = /^(.*?)(\^[\d.]+)?$/.exec(clause)!;
  return `(${fields.map((f) => `${f}:${body}`).join(' OR ')})${boost}`;
}

/** The clauses as one query, as toLuceneQuery joins them. */
const or = (cs: Clause[]) => cs.map((c) => c.clause).join(' OR ');

function variants(titleFields: string[]): Variant[] {
  const only = (kind: Clause['kind']) => (cs: Clause[]) => or(cs.filter((c) => c.kind === kind)) || NOTHING;
  const titlesFor = (kinds: Clause['kind'][]) => (cs: Clause[]) =>
    cs.map((c) => (kinds.includes(c.kind) ? onFields(c.clause, titleFields) : c.clause)).join(' OR ');
  return [
    { name: 'as built', query: or },
    { name: 'nothing matches', query: () => NOTHING },
    ...(['typed', 'joined', 'split', 'together', 'word', 'prefix'] as const).map((kind) => ({
      name: `${kind} clauses alone`,
      query: only(kind),
    })),
    {
      name: 'no split words',
      query: (cs) => or(cs.filter((c) => c.kind !== 'split')),
      compare: true,
    },
    {
      name: 'spellings and together on the title fields',
      query: titlesFor(['typed', 'joined', 'split', 'together']),
      compare: true,
    },
    {
      name: 'all but whole words on the title fields',
      query: titlesFor(['typed', 'joined', 'split', 'together', 'prefix']),
      compare: true,
    },
  ];
}

async function ids(session: Session, query: string): Promise<string[]> {
  return (await session.run(PROBE, { query })).records.map((r) => r.get('id') as string);
}

async function main(): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? 'careergraph'));
  const neo4jPid = pidFile ? pidIn(pidFile) : undefined;
  try {
    const [index] = (
      await driver.executeQuery(
        "SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = 'node_search' RETURN properties",
      )
    ).records;
    if (!index) throw new Error(`${uri} has no node_search index: load the real graph first`);
    const titleFields = (index.get('properties') as string[]).filter((p) => !LONG_TEXT.includes(p));
    const texts = (await drawVariables(driver, textCount, 'real')).R3.map((v) => String(v.text));
    if (texts.length === 0) throw new Error(`${uri} holds no O*NET alternate titles: load the real graph first`);
    const clauses = texts.map((t) => luceneClauses(t)!);
    const all = variants(titleFields);
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const built: string[][] = [];
      for (const cs of clauses) built.push(await ids(session, all[0].query(cs)));
      const totals = all.map(() => ({ ms: 0, cpuMs: 0 }));
      for (const cs of clauses) for (const v of all) await session.run(PROBE, { query: v.query(cs) }); // warm
      for (let rep = 0; rep < reps; rep++) {
        for (const [vi, v] of all.entries()) {
          const cpu0 = neo4jPid === undefined ? 0 : cpuMs(neo4jPid);
          const t0 = performance.now();
          for (const cs of clauses) await session.run(PROBE, { query: v.query(cs) });
          totals[vi].ms += performance.now() - t0;
          totals[vi].cpuMs += neo4jPid === undefined ? 0 : cpuMs(neo4jPid) - cpu0;
        }
      }
      const statements = reps * texts.length;
      const rows = [];
      for (const [vi, v] of all.entries()) {
        let sameFirst = 0;
        let sameTen = 0;
        if (v.compare) {
          for (const [i, cs] of clauses.entries()) {
            const got = await ids(session, v.query(cs));
            if (got[0] === built[i][0]) sameFirst++;
            if (got.join('\n') === built[i].join('\n')) sameTen++;
          }
        }
        rows.push({
          variant: v.name,
          msPerStatement: Math.round((totals[vi].ms / statements) * 100) / 100,
          neo4jCpuMsPerStatement:
            neo4jPid === undefined ? null : Math.round((totals[vi].cpuMs / statements) * 100) / 100,
          ...(v.compare ? { sameFirstHit: sameFirst, sameFirstTen: sameTen } : {}),
        });
      }
      const result = {
        date: new Date().toISOString(),
        commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(),
        texts: texts.length,
        reps,
        titleFields,
        statement: PROBE.trim(),
        rows,
      };
      const out = path.join(
        ROOT,
        'bench',
        'results',
        `${result.date.slice(0, 10)}-search-cost${tag ? `-${tag}` : ''}.json`,
      );
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
      for (const r of rows)
        process.stdout.write(
          `${r.variant.padEnd(50)} ${String(r.msPerStatement).padStart(6)} ms  neo4j CPU ${String(r.neo4jCpuMsPerStatement ?? 'n/a').padStart(5)} ms` +
            `${'sameFirstHit' in r ? `  same first hit ${r.sameFirstHit}/${texts.length}, same first ten ${r.sameFirstTen}/${texts.length}` : ''}\n`,
        );
      process.stdout.write(`Results: ${path.relative(ROOT, out)}\n`);
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `search-cost failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});

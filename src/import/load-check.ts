import 'reflect-metadata';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { createDriver } from '../graph/driver';
import { Executor, executorOptions } from '../graph/executor';
import { applyDatabaseSchema } from '../graph/schema-setup';
import { ImportSourcesRepository } from '../graph/repositories/import-sources.repository';
import { startLocalNeo4j, stopLocalNeo4j } from '../local-neo4j';
import { runScript, say } from '../sources/script';
import { foldersIn } from './inputs';
import { importSources } from './pipeline';

/**
 * The full-size check of the importer: loads the publishers' full files (../shared/data by
 * default) into a scratch Neo4j of its own (a new folder on BENCH_NEO4J_PORT, never the user's
 * database), then checks the publishers' counts as the DataSource nodes report them (distinct
 * publisher ids per kind) and one known salary. Exits 0 with a message when the folder is absent.
 */
const EXPECTED: [string, string, number][] = [
  ['onet', 'ROLE', 1016],
  ['esco', 'ROLE', 3007],
  ['crosswalk', 'ROLE', 1680],
  ['bls', 'ROLE', 831],
];
const ESCO_SKILLS = 13896;
const ONET_TECHNOLOGIES = 8775;

async function main(): Promise<number> {
  const root = path.resolve(process.argv[2] ?? path.join('..', 'shared', 'data'));
  if (!existsSync(root)) {
    say(`data:load-check skipped: ${root} does not exist`);
    return 0;
  }
  const config = loadConfig();
  const cfg = { ...config.scratch.bench.local, dir: mkdtempSync(path.join(os.tmpdir(), 'careergraph-load-check-')) };
  const started = await startLocalNeo4j(cfg);
  if (!started.startedByUs) throw new Error(`A Neo4j already answers on port ${cfg.port}; not loading into it`);
  const driver = createDriver(started.uri, config.neo4j);
  try {
    const executor = new Executor(driver, executorOptions(config.neo4j, config.neo4j.loadTimeoutMs));
    await applyDatabaseSchema(executor, config.rootDir, () => undefined);
    const report = await importSources(executor, foldersIn(root));
    say(`Loaded in ${report!.durationMs} ms: ${report!.nodes.created} nodes, ${report!.edges.created} relationships`);
    const sources = new Map((await new ImportSourcesRepository(executor).dataSources()).map((s) => [s.key, s]));
    let failures = 0;
    const check = (what: string, actual: unknown, expected: unknown) => {
      const ok = actual === expected;
      if (!ok) failures += 1;
      say(`${ok ? 'ok' : 'MISMATCH'} ${what}: ${String(actual)}${ok ? '' : ` (expected ${String(expected)})`}`);
    };
    for (const [key, kind, n] of EXPECTED) check(`${key} ${kind}`, sources.get(key)?.counts[kind], n);
    for (const key of ['onet', 'esco', 'crosswalk', 'bls']) check(`${key} state`, sources.get(key)?.state, 'COMPLETE');
    const esco = sources.get('esco')?.counts ?? {};
    check(
      'esco skills and concepts',
      Object.entries(esco).reduce((n, [k, v]) => n + (k === 'ROLE' ? 0 : v), 0),
      ESCO_SKILLS,
    );
    const [tech] = await executor.read(
      `MATCH (n) WHERE NOT n:Role AND NOT n:Category
       UNWIND n.provenance AS p WITH p WHERE p STARTS WITH '{"source":"O*NET"'
       WITH p WHERE NOT p =~ '.*"sourceId":"[0-9]\\\\.[A-Z].*'
       RETURN count(DISTINCT p) AS n`,
    );
    check('onet technologies', tech.n, ONET_TECHNOLOGIES);
    const [pay] = await executor.read(
      "MATCH (r:Role {onetCode: '15-1252.00'}) RETURN r.salaryMin AS min, r.salaryMax AS max, r.salaryMedian AS median",
    );
    check('Software Developers pay', `${pay?.min}-${pay?.max} median ${pay?.median}`, '77020-208620 median 132270');
    return failures === 0 ? 0 : 1;
  } finally {
    await driver.close();
    await stopLocalNeo4j(cfg);
    rmSync(cfg.dir, { recursive: true, force: true });
  }
}

runScript(main);

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
import { FitRepository } from '../graph/repositories/fit.repository';
import { FULL } from '../graph/repositories/traversal.repository';
import { FitService, type ProfileValues } from '../services/fit.service';
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
    const report = await importSources(executor, { article: [path.join(config.rootDir, 'seed')], ...foldersIn(root) });
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
    // A load into an empty database changes it, so the transitions were computed by this run.
    const transitions = report!.transitions!;
    say(
      `Stored ${transitions.edges} transitions for ${transitions.roles} roles in ${Math.round(transitions.durationMs)} ms`,
    );
    check('transitions stored within two minutes', transitions.durationMs < 120_000, true);
    await checkBackendEngineerFit(executor, check);
    return failures === 0 ? 0 : 1;
  } finally {
    await driver.close();
    await stopLocalNeo4j(cfg);
    rmSync(cfg.dir, { recursive: true, force: true });
  }
}

/** O*NET's software occupations, which the article's Backend Engineer must fit better than unrelated ones. */
const SOFTWARE = ['15-1252.00', '15-1254.00', '15-1251.00'];
/**
 * Related: O*NET's computer and mathematical (15) and architecture and engineering (17)
 * occupations, and those O*NET itself lists as related to a software occupation (such as
 * Bioinformatics Scientists, which designs databases and writes the algorithms it analyses with).
 */
const RELATED_GROUPS = ['15-', '17-'];

/**
 * matchRoles with everything the article's Backend Engineer requires (read from the graph):
 * Backend Engineer first, and O*NET's software occupations above every unrelated occupation
 * (RELATED_GROUPS).
 */
async function checkBackendEngineerFit(
  executor: Executor,
  check: (what: string, actual: unknown, expected: unknown) => void,
): Promise<void> {
  const [own] = await executor.read(
    `MATCH (r:Role {id: 'backend-engineer'})
     RETURN [(r)-[:REQUIRES_SKILL]->(x) | x.id] AS skills, [(r)-[:USES_TOOL]->(x) | x.id] AS tools,
       [(r)-[:USES_FRAMEWORK]->(x) | x.id] AS frameworks, [(r)-[:USES_LANGUAGE]->(x) | x.id] AS languages`,
  );
  const profile = own as unknown as ProfileValues;
  const started = performance.now();
  const { matches, rankedCount } = await new FitService(new FitRepository(executor)).matchRoles(
    profile,
    100,
    null,
    FULL,
  );
  say(
    `matchRoles (Backend Engineer's ${Object.values(profile).flat().length} items) over ${rankedCount} roles in ${Math.round(performance.now() - started)} ms:`,
  );
  matches
    .slice(0, 25)
    .forEach((m, i) =>
      say(
        `  ${i + 1}. ${m.fit.toFixed(3)} (coverage ${m.coverage.toFixed(3)}, relevance ${m.relevance.toFixed(3)}) ${m.role.name} ${m.role.onetCode ?? m.role.escoCode ?? ''}`,
      ),
    );
  check('Backend Engineer fits first', matches[0]?.role.id, 'backend-engineer');
  const relatedBy = await executor.read(
    `MATCH (s:Role)-[:RELATED_TO]-(r:Role) WHERE s.onetCode IN $software RETURN DISTINCT r.onetCode AS code`,
    { software: SOFTWARE },
  );
  const relatedByOnet = new Set(relatedBy.map((r) => r.code as string));
  const rank = (code: string) => matches.findIndex((m) => m.role.onetCode === code);
  const firstUnrelated = matches.findIndex(
    ({ role: { onetCode } }) =>
      onetCode !== null && !RELATED_GROUPS.some((g) => onetCode.startsWith(g)) && !relatedByOnet.has(onetCode),
  );
  const unrelated = matches[firstUnrelated]?.role.name ?? 'none in the first 100';
  for (const code of SOFTWARE) {
    const at = rank(code);
    say(`  ${code} ranks ${at + 1}; the first unrelated O*NET occupation (${unrelated}) ranks ${firstUnrelated + 1}`);
    check(`${code} above unrelated occupations`, at >= 0 && (firstUnrelated === -1 || at < firstUnrelated), true);
  }
}

runScript(main);

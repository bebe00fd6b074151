import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { withoutUpdatedAt } from '../../src/import/merge';
import type { TestDatabase } from '../helpers/database';
import { openDatabaseAt, startPrivateNeo4j, type PrivateNeo4j } from '../helpers/private-neo4j';

// These tests load the publishers' fixture slices through the real CLI, on a Neo4j of their own.
let neo4j: PrivateNeo4j;
let db: TestDatabase;
let tmp: string;

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'sources');
const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);
const CROSSWALK = [
  fixture('crosswalk', 'esco_onet_crosswalk_Nov2020.csv'),
  fixture('crosswalk', 'onet-soc-2010-to-2019.csv'),
];

function start(name: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [path.join(db.config.rootDir, 'dist', 'cli', `${name}.js`), ...args], {
    env: {
      ...process.env,
      NEO4J_URI: db.config.neo4j.uri,
      LOG_LEVEL: 'silent',
      BACKUP_DIR: path.join(tmp, 'backups'),
    },
  });
}

function cli(name: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = start(name, args);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function ok(name: string, args: string[]) {
  const run = await cli(name, args);
  if (run.code !== 0) throw new Error(`${name} ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run;
}

/**
 * The whole graph, without write times (nor the stored transitions' version, which names when
 * they were computed): what two runs must agree on.
 */
async function dump() {
  const strip = (p: Record<string, unknown>) => withoutUpdatedAt(p);
  const nodes = await db.executor.read(
    'MATCH (n) WHERE NOT n:CareerGraphMeta AND NOT n:DataSource RETURN labels(n)[0] AS label, properties(n) AS props ORDER BY label, n.id',
  );
  const edges = await db.executor.read(
    'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to',
  );
  return {
    nodes: nodes.map((n) => ({ label: n.label, props: strip(n.props as Record<string, unknown>) })),
    edges: edges.map((e) => {
      const props = strip(e.props as Record<string, unknown>);
      if (e.type === 'SIMILAR_TO') delete props.dataVersion;
      return { ...e, props };
    }),
  };
}

async function freshArticle() {
  await db.executor.write('MATCH (n) WHERE NOT n:CareerGraphMeta DETACH DELETE n');
  await ok('seed', []);
}

const sourcesOf = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await db.executor.read(cypher, params)).map((r) => r.sources as string[]);

const dataSource = async (key: string) =>
  (await db.executor.read('MATCH (d:DataSource {key: $key}) RETURN d.state AS state, d.counts AS counts', { key }))[0];

beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  db = await openDatabaseAt(neo4j.uri);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cg-import-'));
}, 120_000);
afterAll(async () => {
  await db?.close();
  await neo4j?.dispose();
});

describe('npm run import -- onet, killed in the middle', () => {
  it('when the import is killed after some batches and run again, then it ends in the graph of an uninterrupted run', async () => {
    await freshArticle();
    await ok('import', ['onet', fixture('onet'), '--batch-size', '500']);
    const uninterrupted = await dump();

    await freshArticle();
    const articleOnly = await dump();
    const child = start('import', ['onet', fixture('onet'), '--batch-size', '20']);
    const exited = new Promise((resolve) => child.on('close', resolve));
    // Kill it once some O*NET facts are in the graph, before its source is complete.
    for (;;) {
      const [{ n }] = await db.executor.read(
        'MATCH (n:Role) WHERE any(p IN n.provenance WHERE p STARTS WITH \'{"source":"O*NET"\') RETURN count(n) AS n',
      );
      if ((n as number) > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    expect((await dataSource('onet')).state).toBe('INCOMPLETE');
    // Nothing that was there before is lost.
    const partial = await dump();
    for (const node of articleOnly.nodes) {
      expect(partial.nodes.find((n) => n.props.id === node.props.id)?.props.name).toBe(node.props.name);
    }
    expect(partial.nodes.length).toBeLessThan(uninterrupted.nodes.length);

    await ok('import', ['onet', fixture('onet'), '--batch-size', '20']);
    expect((await dataSource('onet')).state).toBe('COMPLETE');
    expect(await dump()).toEqual(uninterrupted);
  }, 240_000);
});

describe('npm run import -- onet | esco | crosswalk | bls, after the article', () => {
  beforeAll(async () => {
    await freshArticle();
    await ok('import', ['onet', fixture('onet')]);
    await ok('import', ['esco', fixture('esco')]);
    await ok('import', ['crosswalk', ...CROSSWALK]);
    await ok('import', ['bls', fixture('bls')]);
  }, 240_000);

  it('when O*NET states Docker, then tool "docker" is one node whose usages come from the article and from O*NET', async () => {
    const [{ n }] = await db.executor.read(
      "MATCH (t:Tool) WHERE toLower(t.name) = 'docker' OR t.id STARTS WITH 'docker' RETURN count(t) AS n",
    );
    expect(n).toBe(1);
    const sources = (
      await sourcesOf("MATCH (:Role)-[r:USES_TOOL]->(:Tool {id: 'docker'}) RETURN r.sources AS sources")
    ).flat();
    expect(sources).toContain('O*NET 29.3');
    expect(sources.some((s) => !s.includes(' 29.3') && !s.startsWith('ESCO'))).toBe(true);
    const [node] = await sourcesOf("MATCH (t:Tool {id: 'docker'}) RETURN t.sources AS sources");
    expect(node).toContain('O*NET 29.3');
  });

  it('when the sources are loaded, then backend-engineer reaches its O*NET and ESCO counterparts, each edge with its source', async () => {
    const rows = await db.executor.read(
      "MATCH (:Role {id: 'backend-engineer'})-[r:EQUIVALENT_TO]->(o:Role) RETURN o.onetCode AS onet, o.escoUri AS esco, r.sources AS sources, r.provenance AS provenance, r.reason AS reason",
    );
    expect(rows.map((r) => r.onet).filter(Boolean)).toContain('15-1252.00');
    expect(rows.some((r) => typeof r.esco === 'string')).toBe(true);
    for (const row of rows) {
      expect(row.sources).toEqual(['the article mapping 1']);
      expect(JSON.parse((row.provenance as string[])[0])).toMatchObject({
        source: 'the article mapping',
        version: '1',
      });
      expect(row.reason).toEqual(expect.any(String));
    }
  });

  it('when BLS is loaded, then Software Developers earn $77,020 to $208,620, median $132,270, from BLS', async () => {
    const [role] = await db.executor.read(
      "MATCH (r:Role {onetCode: '15-1252.00'}) RETURN r.salaryMin AS min, r.salaryMax AS max, r.salaryMedian AS median, r.salarySource AS source, r.sources AS sources",
    );
    expect(role).toMatchObject({ min: 77020, max: 208620, median: 132270 });
    expect(role.sources).toEqual(expect.arrayContaining(['O*NET 29.3', 'BLS OEWS May 2023']));
  });

  it('when BLS publishes only hourly pay, then the role keeps it per hour with its cents', async () => {
    const [role] = await db.executor.read(
      "MATCH (r:Role {onetCode: '27-2011.00'}) RETURN r.salaryPeriod AS period, r.salaryMin AS min, r.salaryP25 AS p25, r.salaryMax AS max",
    );
    expect(role).toEqual({ period: 'HOUR', min: 13, p25: 15.98, max: 100.01 });
  });

  it('when every source is loaded, then each is COMPLETE with its distinct publisher ids per kind', async () => {
    const onet = await dataSource('onet');
    expect(onet.state).toBe('COMPLETE');
    const occupations = (await readFile(fixture('onet', 'Occupation Data.txt'), 'utf8')).trim().split('\n').length - 1;
    expect(JSON.parse(onet.counts as string).ROLE).toBe(occupations);
    for (const key of ['esco', 'crosswalk', 'bls', 'roleMapping'])
      expect((await dataSource(key)).state).toBe('COMPLETE');
  });

  it('when every import is run again, then each reports no changes and the graph is the same', async () => {
    const before = await dump();
    for (const args of [
      ['onet', fixture('onet')],
      ['esco', fixture('esco')],
      ['crosswalk', ...CROSSWALK],
      ['bls', fixture('bls')],
    ]) {
      expect((await ok('import', args)).stdout).toMatch(/^No changes: /);
    }
    expect(await dump()).toEqual(before);
  }, 120_000);

  it('when a release no longer states a technology, then the import retires it only once confirmed, keeping the other sources', async () => {
    const folder = path.join(tmp, 'onet-newer');
    await cp(fixture('onet'), folder, { recursive: true });
    const file = path.join(folder, 'Technology Skills.txt');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.findIndex((l) => l.startsWith('15-1252.00\t') && /\tDocker\t/.test(l));
    expect(at).toBeGreaterThan(0);
    await writeFile(file, [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'));
    const edge =
      "MATCH (:Role {onetCode: '15-1252.00'})-[r:USES_TOOL]->(:Tool {id: 'docker'}) RETURN r.sources AS sources";

    const refused = await cli('import', ['onet', folder]);
    expect(refused.stderr).toMatch(/no longer state 0 node\(s\) and 1 relationship\(s\)/);
    expect(refused.stdout).toMatch(/Retirement not confirmed/);
    expect(await sourcesOf(edge)).toHaveLength(1);
    expect((await dataSource('onet')).state).toBe('INCOMPLETE');

    await ok('import', ['onet', folder, '--yes']);
    expect(await sourcesOf(edge)).toHaveLength(0);
    // Docker itself is still stated by the article and by other O*NET occupations.
    expect((await sourcesOf("MATCH (t:Tool {id: 'docker'}) RETURN t.sources AS sources"))[0]).toContain('O*NET 29.3');
    expect((await dataSource('onet')).state).toBe('COMPLETE');
  }, 120_000);

  it('when the article’s tools file is imported again, then Docker keeps what O*NET states of it', async () => {
    const docker = "MATCH (t:Tool {id: 'docker'}) RETURN t.sources AS sources, size(t.provenance) AS entries";
    const before = (await db.executor.read(docker))[0];
    expect(before.sources).toEqual(expect.arrayContaining(['O*NET 29.3']));

    await ok('import', [path.join(__dirname, '..', '..', 'seed', 'tools.json')]);
    expect((await db.executor.read(docker))[0]).toEqual(before);
  }, 120_000);

  it('when a BLS release no longer has an occupation’s row, then its pay goes and the role says why, and the row comes back with it', async () => {
    const folder = path.join(tmp, 'bls-newer');
    await cp(fixture('bls'), folder, { recursive: true });
    const file = path.join(folder, 'national_M2023_dl.csv');
    const text = await readFile(file, 'utf8');
    const eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') ? '\r' : '\n';
    const lines = text.split(eol);
    const at = lines.findIndex((l) => l.includes(',15-1252,'));
    expect(at).toBeGreaterThan(0);
    await writeFile(file, [...lines.slice(0, at), ...lines.slice(at + 1)].join(eol));
    const pay =
      "MATCH (r:Role {onetCode: '15-1252.00'}) RETURN r.salaryMin AS min, r.salaryMedian AS median, r.salarySource AS source, r.salaryMissing AS missing";

    await ok('import', ['bls', folder, '--yes']);
    expect((await db.executor.read(pay))[0]).toEqual({
      min: null,
      median: null,
      source: null,
      missing: 'no detailed BLS row for SOC 15-1252',
    });

    await ok('import', ['bls', fixture('bls'), '--yes']);
    expect((await db.executor.read(pay))[0]).toMatchObject({ min: 77020, median: 132270, missing: null });
  }, 120_000);
});

import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { uniquePrefix, type TestDatabase } from '../helpers/database';
import { openDatabaseAt, startPrivateNeo4j, type PrivateNeo4j } from '../helpers/private-neo4j';

// These tests reset and reload the whole graph, so they do it on a Neo4j of their own.
let neo4j: PrivateNeo4j;
let db: TestDatabase;
let tmp: string;
/** Where the CLIs save their snapshots during these tests. */
let backups: string;

/** Runs a built CLI (npm test builds first) against the test database. */
function cli(
  name: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(db.config.rootDir, 'dist', 'cli', `${name}.js`), ...args], {
      env: { ...process.env, NEO4J_URI: db.config.neo4j.uri, LOG_LEVEL: 'silent', BACKUP_DIR: backups, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const graphSize = async () =>
  (
    await db.executor.read(
      'MATCH (n) WHERE NOT n:CareerGraphMeta OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r',
    )
  )[0];

beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  db = await openDatabaseAt(neo4j.uri);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cg-cli-'));
  backups = path.join(tmp, 'backups');
}, 120_000);
afterAll(async () => {
  await db?.close();
  await neo4j?.dispose();
});

describe('npm run seed', () => {
  it('when run twice, then it reports the same facts and the graph does not grow', async () => {
    const first = await cli('seed', ['--reset', '--yes']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Seeded \d+ nodes and \d+ relationships from 7 file\(s\) in \d+ ms/);
    const size = await graphSize();
    const second = await cli('seed', []);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nodes: 0 created, \d+ updated/);
    expect(await graphSize()).toEqual(size);
  });

  it('when given an unknown flag, then it explains the usage and writes nothing', async () => {
    const result = await cli('seed', ['--wipe']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('Unknown argument --wipe. Usage: npm run seed [-- --reset [--yes]]');
  });
});

describe('npm run import', () => {
  it('when a file is malformed, then it exits non-zero naming file, path and reason, and writes nothing', async () => {
    const prefix = uniquePrefix('cli');
    const file = path.join(tmp, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        tools: [
          { id: `${prefix}-ok`, name: 'Fine', sources: ['s'] },
          { id: 'Not A Slug', name: 'x', sources: [] },
        ],
        relationships: [{ type: 'KNOWS', from: 'backend-engineer', to: `${prefix}-ok`, sources: ['s'] }],
      }),
    );
    const before = await graphSize();
    const result = await cli('import', [file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('problems found; nothing was written');
    expect(result.stderr).toContain(`${file}: tools[1].id: must be a slug`);
    expect(result.stderr).toContain(`${file}: tools[1].sources: must name at least one source section`);
    expect(result.stderr).toContain(`${file}: relationships[0].type: must be one of`);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(await graphSize()).toEqual(before);
  });

  it('when no file is given, then it prints the usage', async () => {
    const result = await cli('import', []);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('Usage: npm run import -- [--replace [--yes]] <file.json>');
  });
});

describe('npm run export', () => {
  it('when the seeded graph is exported and imported again, then nothing changes', async () => {
    await cli('seed', ['--reset', '--yes']);
    const file = path.join(tmp, 'export.json');
    const exported = await cli('export', [file]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Exported \d+ nodes and \d+ relationships to /);
    const size = await graphSize();
    const data = JSON.parse(await readFile(file, 'utf8'));
    expect(data.version).toBe(1);
    expect(data.roles.map((r: { id: string }) => r.id)).toContain('backend-engineer');

    const imported = await cli('import', [file]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/nodes: 0 created/);
    expect(imported.stdout).toMatch(/relationships: 0 created/);
    expect(await graphSize()).toEqual(size);
  });
});

describe('commands that delete the graph', () => {
  let prefix: string;
  /** A tool of this test's own, so that a reset is visible and a restore can bring it back. */
  const ownTool = async () =>
    (await db.executor.read('MATCH (t:Tool {id: $id}) RETURN t.name AS name', { id: `${prefix}-own` }))[0]?.name;
  const snapshots = () => readdir(backups).catch(() => [] as string[]);

  beforeEach(async () => {
    prefix = uniquePrefix('reset');
    const file = path.join(tmp, `${prefix}.json`);
    await writeFile(
      file,
      JSON.stringify({ version: 1, tools: [{ id: `${prefix}-own`, name: `${prefix} Own`, sources: ['s'] }] }),
    );
    expect((await cli('import', [file])).code).toBe(0);
  });

  it.each([
    ['seed', ['--reset'], 'npm run seed -- --reset'],
    ['import', ['--replace', path.join(__dirname, '..', '..', 'seed')], 'npm run import -- --replace'],
    [
      'generate',
      ['--roles', '10', '--load', '--out', path.join(os.tmpdir(), 'cg-cli-generated')],
      'npm run generate -- --load',
    ],
  ])(
    'when `%s %s` runs off a terminal without --yes, then it says what it would delete and changes nothing',
    async (name, args, command) => {
      const size = await graphSize();
      const before = await snapshots();
      const result = await cli(name, args);
      expect(result.code).toBe(64);
      expect(result.stderr).toContain(
        `\`${command}\` deletes the graph's ${size.n} nodes and ${size.r} relationships first.`,
      );
      expect(result.stderr).toContain('add --yes to confirm');
      expect(await graphSize()).toEqual(size);
      expect(await ownTool()).toBe(`${prefix} Own`);
      expect(await snapshots()).toEqual(before);
    },
  );

  it('when `seed --reset --yes` runs, then it saves a snapshot first, and `import --replace` of it restores the graph', async () => {
    const size = await graphSize();
    const reset = await cli('seed', ['--reset', '--yes']);
    expect(reset.code).toBe(0);
    const saved = /Saved the graph to (\S+); to restore it:\n {2}npm run import -- --replace --yes (\S+)\n/.exec(
      reset.stderr,
    );
    expect(saved?.[1]).toBe(saved?.[2]);
    const file = saved![1];
    expect(path.dirname(file)).toBe(backups);
    expect(path.basename(file)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/);
    expect(await ownTool()).toBeUndefined();

    const restore = await cli('import', ['--replace', '--yes', file]);
    expect(restore.code).toBe(0);
    expect(await ownTool()).toBe(`${prefix} Own`);
    expect(await graphSize()).toEqual(size);
    await cli('seed', ['--reset', '--yes']);
  });
});

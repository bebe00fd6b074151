import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { applyDatabaseSchema } from '../../src/graph/schema-setup';
import { resolveScratchEndpoint } from '../../src/neo4j-endpoint';
import { loadIntoEmptyGraph } from '../../src/seed/load-graph';
import type { TestDatabase } from '../helpers/database';
import { openDatabaseAt, startPrivateNeo4j, type PrivateNeo4j } from '../helpers/private-neo4j';

/*
 * On a Neo4j of this file's own (it is emptied and its schema changed): the scratch marker that
 * tests and benchmarks check before they reset a database, and schema migration at start.
 */

jest.setTimeout(120_000);

let neo4j: PrivateNeo4j;
let db: TestDatabase;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  db = await openDatabaseAt(neo4j.uri);
});
afterAll(async () => {
  await db?.close();
  await neo4j?.dispose();
});

const scratchConfig = (env: Record<string, string> = {}) =>
  loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    ALLOW_RESET: '',
    TEST_NEO4J_URI: neo4j.uri,
    BENCH_NEO4J_URI: neo4j.uri,
    ...env,
  });
const marker = async () =>
  (await db.executor.read("MATCH (m:CareerGraphMeta {key: 'scratch'}) RETURN m.purpose AS purpose")).map(
    (r) => r.purpose,
  );

describe('the scratch marker', () => {
  it('when a database holds data and no marker, then tests and bench refuse it unless ALLOW_RESET is set', async () => {
    await db.executor.write('CREATE (:Tool {id: "someones-tool", name: "Someone’s tool", sources: ["s"]})');
    const log: string[] = [];
    const refused = resolveScratchEndpoint(scratchConfig(), 'test', (m) => log.push(m));
    await expect(refused).rejects.toThrow(
      `Refusing to use the Neo4j at ${neo4j.uri} for the tests: it holds 1 nodes and no marker saying it was created for tests or benchmarks`,
    );
    await expect(resolveScratchEndpoint(scratchConfig(), 'bench', () => undefined)).rejects.toThrow(
      'Point BENCH_NEO4J_URI at a scratch database',
    );
    expect(await marker()).toEqual([]);

    const forced = await resolveScratchEndpoint(scratchConfig({ ALLOW_RESET: '1' }), 'test', (m) => log.push(m));
    expect(forced).toMatchObject({ uri: neo4j.uri, origin: 'configured' });
    expect(log).toEqual([`ALLOW_RESET is set: using ${neo4j.uri} although it has no scratch marker.`]);
    // The override is for that run only: the database is still not marked.
    expect(await marker()).toEqual([]);
  });

  it('when the database is empty, then it is marked, and a marked database is used although it holds data', async () => {
    await db.executor.write('MATCH (n) WHERE NOT n:CareerGraphMeta DETACH DELETE n');
    await resolveScratchEndpoint(scratchConfig(), 'bench', () => undefined);
    expect(await marker()).toEqual(['bench']);
    await db.executor.write('CREATE (:Tool {id: "a-tool", name: "A tool", sources: ["s"]})');
    await expect(resolveScratchEndpoint(scratchConfig(), 'test', () => undefined)).resolves.toMatchObject({
      uri: neo4j.uri,
    });
  });
});

describe('schema migration', () => {
  const schemaFile = path.join(__dirname, '..', '..', 'schema', 'constraints.cypher');
  const searchFields = async () =>
    (
      await db.executor.read(
        "SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = 'node_search' RETURN properties",
      )
    )[0]?.properties;
  const indexNames = async () =>
    (await db.executor.read('SHOW INDEXES YIELD name RETURN name')).map((r) => r.name as string);
  const recorded = async () => {
    const [row] = await db.executor.read(
      "MATCH (m:CareerGraphMeta {key: 'schema'}) RETURN m.definitions AS definitions, m.version AS version",
    );
    return {
      version: row.version as string,
      names: (JSON.parse(row.definitions as string) as { name: string }[]).map((d) => d.name),
    };
  };

  /** A repository root whose schema file is the committed one passed through `edit`. */
  async function rootWith(edit: (text: string) => string): Promise<string> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'cg-schema-'));
    await mkdir(path.join(root, 'schema'));
    await writeFile(path.join(root, 'schema', 'constraints.cypher'), edit(await readFile(schemaFile, 'utf8')));
    return root;
  }

  it('when a definition changes, is added or is removed, then the next start applies it, records it and logs it', async () => {
    const root = db.config.rootDir;
    expect(await applyDatabaseSchema(db.executor, root)).toEqual([]);
    expect(await searchFields()).toEqual(['name', 'aliases', 'alternateTitles', 'description', 'summary']);
    const before = await recorded();

    const changed = await rootWith(
      (text) =>
        text.replace(
          'ON EACH [n.name, n.aliases, n.alternateTitles, n.description, n.summary]',
          'ON EACH [n.name, n.aliases]',
        ) + '\nCREATE INDEX probe_name IF NOT EXISTS FOR (n:MigrationProbe) ON (n.name);\n',
    );
    const log: string[] = [];
    expect(await applyDatabaseSchema(db.executor, changed, (m) => log.push(m))).toEqual([
      { name: 'node_search', change: 'changed' },
      { name: 'probe_name', change: 'added' },
    ]);
    expect(await searchFields()).toEqual(['name', 'aliases']);
    expect(await indexNames()).toContain('probe_name');
    const after = await recorded();
    expect(after.version).not.toBe(before.version);
    expect(after.names).toContain('probe_name');
    expect(log).toEqual([
      `Database schema version ${after.version}; added: probe_name; changed (dropped and created again): node_search`,
    ]);
    // Applying the same file again changes nothing.
    expect(await applyDatabaseSchema(db.executor, changed)).toEqual([]);

    expect(await applyDatabaseSchema(db.executor, root)).toEqual([
      { name: 'node_search', change: 'changed' },
      { name: 'probe_name', change: 'removed' },
    ]);
    expect(await searchFields()).toEqual(['name', 'aliases', 'alternateTitles', 'description', 'summary']);
    expect(await indexNames()).not.toContain('probe_name');
    expect(await recorded()).toEqual(before);
  });
});

describe('seeding an empty graph', () => {
  it('when two processes seed it at the same moment, then one writes the seed and the other finds the graph full', async () => {
    await db.executor.write('MATCH (n) WHERE NOT n:CareerGraphMeta DETACH DELETE n');
    const other = await openDatabaseAt(neo4j.uri);
    try {
      const seed = [path.join(db.config.rootDir, 'seed')];
      const results = await Promise.all([
        loadIntoEmptyGraph(db.executor, seed),
        loadIntoEmptyGraph(other.executor, seed),
      ]);
      const written = results.filter((r) => r !== null);
      expect(written).toHaveLength(1);
      expect(written[0]!.nodesCreated).toBe(written[0]!.nodes);
      const [{ nodes }] = await db.executor.read('MATCH (n) WHERE NOT n:CareerGraphMeta RETURN count(n) AS nodes');
      expect(nodes).toBe(written[0]!.nodes);
    } finally {
      await other.close();
    }
  });
});

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ImportRepository } from '../../src/graph/repositories/import.repository';
import { loadGraphFiles } from '../../src/seed/load-graph';
import { DataFileError } from '../../src/seed/problems';
import { readDataFiles } from '../../src/seed/read-files';
import { validateDocuments } from '../../src/seed/validate';
import { uniquePrefix, type TestDatabase } from '../helpers/database';
import { openDatabaseAt, startPrivateNeo4j, type PrivateNeo4j } from '../helpers/private-neo4j';

// These tests reset and reload the whole graph, so they do it on a Neo4j of their own.
let neo4j: PrivateNeo4j;
let db: TestDatabase;
let seedDir: string;

const countGraph = async () => {
  const [row] = await db.executor.read(
    `MATCH (n) WHERE NOT n:CareerGraphMeta WITH count(n) AS nodes
     OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships`,
  );
  return row as { nodes: number; relationships: number };
};

async function writeTempFile(name: string, content: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cg-load-'));
  const file = path.join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  db = await openDatabaseAt(neo4j.uri);
  seedDir = path.join(db.config.rootDir, 'seed');
}, 120_000);
afterAll(async () => {
  await db?.close();
  await neo4j?.dispose();
});

describe('loading the seed', () => {
  it('when the seed is loaded twice, then the graph has the same nodes and relationships and the second load changes nothing', async () => {
    const first = await loadGraphFiles(db.executor, [seedDir], { reset: true });
    const afterFirst = await countGraph();
    const second = await loadGraphFiles(db.executor, [seedDir]);
    const afterSecond = await countGraph();

    expect(afterFirst).toEqual({ nodes: first.nodes, relationships: first.relationships });
    expect(afterSecond).toEqual(afterFirst);
    expect(first.nodesCreated).toBe(first.nodes);
    // Merged with what is stored (src/import/merge.ts): equal facts are not rewritten.
    expect(second).toMatchObject({
      nodesCreated: 0,
      nodesUpdated: 0,
      relationshipsCreated: 0,
      relationshipsUpdated: 0,
    });
  });

  it('when --reset is used, then nodes that are not in the seed are gone', async () => {
    const prefix = uniquePrefix('reset');
    await db.executor.write('CREATE (:Tool {id: $id, name: "Stray", sources: ["test"]})', { id: `${prefix}-stray` });
    await loadGraphFiles(db.executor, [seedDir], { reset: true });
    const rows = await db.executor.read('MATCH (n:Tool {id: $id}) RETURN n', { id: `${prefix}-stray` });
    expect(rows).toHaveLength(0);
  });

  it('when the graph is exported, then the export holds exactly the seed facts', async () => {
    await loadGraphFiles(db.executor, [seedDir], { reset: true });
    const exported = await new ImportRepository(db.executor).exportAll();
    const { documents } = await readDataFiles([seedDir]);
    const { batch } = await validateDocuments(documents);

    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    for (const group of batch.nodes) {
      const key = {
        ROLE: 'roles',
        TOOL: 'tools',
        SKILL: 'skills',
        FRAMEWORK: 'frameworks',
        EMPLOYER: 'employers',
        WORKFLOW: 'workflows',
        LANGUAGE: 'languages',
        CATEGORY: 'categories',
      }[group.kind] as keyof typeof exported;
      expect(byId(exported[key] as { id: string }[])).toEqual(byId(group.facts));
    }
    const relKey = (r: { type: string; from: string; to: string }) => `${r.type}|${r.from}|${r.to}`;
    const sortRels = <T extends { type: string; from: string; to: string }>(list: T[]) =>
      [...list].sort((a, b) => relKey(a).localeCompare(relKey(b)));
    expect(sortRels(exported.relationships ?? [])).toEqual(sortRels(batch.relationships));
  });

  it('when an export is imported into an emptied graph, then the same graph comes back', async () => {
    await loadGraphFiles(db.executor, [seedDir], { reset: true });
    const before = await countGraph();
    const file = await writeTempFile('export.json', await new ImportRepository(db.executor).exportAll());
    await loadGraphFiles(db.executor, [file], { reset: true });
    expect(await countGraph()).toEqual(before);
    const again = JSON.parse(await readFile(file, 'utf8'));
    expect(await new ImportRepository(db.executor).exportAll()).toEqual(again);
  });
});

describe('importing a user file', () => {
  beforeAll(async () => {
    await loadGraphFiles(db.executor, [seedDir], { reset: true });
  });

  it('when the file is valid, then its facts merge into the graph and may reference existing nodes', async () => {
    const prefix = uniquePrefix('import');
    const file = await writeTempFile('good.json', {
      version: 1,
      // The id is the slug of an alias, as the loader requires of an id that is not the name's.
      tools: [
        { id: `${prefix}-terraform`, name: 'Terraform', aliases: [`${prefix} Terraform`], sources: ['A user file'] },
      ],
      relationships: [
        { type: 'USES_TOOL', from: 'devops-engineer', to: `${prefix}-terraform`, sources: ['A user file'] },
      ],
    });
    const summary = await loadGraphFiles(db.executor, [file], { allowGraphReferences: true });
    expect(summary).toMatchObject({ nodesCreated: 1, relationshipsCreated: 1 });
    const rows = await db.executor.read(
      'MATCH (:Role {id: "devops-engineer"})-[r:USES_TOOL]->(t:Tool {id: $id}) RETURN t.name AS name, r.sources AS sources',
      { id: `${prefix}-terraform` },
    );
    expect(rows).toEqual([{ name: 'Terraform', sources: ['A user file'] }]);
  });

  it('when one entry among good ones is bad, then nothing is written and every problem is listed', async () => {
    const prefix = uniquePrefix('bad');
    const before = await countGraph();
    const file = await writeTempFile('mixed.json', {
      version: 1,
      tools: [
        { id: `${prefix}-good-one`, name: `${prefix} Good One`, sources: ['s'] },
        { id: `${prefix}-good-two`, name: `${prefix} Good Two`, sources: ['s'] },
        { id: `${prefix}-kubernetes`, name: 'Kubernetes', aliases: ['K8s'], sources: ['s'] },
      ],
      roles: [
        {
          id: `${prefix}-role`,
          name: `${prefix} Role`,
          sources: ['s'],
          salary: { min: 9, max: 1, currency: 'USD', period: 'YEAR', basis: 'BASE' },
        },
      ],
      relationships: [{ type: 'USES_TOOL', from: 'backend-engineer', to: `${prefix}-missing`, sources: ['s'] }],
    });
    const attempt = loadGraphFiles(db.executor, [file], { allowGraphReferences: true });
    await expect(attempt).rejects.toThrow(DataFileError);
    const error = (await attempt.catch((e: unknown) => e)) as DataFileError;
    expect(error.problems.map((p) => `${p.path}: ${p.reason}`)).toEqual([
      'roles[0].salary.min: min must not be greater than max',
      `tools[2].id: "${prefix}-kubernetes" is not the slug of the name ("kubernetes") or of an alias`,
      `relationships[0].to: unknown reference: no Tool "${prefix}-missing" in the files or the graph`,
    ]);
    expect(await countGraph()).toEqual(before);
  });

  // Without graph references too: `npm run seed` after a publisher import is the same mistake.
  it.each([true, false])(
    'when a file declares an id another kind holds in the graph (graph references %s), then nothing is written and the problem names it',
    async (allowGraphReferences) => {
      const prefix = uniquePrefix('cross-kind');
      const before = await countGraph();
      // backend-engineer is a Role in the seed; as a Tool it would give node(id) two answers.
      const file = await writeTempFile('cross-kind.json', {
        version: 1,
        tools: [
          { id: 'backend-engineer', name: 'Backend Engineer', sources: ['s'] },
          { id: `${prefix}-fine`, name: `${prefix} fine`, sources: ['s'] },
        ],
      });
      const attempt = loadGraphFiles(db.executor, [file], { allowGraphReferences });
      await expect(attempt).rejects.toThrow(DataFileError);
      const error = (await attempt.catch((e: unknown) => e)) as DataFileError;
      expect(error.problems.map((p) => `${p.path}: ${p.reason}`)).toEqual([
        'tools[0].id: id "backend-engineer" already belongs to a Role in the graph (ids are unique across kinds)',
      ]);
      expect(await countGraph()).toEqual(before);
    },
  );

  it('when the write itself fails part-way, then the transaction leaves the graph as it was', async () => {
    const prefix = uniquePrefix('rollback');
    const before = await countGraph();
    // A later statement failing must take the earlier writes of the same transaction with it.
    const repository = new ImportRepository(db.executor);
    await expect(
      db.executor.writeTransaction(async (run) => {
        await run('CREATE (:Tool {id: $id, name: "Half", sources: ["s"]})', { id: `${prefix}-half` });
        await run('RETURN 1/0');
      }),
    ).rejects.toThrow();
    expect(await countGraph()).toEqual(before);
    expect(await repository.existingIds('TOOL', [`${prefix}-half`])).toEqual(new Set());
  });
});

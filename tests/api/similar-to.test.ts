import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { refreshTransitionsAfter } from '../../src/cli/output';
import { DERIVED_TYPES, STATED_TYPES, writeRefusal } from '../../src/model/relationships';
import type { GraphFile } from '../../src/model/rules';
import { exportGraph } from '../../src/seed/export-graph';
import { loadGraphFiles } from '../../src/seed/load-graph';
import { DataFileError } from '../../src/seed/problems';
import type { TestDatabase } from '../helpers/database';
import { errorCodes, postGraphQL } from '../helpers/http-client';
import { openDatabaseAt, startPrivateNeo4j, type PrivateNeo4j } from '../helpers/private-neo4j';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * SIMILAR_TO, the derived type of the relationship table: read through the fields the table
 * generates (compared with the stored edges and with `transitions`), refused by every write
 * (link, unlink, data files), left out of an export and recomputed by the import that reads it.
 * A private Neo4j holding the seed, since the round trip replaces the whole graph.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const TOKEN = `tok-${randomBytes(24).toString('hex')}`;

let neo4j: PrivateNeo4j;
let db: TestDatabase;
let server: TestServer;
let dir: string;

/** The seed loaded as `npm run seed` loads it: the files, then the stored transitions. */
async function load(files: string[], reset: boolean): Promise<void> {
  const summary = await loadGraphFiles(db.executor, files, { reset });
  await refreshTransitionsAfter(db.executor, summary, reset);
}

beforeAll(async () => {
  neo4j = await startPrivateNeo4j();
  db = await openDatabaseAt(neo4j.uri, { API_TOKEN: TOKEN, NEO4J_TX_TIMEOUT_MS: '120000' });
  await load([path.join(ROOT, 'seed')], true);
  server = await startTestServer(db);
  dir = await mkdtemp(path.join(os.tmpdir(), 'cg-similar-to-'));
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await db?.close();
  await neo4j?.dispose();
});

const query = async (text: string, variables?: Record<string, unknown>, token?: string) => {
  const answer = await postGraphQL(
    server.url,
    text,
    variables,
    token === undefined ? {} : { authorization: `Bearer ${token}` },
  );
  return answer;
};

interface StoredEdge {
  from: string;
  to: string;
  rank: number;
  score: number;
  borrowed: boolean;
}

/** The stored transitions, read with Cypher: the oracle of what the API answers. */
async function storedEdges(): Promise<StoredEdge[]> {
  const rows = await db.executor.read(
    `MATCH (a:Role)-[s:${DERIVED_TYPES[0]}]->(b:Role)
     RETURN a.id AS from, b.id AS to, s.rank AS rank, s.score AS score, s.borrowed AS borrowed
     ORDER BY from, rank`,
  );
  return rows as unknown as StoredEdge[];
}

/** The role with the most stored transitions (ties by id), and those transitions by rank. */
async function busiestRole(): Promise<{ id: string; edges: StoredEdge[] }> {
  const all = await storedEdges();
  const counts = new Map<string, number>();
  for (const e of all) counts.set(e.from, (counts.get(e.from) ?? 0) + 1);
  const [id] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return { id, edges: all.filter((e) => e.from === id) };
}

describe('the fields the table generates for SIMILAR_TO', () => {
  it('when a role’s similarTo links are read by rank, then they are its stored transitions and the transitions answer', async () => {
    const { id, edges } = await busiestRole();
    expect(edges.length).toBeGreaterThan(1);
    const answer = await query(
      `query ($id: ID!) {
        role(id: $id) {
          similarTo(first: 1000, orderBy: RANK) { id }
          similarToLinks(first: 1000, orderBy: RANK) { role { id } score rank borrowed dataVersion }
          similarToCount
        }
        transitions(from: $id, first: 25, minSimilarity: 0) { role { id } similarity rank borrowed dataVersion }
      }`,
      { id },
    );
    expect(answer.body?.errors).toBeUndefined();
    const { role, transitions } = answer.body!.data;
    const links = role.similarToLinks as { role: { id: string }; score: number; rank: number; borrowed: boolean }[];
    expect(links.map((l) => ({ to: l.role.id, rank: l.rank, score: l.score, borrowed: l.borrowed }))).toEqual(
      edges.map((e) => ({ to: e.to, rank: e.rank, score: e.score, borrowed: e.borrowed })),
    );
    expect(role.similarTo.map((r: { id: string }) => r.id)).toEqual(edges.map((e) => e.to));
    expect(role.similarToCount).toBe(edges.length);
    // The same edges as the transitions API reads them (it keeps at most 25 per role).
    expect(
      transitions.map((t: { role: { id: string }; similarity: number; rank: number; borrowed: boolean }) => ({
        to: t.role.id,
        rank: t.rank,
        score: t.similarity,
        borrowed: t.borrowed,
      })),
    ).toEqual(links.slice(0, 25).map((l) => ({ to: l.role.id, rank: l.rank, score: l.score, borrowed: l.borrowed })));
    const versions = new Set(
      [...role.similarToLinks, ...transitions].map((l: { dataVersion: string }) => l.dataVersion),
    );
    expect(versions.size).toBe(1);
  });

  it('when a target’s similarFrom and the list filters are read, then they name the roles whose stored transitions include it', async () => {
    const { edges } = await busiestRole();
    const target = edges[0].to;
    const from = (await storedEdges())
      .filter((e) => e.to === target)
      .map((e) => e.from)
      .sort();
    const answer = await query(
      `query ($id: ID!) {
        role(id: $id) { similarFrom(first: 1000) { id } similarFromCount similarFromLinks(first: 1000) { role { id } rank } }
        bySimilarTo: roles(first: 100, filter: { similarTo: $id }) { totalCount edges { node { id } } }
      }`,
      { id: target },
    );
    expect(answer.body?.errors).toBeUndefined();
    const { role, bySimilarTo } = answer.body!.data;
    const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();
    expect(ids(role.similarFrom)).toEqual(from);
    expect(role.similarFromCount).toBe(from.length);
    expect(ids(role.similarFromLinks.map((l: { role: { id: string } }) => l.role))).toEqual(from);
    expect(bySimilarTo.totalCount).toBe(from.length);
    expect(ids(bySimilarTo.edges.map((e: { node: { id: string } }) => e.node))).toEqual(from);
  });
});

describe('writes of SIMILAR_TO', () => {
  const countEdges = async () => (await storedEdges()).length;

  it('when link or unlink names SIMILAR_TO, then BAD_USER_INPUT names the relation, says why, and nothing changes', async () => {
    const [edge] = await storedEdges();
    const before = await storedEdges();
    const link = await query(
      `mutation ($from: ID!, $to: ID!) { link(from: $from, relation: SIMILAR_TO, to: $to, properties: { note: "mine" }) { created } }`,
      { from: edge.to, to: edge.from },
      TOKEN,
    );
    const unlink = await query(
      `mutation ($from: ID!, $to: ID!) { unlink(from: $from, relation: SIMILAR_TO, to: $to) }`,
      { from: edge.from, to: edge.to },
      TOKEN,
    );
    for (const answer of [link, unlink]) {
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.body!.errors[0].extensions).toMatchObject({
        field: 'relation',
        problems: [{ field: 'relation', message: writeRefusal('SIMILAR_TO') }],
      });
      expect(answer.body!.errors[0].message).toContain('derived');
    }
    expect(await storedEdges()).toEqual(before);
    expect(await countEdges()).toBeGreaterThan(0);
  });

  it('when a data file states SIMILAR_TO, then the loader refuses it with its file, path and reason and writes nothing', async () => {
    const [edge] = await storedEdges();
    const file = path.join(dir, 'similar.json');
    const facts = {
      version: 1,
      relationships: [
        { type: 'SIMILAR_TO', from: edge.to, to: edge.from, properties: { score: 0.5, rank: 1 }, sources: ['Mine'] },
      ],
    };
    await writeFile(file, JSON.stringify(facts));
    const before = await storedEdges();
    const refused = await loadGraphFiles(db.executor, [file], { allowGraphReferences: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DataFileError);
    expect((refused as DataFileError).problems).toEqual([
      { file, path: 'relationships[0].type', reason: writeRefusal('SIMILAR_TO') },
    ]);
    expect(await storedEdges()).toEqual(before);
  });
});

describe('export and import of a derived type', () => {
  it('when the graph is exported, then the snapshot holds no SIMILAR_TO; imported with --replace, the same SIMILAR_TO are recomputed', async () => {
    const before = await storedEdges();
    expect(before.length).toBeGreaterThan(0);
    const [stated] = await db.executor.read('MATCH ()-[r]->() WHERE type(r) IN $types RETURN count(r) AS n', {
      types: STATED_TYPES,
    });
    const file = path.join(dir, 'snapshot.json');
    const exported = await exportGraph(db.executor, file);
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as GraphFile;
    const types = new Set((snapshot.relationships ?? []).map((r) => r.type as string));
    expect(DERIVED_TYPES.filter((t) => types.has(t))).toEqual([]);
    expect(exported.relationships).toBe(stated.n);

    // What `npm run import -- --replace <file>` does once confirmed: the graph becomes the file, then the transitions.
    await load([file], true);
    const round = (edges: StoredEdge[]) => edges.map((e) => ({ ...e, score: Number(e.score.toFixed(12)) }));
    expect(round(await storedEdges())).toEqual(round(before));
  }, 120_000);
});

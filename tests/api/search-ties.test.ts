import { SEARCH_PROBE_FACTOR } from '../../src/graph/cypher/read.cypher';
import { openTestDatabase, uniquePrefix, type TestDatabase } from '../helpers/database';
import { postGraphQL } from '../helpers/http-client';
import { deleteByPrefix } from '../helpers/random-graph';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * A search first takes the index's best hits only (src/graph/cypher/read.cypher.ts `search`). The
 * index breaks ties by the order nodes were written, the page by name: here more nodes tie than
 * that first take holds, written in the reverse of their names' order, so a page made from it
 * alone would hold the wrong ones.
 */

const prefix = uniquePrefix('search-ties');
/** A word no other node holds: the tied nodes are named by it and a number. */
const word = `tie${prefix.replace(/[^a-z0-9]/g, '')}`;
const TIED = 30;
const names = Array.from({ length: TIED }, (_, i) => `${word} ${String(i + 1).padStart(2, '0')}`);

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startTestServer(db);
  // One transaction each, last name first: the index then holds them in that order.
  for (const [i, name] of [...names.entries()].reverse()) {
    await db.executor.write(`CREATE (:Skill {id: $id, name: $name, sources: ['Test']})`, {
      id: `${prefix}-${i}`,
      name,
    });
  }
});

afterAll(async () => {
  await server?.stop();
  if (db) {
    await deleteByPrefix(db.executor, prefix);
    await db.close();
  }
});

async function search(text: string, first: number, kinds: string[] | null = null) {
  const answer = await postGraphQL(
    server.url,
    'query ($text: String!, $first: Int!, $kinds: [NodeKind!]) { search(text: $text, first: $first, kinds: $kinds) { score node { name } } }',
    { text, first, kinds },
  );
  expect(answer.body?.errors).toBeUndefined();
  return answer.body!.data.search as { score: number; node: { name: string } }[];
}

describe('ties across the first take of the index', () => {
  it.each([1, 5, 10, 14])(
    'when %i are asked of more tied hits than the first take holds, then they are the first by name',
    async (first) => {
      expect(first * SEARCH_PROBE_FACTOR).toBeLessThan(TIED);
      const hits = await search(word, first);
      expect(hits.map((h) => h.node.name)).toEqual(names.slice(0, first));
      expect(new Set(hits.map((h) => h.score)).size).toBe(1);
    },
  );

  it('when every tied hit fits in the first take, then the page is still the first by name', async () => {
    const hits = await search(word, 50);
    expect(hits.map((h) => h.node.name)).toEqual(names);
  });

  it('when the search is narrowed to their kind, then the page is the same', async () => {
    expect(await search(word, 10, ['SKILL'])).toEqual(await search(word, 10));
  });
});

import { labelOf, NODE_KINDS, NODE_KIND_NAMES } from '../../src/model/kinds';
import { DERIVED_TYPES } from '../../src/model/relationships';
import { spawnApp, type AppProcess } from '../helpers/app-process';
import { openTestDatabase, type TestDatabase } from '../helpers/database';

/* What `npm start` tells a person: the built app as its own process, its JSON log lines read back. */

let db: TestDatabase;
let app: AppProcess | undefined;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await app?.kill();
  await db.close();
});

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

async function startupLines(): Promise<LogLine[]> {
  app = await spawnApp({
    NEO4J_URI: process.env.CAREER_GRAPH_TEST_NEO4J_URI ?? db.config.neo4j.uri!,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'info',
  });
  // The last startup line is written once the server answers; wait for it rather than race it.
  const deadline = Date.now() + 10_000;
  while (!app.output().includes('serving GraphQL') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  return app
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogLine);
}

describe('the startup log', () => {
  it('when the app starts with stdout not a terminal, then it writes JSON lines naming Node, Neo4j, the data and the URLs', async () => {
    const lines = await startupLines();
    const find = (pattern: RegExp) => {
      const line = lines.find((l) => pattern.test(l.msg));
      expect({ pattern: String(pattern), found: line !== undefined }).toEqual({
        pattern: String(pattern),
        found: true,
      });
      return line!;
    };

    expect(find(/^Career Graph starting on Node /)).toMatchObject({ startup: { node: process.version } });

    const uri = process.env.CAREER_GRAPH_TEST_NEO4J_URI ?? db.config.neo4j.uri!;
    const neo4j = find(/^Neo4j 5\.\d+/);
    expect(neo4j).toMatchObject({ startup: { neo4j: uri, origin: 'configured' } });
    expect(neo4j.msg).toContain(`at ${uri} (NEO4J_URI;`);

    const expected = Object.fromEntries(
      await Promise.all(
        NODE_KIND_NAMES.map(async (kind) => {
          const [row] = await db.executor.read(`MATCH (n:${labelOf(kind)}) RETURN count(n) AS n`);
          return [kind, row.n as number];
        }),
      ),
    );
    // Facts and the derived edges (stored transitions) computed from them, counted apart.
    const [rels] = await db.executor.read(
      'MATCH ()-[r]->() RETURN sum(CASE WHEN type(r) IN $derived THEN 0 ELSE 1 END) AS n, sum(CASE WHEN type(r) IN $derived THEN 1 ELSE 0 END) AS derived',
      { derived: DERIVED_TYPES },
    );
    const data = find(/^Data: /);
    expect(data).toMatchObject({
      startup: {
        nodes: expected,
        relationships: rels.n,
        derived: rels.derived,
        data: 'the graph as found (SEED_ON_START=false)',
      },
    });
    for (const kind of NODE_KIND_NAMES) expect(data.msg).toContain(`${expected[kind]} ${NODE_KINDS[kind].fileKey}`);

    const serving = find(/^Career Graph is serving GraphQL at /);
    expect(serving).toMatchObject({
      startup: {
        api: app!.url,
        sandbox: app!.url,
        explorer: `${app!.base}/explore`,
        graphiql: `${app!.base}/graphiql`,
      },
    });
  });
});

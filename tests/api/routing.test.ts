import { randomBytes } from 'node:crypto';
import neo4j, { type Driver, type SessionConfig } from 'neo4j-driver';
import { createDriver } from '../../src/graph/driver';
import { routingUri } from '../../src/neo4j-endpoint';
import { openTestDatabase, uniquePrefix, type TestDatabase } from '../helpers/database';
import { errorMessages, postGraphQL } from '../helpers/http-client';
import { deleteByPrefix } from '../helpers/random-graph';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * The scale-out path on the tests' single server: through a neo4j:// URI the driver fetches a
 * routing table (a single server answers the routing protocol, naming itself in every role), and
 * the API opens read-mode sessions for queries and write-mode ones for mutations, which is what
 * lets a cluster send reads to followers. Where reads land on a real cluster only a cluster shows.
 */

const TOKEN = `tok-${randomBytes(24).toString('hex')}`;
const prefix = uniquePrefix('routing');

let db: TestDatabase;
let driver: Driver;
let server: TestServer;
/** The access mode of every session the API opened, in order. */
const modes: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase({ API_TOKEN: TOKEN });
  driver = createDriver(routingUri(db.config.neo4j.uri!), db.config.neo4j);
  const session = driver.session.bind(driver);
  jest.spyOn(driver, 'session').mockImplementation((config?: SessionConfig) => {
    modes.push(config?.defaultAccessMode ?? 'unset');
    return session(config);
  });
  server = await startTestServer(db, driver);
});
afterAll(async () => {
  await server?.stop();
  await driver?.close();
  if (db) {
    await deleteByPrefix(db.executor, prefix);
    await db.close();
  }
});

/** The access modes of the sessions one request opened. */
async function sessionModes(query: string, headers: Record<string, string> = {}): Promise<string[]> {
  modes.length = 0;
  const answer = await postGraphQL(server.url, query, undefined, headers);
  expect(errorMessages(answer)).toEqual([]);
  expect(answer.status).toBe(200);
  return [...modes];
}

describe('a routing URI against the tests’ single server', () => {
  it('when the driver connects, then it fetches a routing table that names this server in every role', async () => {
    const logs: string[] = [];
    const uri = routingUri(db.config.neo4j.uri!);
    const url = new URL(uri.replace(/^neo4j(\+s|\+ssc)?:/, 'http:'));
    const address = url.port ? url.host : `${url.host}:7687`;
    const watched = neo4j.driver(uri, neo4j.auth.basic(db.config.neo4j.user, db.config.neo4j.password), {
      logging: { level: 'info', logger: (_level, message) => logs.push(message) },
    });
    try {
      await watched.verifyConnectivity();
      expect((await watched.getServerInfo()).address).toBe(address);
      expect(await watched.supportsMultiDb()).toBe(true);
      await watched.executeQuery('RETURN 1', {}, { routing: neo4j.routing.READ, database: db.config.neo4j.database });
    } finally {
      await watched.close();
    }
    const tables = logs.filter((message) => message.startsWith('Updated routing table'));
    expect(tables.length).toBeGreaterThan(0);
    // A server advertising another address (its default is localhost:7687) would send the
    // routed statements to whichever Neo4j owns that one.
    for (const role of ['routers', 'readers', 'writers']) {
      expect(tables.at(-1)).toContain(`${role}=[${address}]`);
    }
  });

  it('when a query runs, then every session the API opens is a read-mode one', async () => {
    const opened = await sessionModes('{ roles(first: 3) { edges { node { id name tools { id } } } } }');
    expect(opened.length).toBeGreaterThan(0);
    expect(new Set(opened)).toEqual(new Set([neo4j.session.READ]));
  });

  it('when a mutation runs, then it writes in a write-mode session', async () => {
    const opened = await sessionModes(
      `mutation { upsertTool(input: { id: "${prefix}-tool", name: "Routed" }) { id name } }`,
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(opened).toContain(neo4j.session.WRITE);
    const rows = await db.executor.read('MATCH (t:Tool {id: $id}) RETURN t.name AS name', { id: `${prefix}-tool` });
    expect(rows).toEqual([{ name: 'Routed' }]);
  });
});

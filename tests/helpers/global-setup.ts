import path from 'node:path';
import { loadConfig } from '../../src/config';
import { resolveNeo4jEndpoint } from '../../src/neo4j-endpoint';
import { loadGraphFiles } from '../../src/seed/load-graph';
import { openDatabaseAt, startPrivateNeo4j } from './private-neo4j';

type SetupGlobals = { __releaseNeo4j?: () => Promise<void>; __releaseSeededNeo4j?: () => Promise<void> };

/**
 * Makes sure a Neo4j answers before any integration test: NEO4J_URI if set, else one already
 * on the local port, else the embedded one, started here and stopped by the teardown. Suites
 * there keep to their own unique id prefixes.
 *
 * Suites that need exactly the seed (lists, counts, examples) read a second, private Neo4j
 * that holds the seed and nothing else: it is loaded once here, and no suite resets it (a
 * suite that adds to it removes what it added).
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  const log = (msg: string) => process.stderr.write(`[neo4j] ${msg}\n`);
  const endpoint = await resolveNeo4jEndpoint(config, log);
  const globals = globalThis as SetupGlobals;
  globals.__releaseNeo4j = endpoint.release;
  process.env.CAREER_GRAPH_TEST_NEO4J_URI = endpoint.uri;

  const seeded = await startPrivateNeo4j();
  globals.__releaseSeededNeo4j = () => seeded.dispose();
  try {
    // A fresh database is slow to plan its first statements; give the one-off load time.
    const db = await openDatabaseAt(seeded.uri, { NEO4J_TX_TIMEOUT_MS: '120000' });
    try {
      await loadGraphFiles(db.executor, [path.join(config.rootDir, 'seed')]);
    } finally {
      await db.close();
    }
  } catch (error) {
    // Jest runs no teardown when the setup fails: stop what was started here.
    await seeded.dispose();
    throw error;
  }
  log(`The seeded test graph is ready at ${seeded.uri}.`);
  process.env.CAREER_GRAPH_TEST_SEEDED_URI = seeded.uri;
}

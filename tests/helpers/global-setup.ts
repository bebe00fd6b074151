import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { resolveScratchEndpoint, routingUri } from '../../src/neo4j-endpoint';
import { loadGraphFiles } from '../../src/seed/load-graph';
import { openDatabaseAt, startPrivateNeo4j } from './private-neo4j';

type SetupGlobals = { __releaseNeo4j?: () => Promise<void>; __releaseSeededNeo4j?: () => Promise<void> };

/**
 * Makes sure the tests' own Neo4j answers before any integration test: TEST_NEO4J_URI if set,
 * else the embedded one on TEST_NEO4J_PORT with its data in TEST_NEO4J_DIR (started here and
 * stopped by the teardown, or reused if already up). NEO4J_URI and the development Neo4j are
 * never used, and a database without the scratch marker is refused before any test resets it.
 * TEST_NEO4J_ROUTING=true reaches both Neo4j below through neo4j:// URIs (see "Scaling out").
 * Suites there keep to their own unique id prefixes.
 *
 * Suites that need exactly the seed (lists, counts, examples) read a second, private Neo4j
 * that holds the seed and nothing else: it is loaded once here, and no suite resets it (a
 * suite that adds to it removes what it added). Suites that read the real data share a third
 * (see ./real-data), started by the first of them; this names the file it is recorded in.
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  const log = (msg: string) => process.stderr.write(`[neo4j] ${msg}\n`);
  const endpoint = await resolveScratchEndpoint(config, 'test', log);
  const globals = globalThis as SetupGlobals;
  globals.__releaseNeo4j = endpoint.release;
  process.env.CAREER_GRAPH_TEST_NEO4J_URI = endpoint.uri;
  // Whatever in a test reads the ordinary setting (a spawned CLI or app inherits it) reaches
  // the test database as well, not the one the developer works with.
  process.env.NEO4J_URI = endpoint.uri;

  const started = await startPrivateNeo4j();
  globals.__releaseSeededNeo4j = () => started.dispose();
  // With TEST_NEO4J_ROUTING every suite talks the routing protocol, the seeded graph's too.
  const seeded = config.scratch.test.routing ? { ...started, uri: routingUri(started.uri) } : started;
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
    await started.dispose();
    throw error;
  }
  log(`The seeded test graph is ready at ${seeded.uri}.`);
  process.env.CAREER_GRAPH_TEST_SEEDED_URI = seeded.uri;
  process.env.CAREER_GRAPH_TEST_REAL_DATA_STATE = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'careergraph-real-data-')),
    'state.json',
  );
}

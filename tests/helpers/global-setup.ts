import { loadConfig } from '../../src/config';
import { resolveScratchEndpoint } from '../../src/neo4j-endpoint';

/**
 * Makes sure the tests' own Neo4j answers before any integration test: TEST_NEO4J_URI if set,
 * else the embedded one on TEST_NEO4J_PORT with its data in TEST_NEO4J_DIR (started here and
 * stopped by the teardown, or reused if already up). NEO4J_URI and the development Neo4j are
 * never used, and a database without the scratch marker is refused before any test resets it.
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  const endpoint = await resolveScratchEndpoint(config, 'test', (msg) => process.stderr.write(`[neo4j] ${msg}\n`));
  (globalThis as { __releaseNeo4j?: () => Promise<void> }).__releaseNeo4j = endpoint.release;
  process.env.CAREER_GRAPH_TEST_NEO4J_URI = endpoint.uri;
  // Whatever in a test reads the ordinary setting (a spawned CLI or app inherits it) reaches
  // the test database as well, not the one the developer works with.
  process.env.NEO4J_URI = endpoint.uri;
}

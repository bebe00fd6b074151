import { loadConfig } from '../../src/config';
import { resolveNeo4jEndpoint } from '../../src/neo4j-endpoint';

/**
 * Makes sure a Neo4j answers before any integration test: NEO4J_URI if set, else one already
 * on the local port, else the embedded one, started here and stopped by the teardown.
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  const endpoint = await resolveNeo4jEndpoint(config, (msg) => process.stderr.write(`[neo4j] ${msg}\n`));
  (globalThis as { __releaseNeo4j?: () => Promise<void> }).__releaseNeo4j = endpoint.release;
  process.env.CAREER_GRAPH_TEST_NEO4J_URI = endpoint.uri;
}

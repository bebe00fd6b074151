import type { Config, LocalNeo4jConfig, ScratchPurpose } from './config';
import { createDriver } from './graph/driver';
import { Executor, executorOptions } from './graph/executor';
import { claimScratchDatabase } from './graph/scratch-marker';
import { startLocalNeo4j, stopLocalNeo4j } from './local-neo4j';

export interface Neo4jEndpoint {
  uri: string;
  /** configured: a URI from the environment; reused: a Neo4j already answering locally; started: we started it. */
  origin: 'configured' | 'reused' | 'started';
  /** Stops the local Neo4j if this process started it; otherwise does nothing. */
  release(): Promise<void>;
}

type Log = (msg: string) => void;

async function endpointFor(uri: string | undefined, local: LocalNeo4jConfig, log: Log): Promise<Neo4jEndpoint> {
  if (uri) return { uri, origin: 'configured', release: async () => undefined };
  const started = await startLocalNeo4j(local, log);
  if (!started.startedByUs) return { uri: started.uri, origin: 'reused', release: async () => undefined };
  return {
    uri: started.uri,
    origin: 'started',
    release: async () => {
      await stopLocalNeo4j(local, log);
    },
  };
}

/**
 * Decides which Neo4j to talk to: the configured one, else one already answering on the local
 * port, else the embedded one, started here and stopped by `release()`.
 */
export function resolveNeo4jEndpoint(config: Config, log: Log): Promise<Neo4jEndpoint> {
  return endpointFor(config.neo4j.uri, config.local, log);
}

/** The same server through the routing protocol: bolt:// becomes neo4j://, bolt+s:// neo4j+s://. */
export function routingUri(uri: string): string {
  return uri.replace(/^bolt(?=(\+s|\+ssc)?:\/\/)/, 'neo4j');
}

/**
 * The tests' or the bench's own Neo4j: TEST_NEO4J_URI / BENCH_NEO4J_URI if set, else their own
 * embedded one (its own port and folder), never NEO4J_URI or the development Neo4j; through
 * neo4j:// when `routing` is set (TEST_NEO4J_ROUTING). It is
 * returned only once it carries the scratch marker (see claimScratchDatabase).
 */
export async function resolveScratchEndpoint(
  config: Config,
  purpose: ScratchPurpose,
  log: Log,
): Promise<Neo4jEndpoint> {
  const { uri, local, routing } = config.scratch[purpose];
  const found = await endpointFor(uri, local, log);
  // A configured URI is used as given; the embedded one may be reached as a cluster would be.
  const endpoint = routing && found.origin !== 'configured' ? { ...found, uri: routingUri(found.uri) } : found;
  const driver = createDriver(endpoint.uri, config.neo4j);
  try {
    const executor = new Executor(driver, executorOptions(config.neo4j));
    const claim = await claimScratchDatabase(executor, purpose, { allowReset: config.allowReset, where: endpoint.uri });
    if (claim === 'forced') log(`ALLOW_RESET is set: using ${endpoint.uri} although it has no scratch marker.`);
    return endpoint;
  } catch (error) {
    await endpoint.release();
    throw error;
  } finally {
    await driver.close();
  }
}

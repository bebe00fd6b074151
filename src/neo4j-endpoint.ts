import type { Config } from './config';
import { startLocalNeo4j, stopLocalNeo4j } from './local-neo4j';

export interface Neo4jEndpoint {
  uri: string;
  /** configured: NEO4J_URI; reused: a Neo4j already answering locally; started: we started it. */
  origin: 'configured' | 'reused' | 'started';
  /** Stops the local Neo4j if this process started it; otherwise does nothing. */
  release(): Promise<void>;
}

/**
 * Decides which Neo4j to talk to: the configured one, else one already answering on the local
 * port, else the embedded one, started here and stopped by `release()`.
 */
export async function resolveNeo4jEndpoint(config: Config, log: (msg: string) => void): Promise<Neo4jEndpoint> {
  if (config.neo4j.uri) return { uri: config.neo4j.uri, origin: 'configured', release: async () => undefined };
  const started = await startLocalNeo4j(config.local, log);
  if (!started.startedByUs) return { uri: started.uri, origin: 'reused', release: async () => undefined };
  return {
    uri: started.uri,
    origin: 'started',
    release: async () => {
      await stopLocalNeo4j(config.local, log);
    },
  };
}

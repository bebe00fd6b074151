import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { installBoltMapDecoding } from './bolt-maps';

/**
 * One driver per process. Timeouts are kept short so that a dead database is reported within
 * seconds instead of after the driver's 30–60 s defaults.
 */
export function createDriver(uri: string, cfg: Config['neo4j']): Driver {
  installBoltMapDecoding();
  return neo4j.driver(uri, neo4j.auth.basic(cfg.user, cfg.password), {
    connectionTimeout: cfg.connectTimeoutMs,
    connectionAcquisitionTimeout: cfg.connectTimeoutMs,
    // Retries back off exponentially; a short budget bounds the answer during an outage to
    // about the connection timeout plus this.
    maxTransactionRetryTime: cfg.maxRetryMs,
    maxConnectionPoolSize: 50,
    // Integers arrive as numbers: every count, rank and year would otherwise be decoded into an
    // Integer object only to be turned into a number (mapping.ts). None of the graph's values
    // comes near 2^53.
    disableLosslessIntegers: true,
    userAgent: 'career-graph',
  });
}

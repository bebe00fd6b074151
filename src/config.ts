import path from 'node:path';
import { z } from 'zod';

/**
 * The only module that reads process.env. Every setting is declared once here with its type,
 * default and meaning; a bad value stops the process at start with the variable's name.
 */

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'expected true or false',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const intFromEnv = (min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(min, `expected at least ${min}`)
    .max(max, `expected at most ${max}`);

const neo4jUri = z
  .string()
  .regex(
    /^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s]+$/,
    'expected a Neo4j URI such as bolt://host:7687, neo4j://host or neo4j+s://host',
  );

const memorySize = z.string().regex(/^\d+[kmg]$/i, 'expected a size such as 512m or 1g');

const envSchema = z.object({
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default('careergraph'),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'expected a Neo4j database name')
    .optional(),
  NEO4J_TX_TIMEOUT_MS: intFromEnv(100, 600_000).default(10_000),
  NEO4J_CONNECT_TIMEOUT_MS: intFromEnv(100, 60_000).default(3_000),
  NEO4J_MAX_RETRY_MS: intFromEnv(0, 60_000).default(1_000),
  NEO4J_LOAD_TIMEOUT_MS: intFromEnv(1_000, 86_400_000).default(600_000),
  NEO4J_LOCAL_HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_LOCAL_PORT: intFromEnv(1, 65_535).default(7687),
  NEO4J_LOCAL_DIR: z.string().min(1).default('.neo4j'),
  NEO4J_LOCAL_HEAP: memorySize.default('512m'),
  NEO4J_LOCAL_PAGECACHE: memorySize.default('256m'),
  TEST_NEO4J_URI: neo4jUri.optional(),
  TEST_NEO4J_PORT: intFromEnv(1, 65_535).default(7688),
  TEST_NEO4J_DIR: z.string().min(1).default('.neo4j-test'),
  TEST_NEO4J_ROUTING: boolFromEnv.default(false),
  BENCH_NEO4J_URI: neo4jUri.optional(),
  BENCH_NEO4J_PORT: intFromEnv(1, 65_535).default(7689),
  BENCH_NEO4J_DIR: z.string().min(1).default('.neo4j-bench'),
  ALLOW_RESET: boolFromEnv.default(false),
  BACKUP_DIR: z.string().min(1).default('backups'),
  PORT: intFromEnv(0, 65_535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  SEED_ON_START: boolFromEnv.default(true),
  WARM_UP_ON_START: boolFromEnv.default(true),
  SHUTDOWN_GRACE_MS: intFromEnv(0, 120_000).default(10_000),
  API_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  CORS_ORIGINS: z
    .string()
    .regex(
      /^(\*|https?:\/\/[^\s,]+(,\s*https?:\/\/[^\s,]+)*)$/,
      'expected * or a comma-separated list of origins such as https://app.example.com',
    )
    .optional(),
  INTROSPECTION: boolFromEnv.optional(),
  LANDING_PAGE: boolFromEnv.optional(),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'expected a size such as 100kb or 1mb')
    .default('100kb'),
  CACHE_MAX_AGE: intFromEnv(0, 31_536_000).default(60),
  MAX_QUERY_DEPTH: intFromEnv(1, 100).default(12),
  MAX_QUERY_ALIASES: intFromEnv(0, 1000).default(15),
  MAX_QUERY_TOKENS: intFromEnv(100, 1_000_000).default(5000),
  MAX_QUERY_COST: intFromEnv(1, 100_000_000).default(100_000),
  HEAVY_QUERY_COST: intFromEnv(1, 100_000_000).default(500),
  HEAVY_QUERY_CONCURRENCY: intFromEnv(1, 1000).default(2),
  HEAVY_QUERY_WAIT_MS: intFromEnv(0, 600_000).default(30_000),
  COMPILED_QUERY_CACHE: intFromEnv(1, 100_000).default(1000),
  HEAP_GROWING_PERCENT: intFromEnv(0, 1000).default(50),
});

export interface LocalNeo4jConfig {
  host: string;
  port: number;
  /** Absolute folder for the embedded database's data, logs, classpath and pid file. */
  dir: string;
  heap: string;
  pageCache: string;
}

/** Who a scratch database (one that may be emptied at will) belongs to. */
export type ScratchPurpose = 'test' | 'bench';

/** Where the tests or the bench find their own Neo4j; never NEO4J_URI or the local one. */
export interface ScratchDatabaseConfig {
  /** TEST_NEO4J_URI / BENCH_NEO4J_URI; unset: their own embedded Neo4j, `local`. */
  uri?: string;
  local: LocalNeo4jConfig;
  /** Reach the embedded Neo4j (and the tests' seeded one) through a routing URI, neo4j://. */
  routing: boolean;
}

export interface Config {
  neo4j: {
    /** Set when the user points at their own Neo4j; otherwise the local one is used or started. */
    uri?: string;
    user: string;
    password: string;
    database?: string;
    txTimeoutMs: number;
    connectTimeoutMs: number;
    /** How long the driver retries a failed transaction; keeps an outage's answer within seconds. */
    maxRetryMs: number;
    /** Seeding, imports and exports run far longer than an API read; they get their own limit. */
    loadTimeoutMs: number;
  };
  local: LocalNeo4jConfig;
  scratch: Record<ScratchPurpose, ScratchDatabaseConfig>;
  /** Lets tests and the bench reset a database that lacks the scratch marker (ALLOW_RESET). */
  allowReset: boolean;
  /** Absolute folder for the snapshots taken before a destructive command. */
  backupDir: string;
  http: {
    port: number;
    host: string;
    shutdownGraceMs: number;
    /** Schema introspection and the Sandbox landing page: on outside production unless set. */
    introspection: boolean;
    landingPage: boolean;
    bodyLimit: string;
    /** Browser origins other than this server's that may call the API: '*' or a list. */
    corsOrigins: '*' | string[];
    /** Seconds a CDN or browser may keep a successful GET query's answer; 0: never cached. */
    cacheMaxAge: number;
  };
  /** Bearer token that mutations require; unset means writes are disabled. */
  apiToken?: string;
  limits: {
    depth: number;
    aliases: number;
    tokens: number;
    cost: number;
    /** Operations costing at least `heavyCost` run at most `heavyConcurrency` at a time... */
    heavyCost: number;
    heavyConcurrency: number;
    /** ...and wait at most this long for their turn. */
    heavyWaitMs: number;
    /** Compiled query documents kept (least recently used dropped first). */
    compiledQueries: number;
  };
  /** V8's old-generation growth past the last full collection, in percent; 0: V8's own (src/heap.ts). */
  heapGrowingPercent: number;
  env: 'development' | 'production' | 'test';
  logLevel: (typeof logLevels)[number];
  seedOnStart: boolean;
  /** Plan the slowest-to-plan statements once the API serves (src/graph/warm-up.ts). */
  warmUpOnStart: boolean;
  /** Repository root: where seed/, schema/ and neo4j/ live. */
  rootDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Both src/ (tests) and dist/ (built) sit directly under the repository root.
const rootDir = path.resolve(__dirname, '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as they do in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  // The embedded runtimes differ only in port and folder; host, heap and page cache are shared.
  const localNeo4j = (port: number, dir: string): LocalNeo4jConfig =>
    Object.freeze({
      host: e.NEO4J_LOCAL_HOST,
      port,
      dir: path.resolve(rootDir, dir),
      heap: e.NEO4J_LOCAL_HEAP,
      pageCache: e.NEO4J_LOCAL_PAGECACHE,
    });
  return Object.freeze({
    neo4j: Object.freeze({
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      txTimeoutMs: e.NEO4J_TX_TIMEOUT_MS,
      connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
      maxRetryMs: e.NEO4J_MAX_RETRY_MS,
      loadTimeoutMs: e.NEO4J_LOAD_TIMEOUT_MS,
    }),
    local: localNeo4j(e.NEO4J_LOCAL_PORT, e.NEO4J_LOCAL_DIR),
    scratch: Object.freeze({
      test: Object.freeze({
        uri: e.TEST_NEO4J_URI,
        local: localNeo4j(e.TEST_NEO4J_PORT, e.TEST_NEO4J_DIR),
        routing: e.TEST_NEO4J_ROUTING,
      }),
      bench: Object.freeze({
        uri: e.BENCH_NEO4J_URI,
        local: localNeo4j(e.BENCH_NEO4J_PORT, e.BENCH_NEO4J_DIR),
        routing: false,
      }),
    }),
    allowReset: e.ALLOW_RESET,
    backupDir: path.resolve(rootDir, e.BACKUP_DIR),
    http: Object.freeze({
      port: e.PORT,
      host: e.HOST,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      introspection: e.INTROSPECTION ?? e.NODE_ENV !== 'production',
      landingPage: e.LANDING_PAGE ?? e.NODE_ENV !== 'production',
      bodyLimit: e.BODY_LIMIT.toLowerCase(),
      corsOrigins: e.CORS_ORIGINS === '*' ? '*' : (e.CORS_ORIGINS?.split(',').map((o) => o.trim()) ?? []),
      cacheMaxAge: e.CACHE_MAX_AGE,
    }),
    apiToken: e.API_TOKEN,
    limits: Object.freeze({
      depth: e.MAX_QUERY_DEPTH,
      aliases: e.MAX_QUERY_ALIASES,
      tokens: e.MAX_QUERY_TOKENS,
      cost: e.MAX_QUERY_COST,
      heavyCost: e.HEAVY_QUERY_COST,
      heavyConcurrency: e.HEAVY_QUERY_CONCURRENCY,
      heavyWaitMs: e.HEAVY_QUERY_WAIT_MS,
      compiledQueries: e.COMPILED_QUERY_CACHE,
    }),
    heapGrowingPercent: e.HEAP_GROWING_PERCENT,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    seedOnStart: e.SEED_ON_START,
    warmUpOnStart: e.WARM_UP_ON_START,
    rootDir,
  });
}

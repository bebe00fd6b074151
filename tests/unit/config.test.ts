import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('when nothing is set, then it uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.user).toBe('neo4j');
    expect(config.http.port).toBe(4000);
    expect(config.env).toBe('development');
    expect(config.local).toMatchObject({ host: '127.0.0.1', port: 7687, heap: '512m' });
    expect(config.local.dir).toBe(path.join(config.rootDir, '.neo4j'));
    expect(config.limits).toMatchObject({ heavyCost: 500, heavyConcurrency: 2, heavyWaitMs: 30_000 });
    expect(config.neo4j.maxRetryMs).toBe(1000);
    expect(config.http.cacheMaxAge).toBe(60);
    expect(config.heapGrowingPercent).toBe(50);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('when HEAP_GROWING_PERCENT is set, then it is a whole percentage and a bad value fails naming it', () => {
    expect(loadConfig({ HEAP_GROWING_PERCENT: '50' }).heapGrowingPercent).toBe(50);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '120' }).heapGrowingPercent).toBe(120);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: '-1' })).toThrow('HEAP_GROWING_PERCENT: expected at least 0');
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: '1.5' })).toThrow('HEAP_GROWING_PERCENT: expected a whole number');
  });

  it('when values are set, then they are parsed to their types', () => {
    const config = loadConfig({ PORT: '8080', NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', SEED_ON_START: 'false' });
    expect(config.http.port).toBe(8080);
    expect(config.neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(config.seedOnStart).toBe(false);
  });

  it('when CORS_ORIGINS is a list or *, then it is parsed; otherwise start fails naming it', () => {
    expect(loadConfig({}).http.corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: '*' }).http.corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8080' }).http.corsOrigins).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'a.example' })).toThrow(
      'CORS_ORIGINS: expected * or a comma-separated list',
    );
  });

  it('when nothing is set, then the tests and the bench get their own Neo4j, port and folder, never the local one', () => {
    const config = loadConfig({ NEO4J_URI: 'bolt://dev.example:7687' });
    expect(config.scratch.test.uri).toBeUndefined();
    expect(config.scratch.bench.uri).toBeUndefined();
    expect(config.scratch.test.local).toMatchObject({ port: 7688, dir: path.join(config.rootDir, '.neo4j-test') });
    expect(config.scratch.bench.local).toMatchObject({ port: 7689, dir: path.join(config.rootDir, '.neo4j-bench') });
    expect(config.scratch.test.routing).toBe(false);
    expect(config.allowReset).toBe(false);
    expect(config.backupDir).toBe(path.join(config.rootDir, 'backups'));
  });

  it('when TEST_NEO4J_URI, BENCH_NEO4J_URI, ports, folders or ALLOW_RESET are set, then they are used', () => {
    const config = loadConfig({
      TEST_NEO4J_URI: 'bolt://scratch:7687',
      BENCH_NEO4J_PORT: '17000',
      BENCH_NEO4J_DIR: '/tmp/bench-db',
      ALLOW_RESET: '1',
    });
    expect(config.scratch.test.uri).toBe('bolt://scratch:7687');
    expect(config.scratch.bench.local).toMatchObject({ port: 17000, dir: '/tmp/bench-db' });
    expect(config.allowReset).toBe(true);
    expect(() => loadConfig({ TEST_NEO4J_URI: 'localhost' })).toThrow('TEST_NEO4J_URI: expected a Neo4j URI');
  });

  it('when TEST_NEO4J_ROUTING is set, then the tests reach their Neo4j through a routing URI; a bad value is refused', () => {
    expect(loadConfig({ TEST_NEO4J_ROUTING: 'true' }).scratch.test.routing).toBe(true);
    expect(() => loadConfig({ TEST_NEO4J_ROUTING: 'cluster' })).toThrow('TEST_NEO4J_ROUTING: expected true or false');
  });

  it('when a value is empty, then it counts as unset', () => {
    expect(loadConfig({ NEO4J_URI: '' }).neo4j.uri).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', 'PORT: expected a whole number'],
    ['PORT', '70000', 'PORT: expected at most 65535'],
    ['NEO4J_URI', 'http://localhost:7474', 'NEO4J_URI: expected a Neo4j URI'],
    ['NODE_ENV', 'staging', 'NODE_ENV'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    ['NEO4J_LOCAL_HEAP', 'lots', 'NEO4J_LOCAL_HEAP: expected a size'],
    ['SEED_ON_START', 'maybe', 'SEED_ON_START: expected true or false'],
    ['HEAVY_QUERY_CONCURRENCY', '0', 'HEAVY_QUERY_CONCURRENCY: expected at least 1'],
    ['CACHE_MAX_AGE', '-1', 'CACHE_MAX_AGE: expected at least 0'],
    ['CACHE_MAX_AGE', '1m', 'CACHE_MAX_AGE: expected a whole number'],
  ])('when %s is %p, then start fails naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('when several values are bad, then every one is reported', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});

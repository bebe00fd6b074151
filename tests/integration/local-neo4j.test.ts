import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { LocalNeo4jConfig } from '../../src/config';
import {
  isBoltAnswering,
  LocalNeo4jError,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../../src/local-neo4j';
import { freePort } from '../helpers/private-neo4j';

// The real embedded runtime, on its own port and folder so the shared test database on 7687 is
// untouched. The first run on a machine may download Neo4j through Maven.
jest.setTimeout(300_000);

const HOST = '127.0.0.1';

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve((server.address() as net.AddressInfo).port));
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function portIsFree(port: number): Promise<boolean> {
  const server = net.createServer();
  try {
    await listen(server, port);
    return true;
  } catch {
    return false;
  } finally {
    await close(server);
  }
}

describe('local embedded Neo4j', () => {
  const cfg: LocalNeo4jConfig = {
    host: HOST,
    // Chosen below: a port the system reports free, so runs side by side never clash.
    port: 0,
    dir: fs.mkdtempSync(path.join(os.tmpdir(), 'careergraph-neo4j-')),
    heap: '512m',
    pageCache: '64m',
  };
  let pid: number | undefined;

  beforeAll(async () => {
    cfg.port = await freePort();
  });

  afterAll(async () => {
    await stopLocalNeo4j(cfg);
    fs.rmSync(cfg.dir, { recursive: true, force: true });
  });

  it('starts a Neo4j 5.26 Community that answers Bolt', async () => {
    const started = await startLocalNeo4j(cfg);
    pid = started.pid;

    expect(started).toMatchObject({ uri: `bolt://${HOST}:${cfg.port}`, startedByUs: true });
    expect(pid).toEqual(expect.any(Number));
    expect(await isBoltAnswering(HOST, cfg.port)).toBe(true);

    const driver = neo4j.driver(started.uri);
    try {
      const { records } = await driver.executeQuery(
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      );
      expect(records[0].get('version')).toMatch(/^5\.26\.\d+$/);
      expect(records[0].get('edition')).toBe('community');
    } finally {
      await driver.close();
    }
  });

  it('reuses the running one on a second start', async () => {
    await expect(startLocalNeo4j(cfg)).resolves.toEqual({
      uri: `bolt://${HOST}:${cfg.port}`,
      startedByUs: false,
      pid,
    });
  });

  it('reports it as running and ours', async () => {
    await expect(localNeo4jStatus(cfg)).resolves.toEqual({
      running: true,
      ours: true,
      pid,
      uri: `bolt://${HOST}:${cfg.port}`,
    });
  });

  it('stops it, frees the port and forgets it', async () => {
    await expect(stopLocalNeo4j(cfg)).resolves.toBe(true);

    expect(await portIsFree(cfg.port)).toBe(true);
    expect(fs.existsSync(path.join(cfg.dir, 'neo4j.pid'))).toBe(false);
    await expect(localNeo4jStatus(cfg)).resolves.toMatchObject({ running: false, ours: false });
    await expect(stopLocalNeo4j(cfg)).resolves.toBe(false);
  });

  it('refuses a port taken by something that is not Neo4j', async () => {
    // Reading the handshake lets the socket see the client's close, so server.close() can finish.
    const server = net.createServer((socket) => socket.resume().end('hello\n'));
    const port = await listen(server, 0);
    try {
      const start = startLocalNeo4j({ ...cfg, port });
      await expect(start).rejects.toThrow(LocalNeo4jError);
      await expect(start).rejects.toThrow(`Port ${port} on ${HOST} is taken by something that is not Neo4j`);
    } finally {
      await close(server);
    }
  });
});

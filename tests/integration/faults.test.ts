import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadGraphFiles } from '../../src/seed/load-graph';
import { spawnApp, type AppProcess } from '../helpers/app-process';
import { openSeededDatabase, type TestDatabase } from '../helpers/database';
import { errorCodes, holdRequest, postGraphQL, tryConnect } from '../helpers/http-client';
import { openDatabaseAt, startPrivateNeo4j, type PrivateNeo4j } from '../helpers/private-neo4j';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * Faults the API must survive: its Neo4j going away and coming back (on a private Neo4j, so the
 * shared test database is never stopped), and a SIGTERM while requests are in flight (the built
 * app as its own process).
 */

jest.setTimeout(180_000);

const TOKEN = `tok-${randomBytes(24).toString('hex')}`;
const ROLE_QUERY = '{ role(id: "backend-engineer") { id name } }';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** "under 5 s", or the time it took: a failed expectation then shows the real duration. */
const within5s = (ms: number) => (ms < 5000 ? 'under 5 s' : `${ms} ms`);

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

/** Polls `check` until it holds or `timeoutMs` passes; returns how long it took, or throws. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(250);
  }
}

describe('when Neo4j stops while the API runs', () => {
  let neo4j: PrivateNeo4j;
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    neo4j = await startPrivateNeo4j();
    db = await openDatabaseAt(neo4j.uri, { API_TOKEN: TOKEN });
    await loadGraphFiles(db.executor, [path.join(db.config.rootDir, 'seed')], { reset: true });
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await neo4j?.dispose();
  });

  // The steps run in order on one server and one driver; each is its own test so that a slow
  // answer during the outage does not hide whether the API recovers afterwards.
  let before: Record<string, any> | null;
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('when it is up, then it is ready and answers', async () => {
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
    before = (await postGraphQL(server.url, ROLE_QUERY)).body;
    expect(before).toEqual({ data: { role: { id: 'backend-engineer', name: expect.any(String) } } });
  });

  it('when Neo4j is stopped, then the process still answers /healthz and /readyz is 503 within 5 s', async () => {
    expect(await neo4j.stop()).toBe(true);
    const health = await timed(() => fetch(`${server.base}/healthz`));
    expect(health.value.status).toBe(200);
    const ready = await timed(() => fetch(`${server.base}/readyz`));
    expect({ status: ready.value.status, took: within5s(ready.ms) }).toEqual({ status: 503, took: 'under 5 s' });
    expect(await ready.value.json()).toMatchObject({ status: 'unavailable' });
  });

  it.each([
    ['a lookup', ROLE_QUERY, {}],
    ['a list', '{ roles(first: 5) { totalCount edges { node { id } } } }', {}],
    ['a traversal', '{ progressionPaths(from: "backend-engineer", to: "staff-engineer") { length } }', {}],
    ['a write', 'mutation { upsertTool(input: { id: "written-during-outage", name: "Outage" }) { id } }', auth],
  ])('when Neo4j is down, then %s answers SERVICE_UNAVAILABLE within 5 s', async (_what, query, headers) => {
    const answer = await timed(() => postGraphQL(server.url, query, undefined, headers));
    expect({ codes: errorCodes(answer.value), took: within5s(answer.ms) }).toEqual({
      codes: ['SERVICE_UNAVAILABLE'],
      took: 'under 5 s',
    });
  });

  it('when Neo4j is down, then ten queries at once all answer SERVICE_UNAVAILABLE within 5 s', async () => {
    const burst = await timed(() => Promise.all(Array.from({ length: 10 }, () => postGraphQL(server.url, ROLE_QUERY))));
    expect({
      codes: [...new Set(burst.value.flatMap((a) => errorCodes(a)))],
      took: within5s(burst.ms),
    }).toEqual({ codes: ['SERVICE_UNAVAILABLE'], took: 'under 5 s' });
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });

  it('when Neo4j comes back, then the same server and driver recover by themselves: ready, same data, writes work', async () => {
    await neo4j.start();
    await eventually(
      'the API answers the query again',
      async () => (await postGraphQL(server.url, ROLE_QUERY)).body?.data?.role?.id === 'backend-engineer',
      30_000,
    );
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
    expect((await postGraphQL(server.url, ROLE_QUERY)).body).toEqual(before);
    const outageWrite = await postGraphQL(server.url, '{ tool(id: "written-during-outage") { id } }');
    expect(outageWrite.body).toEqual({ data: { tool: null } });
    const written = await postGraphQL(
      server.url,
      'mutation { upsertTool(input: { id: "written-after-outage", name: "After" }) { id } }',
      undefined,
      auth,
    );
    expect(written.body).toEqual({ data: { upsertTool: { id: 'written-after-outage' } } });
  });
});

/** One POST on its own connection; resolves with the status and body, or the network error's code. */
function postOnce(url: string, payload: string): Promise<{ status: number; text: string } | { error: string }> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(payload);
  });
}

describe('when the process gets SIGTERM under load', () => {
  const GRACE_MS = 5000;
  const PATHS = JSON.stringify({
    query: `{ progressionPaths(from: "backend-engineer", to: "principal-engineer", includePivots: true, maxSteps: 6, first: 20) {
      length roles { id name } steps { kind sources from { id } to { id } }
      salaryChange { min max currency } skillsToAcquire { name } toolsToLearn { name }
    } }`,
  });
  let db: TestDatabase;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    db = await openSeededDatabase();
  });
  afterAll(async () => {
    await app?.kill();
    await db?.close();
  });

  it('then in-flight requests finish with 200, new connections are refused, and it exits 0 within the grace period', async () => {
    app = await spawnApp({
      NEO4J_URI: db.config.neo4j.uri!,
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      SEED_ON_START: 'false',
      LOG_LEVEL: 'silent',
    });
    const running = app;
    const warm = await postOnce(running.url, PATHS);
    expect(warm).toMatchObject({ status: 200 });
    expect(JSON.parse((warm as { text: string }).text).data.progressionPaths.length).toBeGreaterThan(0);

    // Load: four clients sending the route query back to back until the process is gone.
    let stopLoad = false;
    const outcomes: ({ status: number; text: string } | { error: string })[] = [];
    const loaders = Array.from({ length: 4 }, async () => {
      while (!stopLoad) {
        const outcome = await postOnce(running.url, PATHS);
        outcomes.push(outcome);
        if ('error' in outcome) await sleep(20);
      }
    });
    await sleep(500);

    // Ten requests the server is reading when the signal arrives: headers and half the body sent.
    const held = Array.from({ length: 10 }, () => holdRequest(running.url, PATHS));
    await Promise.all(held.map((h) => h.started));
    await sleep(300);

    const signalledAt = Date.now();
    expect(running.child.kill('SIGTERM')).toBe(true);
    await sleep(500);

    // A new connection is refused while the held requests are still open.
    expect(await tryConnect(running.port)).toBe('ECONNREFUSED');

    const answers = await Promise.all(held.map((h) => h.finish()));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.text);
      expect(body.errors).toBeUndefined();
      expect(body.data.progressionPaths.length).toBeGreaterThan(0);
    }

    let giveUp: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      running.exited,
      new Promise<null>((resolve) => (giveUp = setTimeout(() => resolve(null), GRACE_MS + 10_000))),
    ]);
    clearTimeout(giveUp);
    stopLoad = true;
    await Promise.all(loaders);
    expect(exit).not.toBeNull();
    expect({ code: exit!.code, signal: exit!.signal }).toEqual({ code: 0, signal: null });
    expect(exit!.at - signalledAt).toBeLessThan(GRACE_MS);

    // Under the load, every answer the server gave was a complete, correct 200; the only other
    // outcomes are connections it refused or dropped before reading a request.
    const answered = outcomes.filter((o): o is { status: number; text: string } => 'status' in o);
    expect(answered.length).toBeGreaterThan(10);
    for (const o of answered) {
      expect(o.status).toBe(200);
      expect(JSON.parse(o.text).errors).toBeUndefined();
    }
    const networkErrors = outcomes.filter((o): o is { error: string } => 'error' in o).map((o) => o.error);
    for (const code of networkErrors) expect(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']).toContain(code);
    expect(await tryConnect(running.port)).toBe('ECONNREFUSED');
  });
});

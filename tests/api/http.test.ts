import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createLogger } from '../../src/logger';
import { openTestDatabase, type TestDatabase } from '../helpers/database';
import { startTestServer, unreachableDriver, type TestServer } from '../helpers/server';

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startTestServer(db);
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

describe('the HTTP server', () => {
  it('when dbInfo is queried, then a real Neo4j 5 answers with its version and edition', async () => {
    const { status, body } = await server.post({ query: 'query Which { dbInfo { name version edition } }' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const info = (body.data as { dbInfo: { name: string; version: string; edition: string } }).dbInfo;
    expect(info.name).toBe('Neo4j Kernel');
    expect(info.version).toMatch(/^5\.\d+\.\d+/);
    expect(['community', 'enterprise']).toContain(info.edition);
  });

  it('when /healthz is asked, then the process answers ok', async () => {
    const res = await fetch(`${server.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('when /readyz is asked and Neo4j answers, then it is ready', async () => {
    const res = await fetch(`${server.base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', neo4j: 'reachable' });
  });

  it('when a request carries an x-request-id, then the response echoes it', async () => {
    const res = await fetch(`${server.base}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
  });

  it('when a query names an unknown field, then the error has a code and no data is touched', async () => {
    const { status, body } = await server.post({ query: '{ nope }' });
    expect(status).toBe(400);
    expect((body.errors as { extensions: { code: string } }[])[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('when debug metrics are asked for, then the response counts the database queries', async () => {
    const { body } = await server.post({ query: '{ dbInfo { version } }' }, { 'x-debug-metrics': '1' });
    expect((body.extensions as { metrics: { dbQueries: number } }).metrics.dbQueries).toBe(1);
  });

  it('when the database is unreachable, then /readyz is 503 with a reason, the API stays up and queries say SERVICE_UNAVAILABLE', async () => {
    const driver = unreachableDriver(db);
    const down = await startTestServer(db, driver);
    try {
      const ready = await fetch(`${down.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'unavailable',
        reason: expect.stringContaining('Neo4j is not reachable'),
      });
      const { status, body } = await down.post({ query: '{ dbInfo { version } }' });
      // The outage error carries its status, and Apollo answers with it.
      expect(status).toBe(503);
      expect((body.errors as { extensions: { code: string } }[])[0].extensions).toEqual({
        code: 'SERVICE_UNAVAILABLE',
      });
      expect((await fetch(`${down.base}/healthz`)).status).toBe(200);
    } finally {
      await down.stop();
      await driver.close();
    }
  });

  it('when an answer holds characters beyond ASCII, then its content-length counts its bytes', async () => {
    const res = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query Q($n: Int) { roles(first: $n) { totalCount } }',
        variables: { n: 'dix-huit ünïcødé' },
      }),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = JSON.parse(bytes.toString('utf8')) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('ünïcødé');
  });

  it('when a GET carries its query in the query string, then that query runs', async () => {
    const query = encodeURIComponent('query Which { dbInfo { name } }');
    const res = await fetch(`${server.base}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { dbInfo: { name: 'Neo4j Kernel' } } });
  });

  it('when /graphql is asked with HEAD, then Apollo refuses the method and no body is sent', async () => {
    const head = await fetch(`${server.base}/graphql`, {
      method: 'HEAD',
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(head.status).toBe(405);
    expect(await head.text()).toBe('');
  });
});

describe('cross-origin requests', () => {
  const preflight = (base: string, origin: string) =>
    fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('when no CORS_ORIGINS is configured, then other origins get no CORS permission', async () => {
    const res = await preflight(server.base, 'https://elsewhere.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('when CORS_ORIGINS lists an origin, then that origin may call the API and others may not', async () => {
    const corsDb = await openTestDatabase({ CORS_ORIGINS: 'https://app.example.com, https://admin.example.com' });
    const corsServer = await startTestServer(corsDb);
    try {
      const allowed = await preflight(corsServer.base, 'https://admin.example.com');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
      const refused = await preflight(corsServer.base, 'https://elsewhere.example');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await corsServer.stop();
      await corsDb.close();
    }
  });
});

describe('the /graphql route', () => {
  const ping = JSON.stringify({ query: 'query Ping { dbInfo { name } }' });
  const postRaw = (body: string | Buffer, headers: Record<string, string>, path = '/graphql') =>
    fetch(`${server.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const codeOf = async (res: Response) =>
    ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code;

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('when the body is sent %s-compressed, then it is inflated and the query runs', async (encoding, pack) => {
    const res = await postRaw(pack(Buffer.from(ping)), { 'content-encoding': encoding });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { dbInfo: { name: 'Neo4j Kernel' } } });
  });

  it('when the body is in a content encoding the server does not take, then 415 BAD_REQUEST', async () => {
    const res = await postRaw(ping, { 'content-encoding': 'compress' });
    expect(res.status).toBe(415);
    expect(await codeOf(res)).toBe('BAD_REQUEST');
  });

  it('when a gzip body is not gzip, then 400 BAD_REQUEST and the server keeps answering', async () => {
    const res = await postRaw(ping, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(400);
    expect(await codeOf(res)).toBe('BAD_REQUEST');
    expect((await server.post({ query: '{ dbInfo { name } }' })).status).toBe(200);
  });

  it.each(['42', '"query"', 'null'])('when the JSON body is %s (not an object), then 400 BAD_REQUEST', async (body) => {
    const res = await postRaw(body, {});
    expect(res.status).toBe(400);
    expect(await codeOf(res)).toBe('BAD_REQUEST');
  });

  /** `raw` written on a connection of its own, the client's side then closed; what came back. */
  const exchange = (raw: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(raw);
        socket.end();
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });

  /** An HTTP answer's status and its JSON body's first error. */
  const parsed = (answer: string) => {
    const [head, body] = answer.split('\r\n\r\n');
    const error = (JSON.parse(body) as { errors: { message: string; extensions: { code: string } }[] }).errors[0];
    return { status: Number(head.split(' ')[1]), type: /content-type: ([^\r]+)/i.exec(head)?.[1], error };
  };

  it.each([
    [
      'the body ends short of its Content-Length',
      'POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
        `content-length: ${ping.length + 10}\r\n\r\n${ping}`,
      400,
      /ended before the body/,
    ],
    ['the request line is not HTTP', 'HELLO THERE\r\n\r\n', 400, /not valid HTTP \(HPE_/],
    [
      'the headers are larger than the server accepts',
      `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\nx-padding: ${'x'.repeat(20_000)}\r\n\r\n`,
      431,
      /headers are larger/,
    ],
  ])(
    'when %s, then Node’s parser refuses it with a JSON error (BAD_REQUEST) and the server keeps answering',
    async (_case, raw, status, message) => {
      const answer = parsed(await exchange(raw));
      expect(answer).toEqual({
        status,
        type: 'application/json; charset=utf-8',
        error: { message: expect.stringMatching(message), extensions: { code: 'BAD_REQUEST' } },
      });
      expect((await server.post({ query: '{ dbInfo { name } }' })).status).toBe(200);
    },
  );

  it('when the path has a trailing slash or a query string, then it is the same route; /graphqlx is not', async () => {
    expect((await postRaw(ping, {}, '/graphql/')).status).toBe(200);
    expect((await postRaw(ping, {}, '/graphql?x=1')).status).toBe(200);
    expect((await postRaw(ping, {}, '/graphqlx')).status).toBe(404);
  });

  it('when a query is answered, then one log line names its id, path, status and operation', async () => {
    const out = new PassThrough();
    const lines: Record<string, unknown>[] = [];
    out.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    });
    const logged = await startTestServer(db, db.driver, createLogger({ logLevel: 'info', env: 'test' }, out));
    try {
      const res = await fetch(`${logged.base}/graphql?probe=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'log-line-1' },
        body: ping,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('log-line-1');
      await res.text();
      // The line is written when the response has finished, which can be just after the client has it.
      for (let waited = 0; !lines.some((l) => l.msg === 'request') && waited < 2000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(lines.filter((l) => l.msg === 'request')).toEqual([
        expect.objectContaining({
          requestId: 'log-line-1',
          method: 'POST',
          path: '/graphql',
          status: 200,
          operationName: 'Ping',
          durationMs: expect.any(Number),
        }),
      ]);
    } finally {
      await logged.stop();
    }
  });
});

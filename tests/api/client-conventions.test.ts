import { createHash } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '../helpers/database';
import { errorCodes, send } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * What a client or a CDN sees over HTTP: automatic persisted queries, Cache-Control on GET
 * queries, and the CSRF header a GET must carry.
 */

let db: TestDatabase;
let server: TestServer;
let publicCache: string;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startTestServer(db);
  publicCache = `public, max-age=${db.config.http.cacheMaxAge}`;
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

const QUERY = 'query Version { dbInfo { version } }';
const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A GET /graphql with these search parameters (objects are sent as JSON). */
function get(params: Record<string, unknown>, headers: Record<string, string> = PREFLIGHT) {
  const search = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  return send(`${server.base}/graphql?${search}`, { headers });
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return send(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('automatic persisted queries', () => {
  it('when a hash is sent before its query, then PERSISTED_QUERY_NOT_FOUND; after the query is sent with it, the hash alone answers', async () => {
    const query = `query Apq${Date.now()} { dbInfo { version } }`;
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };

    const miss = await get({ extensions: { persistedQuery } });
    expect(errorCodes(miss)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(miss.headers.get('cache-control')).toBe('no-store');

    const register = await post({ query, extensions: { persistedQuery } });
    expect(register.status).toBe(200);
    expect(register.body?.data.dbInfo.version).toMatch(/^5\./);

    const hit = await get({ extensions: { persistedQuery } });
    expect(hit.status).toBe(200);
    expect(hit.body).toEqual(register.body);
    expect(hit.headers.get('cache-control')).toBe(publicCache);
  });

  it('when the hash does not match the query sent with it, then the request is refused', async () => {
    const answer = await post({
      query: QUERY,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('x') } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body?.errors).toEqual([
      { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });
});

describe('Cache-Control', () => {
  it('when a GET query without credentials succeeds, then it is public for CACHE_MAX_AGE seconds', async () => {
    const answer = await get({ query: QUERY });
    expect(answer.status).toBe(200);
    expect(answer.body?.data.dbInfo.version).toMatch(/^5\./);
    expect(answer.headers.get('cache-control')).toBe(publicCache);
  });

  it('when the GET names its operation in x-apollo-operation-name instead, then it is accepted and cached alike', async () => {
    const answer = await get({ query: QUERY }, { 'x-apollo-operation-name': 'Version' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe(publicCache);
  });

  it('when a GET carries an Authorization header, then the answer is not stored', async () => {
    const answer = await get({ query: QUERY }, { ...PREFLIGHT, authorization: 'Bearer someone-s-token-here' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('when a GET query fails (in validation or in a resolver), then the answer is not stored', async () => {
    const invalid = await get({ query: '{ nope }' });
    expect(errorCodes(invalid)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(invalid.headers.get('cache-control')).toBe('no-store');

    const failed = await get({ query: '{ role(id: "Not An Id") { id } }' });
    expect(errorCodes(failed)).toEqual(['BAD_USER_INPUT']);
    expect(failed.headers.get('cache-control')).toBe('no-store');
  });

  it('when the same query is POSTed, then the answer is not stored', async () => {
    const answer = await post({ query: QUERY });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('when a mutation is POSTed, then the answer is not stored; over GET it is refused and not public', async () => {
    const mutation = 'mutation { deleteNode(id: "nobody-at-all", kind: TOOL) }';
    const posted = await post({ query: mutation });
    expect(posted.headers.get('cache-control')).toBe('no-store');

    const viaGet = await get({ query: mutation });
    expect(viaGet.status).toBe(405);
    expect(viaGet.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });
});

describe('CSRF prevention', () => {
  it('when a GET carries neither apollo-require-preflight nor x-apollo-operation-name, then it is refused unexecuted', async () => {
    const answer = await get({ query: QUERY }, {});
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/apollo-require-preflight/);
    expect(answer.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });
});

import { randomBytes } from 'node:crypto';
import { openSeededDatabase, openTestDatabase, uniquePrefix, type TestDatabase } from '../helpers/database';
import { graphSnapshot, type GraphSnapshot } from '../helpers/graph-snapshot';
import { errorCodes, errorMessages, postGraphQL, send, type HttpAnswer } from '../helpers/http-client';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * What a hostile or careless client can send over HTTP, each with the status and error code it
 * must get, and after every test a snapshot of the whole database proving nothing changed.
 */

const TOKEN = `tok-${randomBytes(24).toString('hex')}`;
const auth = { authorization: `Bearer ${TOKEN}` };
const prefix = uniquePrefix('hostile');

let db: TestDatabase;
let server: TestServer;
let baseline: GraphSnapshot;

beforeAll(async () => {
  db = await openSeededDatabase({ API_TOKEN: TOKEN });
  server = await startTestServer(db);
  baseline = await graphSnapshot(db.executor);
  expect(baseline.nodes).toBeGreaterThan(50);
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
});
afterEach(async () => {
  // Whatever a test sent, the seeded graph is exactly as it was.
  expect(await graphSnapshot(db.executor)).toEqual(baseline);
});

const gql = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  postGraphQL(server.url, query, variables, headers);

/** The answer has this status and exactly one error, with this code. */
function expectRefused(answer: HttpAnswer, status: number, code: string): void {
  expect({ status: answer.status, codes: errorCodes(answer) }).toEqual({ status, codes: [code] });
}

/** The server still answers an ordinary query. */
async function expectAlive(): Promise<void> {
  const answer = await gql('{ role(id: "backend-engineer") { name } }');
  expect(answer.body).toEqual({ data: { role: { name: expect.any(String) } } });
}

describe('query limits', () => {
  const nest = (depth: number) => `${'nextRoles { '.repeat(depth)}id${' }'.repeat(depth)}`;

  it('when a query nests 50 levels deep, then 400 QUERY_TOO_COMPLEX', async () => {
    expectRefused(await gql(`{ role(id: "junior-engineer") { ${nest(50)} } }`), 400, 'QUERY_TOO_COMPLEX');
  });

  it('when the depth hides in a chain of 20 fragments, then 400 QUERY_TOO_COMPLEX', async () => {
    const fragments = Array.from(
      { length: 20 },
      (_, i) => `fragment F${i} on Role { nextRoles { ${i === 19 ? 'id' : `...F${i + 1}`} } }`,
    ).join('\n');
    const answer = await gql(`{ role(id: "junior-engineer") { ...F0 } }\n${fragments}`);
    expectRefused(answer, 400, 'QUERY_TOO_COMPLEX');
  });

  it('when a query nests a few levels, then it answers', async () => {
    const answer = await gql(`{ role(id: "junior-engineer") { ${nest(4)} } }`);
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
  });

  it('when a query has 100 aliases, then 400 QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from({ length: 100 }, (_, i) => `a${i}: dbInfo { version }`).join(' ');
    expectRefused(await gql(`{ ${fields} }`), 400, 'QUERY_TOO_COMPLEX');
  });

  it('when a query has 16 aliases (one over the limit of 15), then 400 QUERY_TOO_COMPLEX; with 15 it answers', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `r${i}: role(id: "backend-engineer") { id }`).join(' ')} }`;
    expectRefused(await gql(aliases(16)), 400, 'QUERY_TOO_COMPLEX');
    const fifteen = await gql(aliases(15));
    expect(fifteen.status).toBe(200);
    expect(fifteen.body?.errors).toBeUndefined();
  });

  it('when fragments spread each other in a cycle, then 400 and the server stays up', async () => {
    const answer = await gql(`{ role(id: "backend-engineer") { ...A } }
      fragment A on Role { nextRoles { ...B } }
      fragment B on Role { previousRoles { ...A } }`);
    expect(answer.status).toBe(400);
    expect(errorCodes(answer).length).toBeGreaterThan(0);
    for (const code of errorCodes(answer)) expect(['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX']).toContain(code);
    await expectAlive();
  });

  it('when a fragment spreads itself, then 400 and the server stays up', async () => {
    const answer = await gql(`{ role(id: "backend-engineer") { ...A } } fragment A on Role { id ...A }`);
    expect(answer.status).toBe(400);
    expect(errorCodes(answer).length).toBeGreaterThan(0);
    for (const code of errorCodes(answer)) expect(['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX']).toContain(code);
    await expectAlive();
  });

  it('when a query asks for 10,000 fields, then 400 QUERY_TOO_COMPLEX', async () => {
    const query = `{ dbInfo { ${'version '.repeat(10_000)}} }`;
    expect(Buffer.byteLength(JSON.stringify({ query }))).toBeLessThan(100 * 1024);
    expectRefused(await gql(query), 400, 'QUERY_TOO_COMPLEX');
  });

  it('when nested relationship lists multiply past the cost limit, then 400 QUERY_TOO_COMPLEX', async () => {
    const answer = await gql(
      '{ roles(first: 100) { edges { node { tools { usedBy { tools { usedBy { skills { requiredBy { id } } } } } } } } } }',
    );
    expectRefused(answer, 400, 'QUERY_TOO_COMPLEX');
    expect(errorMessages(answer)[0]).toMatch(/cost|complex/i);
  });

  it('when the cost comes from a `first` passed as a variable, then it is weighed too', async () => {
    const answer = await gql(
      'query ($n: Int!) { roles(first: $n) { edges { node { tools { usedBy { tools { usedBy { skills { requiredBy { id } } } } } } } } } }',
      { n: 100 },
    );
    expectRefused(answer, 400, 'QUERY_TOO_COMPLEX');
  });

  it.each([
    ['roles(first: 100000) { totalCount }'],
    ['search(text: "engineer", first: 100000) { score }'],
    ['progressionPaths(from: "junior-engineer", to: "staff-engineer", first: 100000) { length }'],
    ['similarRoles(id: "backend-engineer", first: 100000) { score }'],
    ['roles(first: -1) { totalCount }'],
    ['roles(first: 0) { totalCount }'],
  ])('when a list asks for an impossible count (%s), then BAD_USER_INPUT', async (field) => {
    expectRefused(await gql(`{ ${field} }`), 200, 'BAD_USER_INPUT');
  });

  it('when `first` does not fit in an Int, then 400 GRAPHQL_VALIDATION_FAILED', async () => {
    expectRefused(await gql('{ roles(first: 99999999999) { totalCount } }'), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  it.each([
    ['progressionPaths(from: "junior-engineer", to: "staff-engineer", maxSteps: 1000) { length }'],
    ['progressionPaths(from: "junior-engineer", to: "staff-engineer", maxSteps: 1000, includePivots: true) { length }'],
    ['role(id: "junior-engineer") { pathsTo(id: "staff-engineer", maxSteps: 1000) { length } }'],
    ['progressionPaths(from: "junior-engineer", to: "staff-engineer", maxSteps: 0) { length }'],
  ])('when a route search asks for too many steps (%s), then BAD_USER_INPUT', async (field) => {
    expectRefused(await gql(`{ ${field} }`), 200, 'BAD_USER_INPUT');
  });
});

describe('ids', () => {
  it('when an unknown but well-formed id is looked up, then the answer is null without errors', async () => {
    const answer = await gql('{ role(id: "no-such-role") { id } tool(id: "no-such-tool") { id } }');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { role: null, tool: null } });
  });

  it.each([
    ['progressionPaths(from: "no-such-role", to: "staff-engineer") { length }'],
    ['compareRoles(a: "backend-engineer", b: "no-such-role") { similarity }'],
    ['sharedTools(roleIds: ["backend-engineer", "no-such-role"]) { id }'],
    ['skillGap(from: "no-such-role", to: "staff-engineer") { coverage }'],
  ])('when a traversal names an unknown role (%s), then NOT_FOUND names it', async (field) => {
    const answer = await gql(`{ ${field} }`);
    expectRefused(answer, 200, 'NOT_FOUND');
    expect(errorMessages(answer)[0]).toContain('no-such-role');
  });

  const malformed = ['Backend Engineer', 'backend--engineer', '-backend', 'rôle', '', 'a'.repeat(10_000)];

  it.each(malformed.map((m) => [m.length > 40 ? `${m.slice(0, 10)}… (${m.length} chars)` : JSON.stringify(m), m]))(
    'when the malformed id %s is looked up, then BAD_USER_INPUT',
    async (_label, bad) => {
      const answer = await gql('query ($id: ID!) { role(id: $id) { id } }', { id: bad });
      expectRefused(answer, 200, 'BAD_USER_INPUT');
    },
  );
});

const PAYLOADS = [
  '\' " ` ) ( } { ] [ ; // MATCH (n) DETACH DELETE n',
  '*:*',
  '~',
  '\\',
  "') MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  '` MATCH (n) DETACH DELETE n `',
  "x' OR 1=1 //",
  'name:* OR id:*',
  '+-&&||!(){}[]^"~*?:\\/',
  '$prefix',
  '\\u0027; CALL db.clearQueryCaches() //',
];

describe.each(PAYLOADS.map((p) => [p]))('metacharacters: %s', (payload) => {
  it('when it is the search text, a name filter or a seniority filter (as variables), then they answer without errors', async () => {
    const answer = await gql(
      `query ($p: String!) {
        search(text: $p) { score node { id } }
        roles(filter: { nameContains: $p, seniority: $p }) { totalCount }
        tools(filter: { nameContains: $p }) { totalCount }
        skills(filter: { nameContains: $p }) { totalCount }
        frameworks(filter: { nameContains: $p }) { totalCount }
        employers(filter: { nameContains: $p }) { totalCount }
        workflows(filter: { nameContains: $p }) { totalCount }
        languages(filter: { nameContains: $p }) { totalCount }
        categories(filter: { nameContains: $p }) { totalCount }
      }`,
      { p: payload },
    );
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
    expect(Array.isArray(answer.body?.data.search)).toBe(true);
  });

  it('when it is written inline as GraphQL string literals, then search and filters answer without errors', async () => {
    const literal = JSON.stringify(payload);
    const answer = await gql(`{
      search(text: ${literal}) { node { id } }
      roles(filter: { nameContains: ${literal} }) { totalCount }
    }`);
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
  });

  const idArguments: [string, string][] = [
    ['role(id)', 'query ($p: ID!) { role(id: $p) { id } }'],
    ['tool(id)', 'query ($p: ID!) { tool(id: $p) { id } }'],
    ['category(id)', 'query ($p: ID!) { category(id: $p) { id } }'],
    ['roles(filter.usesTool)', 'query ($p: ID!) { roles(filter: { usesTool: $p }) { totalCount } }'],
    ['roles(filter.requiresSkill)', 'query ($p: ID!) { roles(filter: { requiresSkill: $p }) { totalCount } }'],
    ['roles(filter.usesFramework)', 'query ($p: ID!) { roles(filter: { usesFramework: $p }) { totalCount } }'],
    ['roles(filter.hiredBy)', 'query ($p: ID!) { roles(filter: { hiredBy: $p }) { totalCount } }'],
    ['tools(filter.category)', 'query ($p: ID!) { tools(filter: { category: $p }) { totalCount } }'],
    ['tools(filter.usedByRole)', 'query ($p: ID!) { tools(filter: { usedByRole: $p }) { totalCount } }'],
    ['skills(filter.requiredByRole)', 'query ($p: ID!) { skills(filter: { requiredByRole: $p }) { totalCount } }'],
    ['frameworks(filter.runsOn)', 'query ($p: ID!) { frameworks(filter: { runsOn: $p }) { totalCount } }'],
    ['employers(filter.hiresRole)', 'query ($p: ID!) { employers(filter: { hiresRole: $p }) { totalCount } }'],
    [
      'workflows(filter.practicedByRole)',
      'query ($p: ID!) { workflows(filter: { practicedByRole: $p }) { totalCount } }',
    ],
    ['languages(filter.usedByRole)', 'query ($p: ID!) { languages(filter: { usedByRole: $p }) { totalCount } }'],
    ['roles(after)', 'query ($p: String!) { roles(after: $p) { totalCount } }'],
    ['progressionPaths(from)', 'query ($p: ID!) { progressionPaths(from: $p, to: "staff-engineer") { length } }'],
    ['shortestProgression(to)', 'query ($p: ID!) { shortestProgression(from: "backend-engineer", to: $p) { length } }'],
    ['sharedTools(roleIds)', 'query ($p: ID!) { sharedTools(roleIds: ["backend-engineer", $p]) { id } }'],
    ['compareRoles(a)', 'query ($p: ID!) { compareRoles(a: $p, b: "backend-engineer") { similarity } }'],
    ['skillGap(from)', 'query ($p: ID!) { skillGap(from: $p, to: "staff-engineer") { coverage } }'],
    ['similarRoles(id)', 'query ($p: ID!) { similarRoles(id: $p) { score } }'],
    ['Role.pathsTo(id)', 'query ($p: ID!) { role(id: "backend-engineer") { pathsTo(id: $p) { length } } }'],
    ['upsertTool(input.id)', 'mutation ($p: ID!) { upsertTool(input: { id: $p, name: "X" }) { id } }'],
    ['upsertRole(input.id)', 'mutation ($p: ID!) { upsertRole(input: { id: $p, name: "X" }) { id } }'],
    ['deleteNode(id)', 'mutation ($p: ID!) { deleteNode(id: $p, kind: ROLE) }'],
    ['link(from)', 'mutation ($p: ID!) { link(from: $p, relation: USES_TOOL, to: "docker") { created } }'],
    ['link(to)', 'mutation ($p: ID!) { link(from: "backend-engineer", relation: USES_TOOL, to: $p) { created } }'],
    ['unlink(from)', 'mutation ($p: ID!) { unlink(from: $p, relation: USES_TOOL, to: "docker") }'],
  ];

  it.each(idArguments)('when it is passed as %s, then BAD_USER_INPUT', async (_arg, query) => {
    const answer = await gql(query, { p: payload }, auth);
    expectRefused(answer, 200, 'BAD_USER_INPUT');
  });

  it('when it fills every free-text field of a role, a tool and a link, then each is stored and read back verbatim', async () => {
    const roleId = `${prefix}-role`;
    const toolId = `${prefix}-tool`;
    try {
      const role = await gql(
        `mutation ($input: RoleInput!) {
          upsertRole(input: $input) { name aliases description seniority summary bestFor responsibilities
            onboardingFocus documentationNeeds ergonomics sources salary { region caveat } }
        }`,
        {
          input: {
            id: roleId,
            name: payload,
            aliases: [payload],
            description: payload,
            seniority: payload,
            summary: payload,
            bestFor: payload,
            responsibilities: [payload],
            onboardingFocus: payload,
            documentationNeeds: payload,
            ergonomics: payload,
            sources: [payload],
            salary: {
              min: 1,
              max: 2,
              currency: 'EUR',
              period: 'YEAR',
              basis: 'BASE',
              region: payload,
              caveat: payload,
            },
          },
        },
        auth,
      );
      expect(role.body?.errors).toBeUndefined();
      expect(role.body!.data.upsertRole).toEqual({
        name: payload,
        aliases: [payload],
        description: payload,
        seniority: payload,
        summary: payload,
        bestFor: payload,
        responsibilities: [payload],
        onboardingFocus: payload,
        documentationNeeds: payload,
        ergonomics: payload,
        sources: [payload],
        salary: { region: payload, caveat: payload },
      });
      const tool = await gql(
        'mutation ($id: ID!, $p: String!) { upsertTool(input: { id: $id, name: $p, description: $p, aliases: [$p] }) { name } }',
        { id: toolId, p: payload },
        auth,
      );
      expect(tool.body?.errors).toBeUndefined();
      const link = await gql(
        `mutation ($r: ID!, $t: ID!, $p: String!) {
          link(from: $r, relation: USES_TOOL, to: $t, properties: { note: $p, sources: [$p] }) { note sources }
          practice: link(from: $r, relation: PRACTICES, to: "code-reviews", properties: { emphasis: $p }) { emphasis }
        }`,
        { r: roleId, t: toolId, p: payload },
        auth,
      );
      expect(link.body?.errors).toBeUndefined();
      expect(link.body!.data).toEqual({
        link: { note: payload, sources: [payload] },
        practice: { emphasis: payload },
      });

      const readBack = await gql(
        `query ($r: ID!, $t: ID!) {
          role(id: $r) { name seniority toolUsages { note sources tool { name description aliases } }
            workflowPractices { emphasis } }
          tool(id: $t) { name }
        }`,
        { r: roleId, t: toolId },
      );
      expect(readBack.body).toEqual({
        data: {
          role: {
            name: payload,
            seniority: payload,
            toolUsages: [
              { note: payload, sources: [payload], tool: { name: payload, description: payload, aliases: [payload] } },
            ],
            workflowPractices: [{ emphasis: payload }],
          },
          tool: { name: payload },
        },
      });
    } finally {
      for (const [nodeId, kind] of [
        [roleId, 'ROLE'],
        [toolId, 'TOOL'],
      ]) {
        const deleted = await gql(
          'mutation ($id: ID!, $kind: NodeKind!) { deleteNode(id: $id, kind: $kind) }',
          { id: nodeId, kind },
          auth,
        );
        expect(deleted.body).toEqual({ data: { deleteNode: true } });
      }
    }
  });
});

describe('HTTP framing', () => {
  const post = (body: string | Uint8Array, contentType: string, headers: Record<string, string> = {}) =>
    send(server.url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

  it('when the body is malformed JSON, then 400 BAD_REQUEST as a JSON error', async () => {
    const answer = await post('{"query": "{ dbInfo { version } }"', 'application/json');
    expectRefused(answer, 400, 'BAD_REQUEST');
    expect(answer.headers.get('content-type')).toMatch(/json/);
  });

  it('when the body is empty JSON content, then 400 BAD_REQUEST', async () => {
    expectRefused(await post('', 'application/json'), 400, 'BAD_REQUEST');
  });

  it('when `query` is not a string, then 400 BAD_REQUEST', async () => {
    expectRefused(await post(JSON.stringify({ query: 42 }), 'application/json'), 400, 'BAD_REQUEST');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'when a mutation is POSTed as %s (a CSRF-able content type), then 400 and nothing runs',
    async (contentType) => {
      const body = JSON.stringify({ query: 'mutation { deleteNode(id: "backend-engineer", kind: ROLE) }' });
      const answer = await post(body, contentType, auth);
      expectRefused(answer, 400, 'BAD_REQUEST');
    },
  );

  it('when a GET carries a mutation, then 405 and nothing runs', async () => {
    const query = encodeURIComponent('mutation { deleteNode(id: "backend-engineer", kind: ROLE) }');
    const answer = await send(`${server.url}?query=${query}`, {
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true', ...auth },
    });
    expect(answer.status).toBe(405);
    expect(errorCodes(answer).length).toBe(1);
    await expectAlive();
  });

  it('when a GET carries a query without a preflight header, then 400 (CSRF prevention)', async () => {
    const answer = await send(`${server.url}?query=${encodeURIComponent('{ dbInfo { version } }')}`, {
      method: 'GET',
    });
    expectRefused(answer, 400, 'BAD_REQUEST');
  });

  it('when the body is over the 100kb limit, then 413 as a JSON error', async () => {
    const body = JSON.stringify({
      query: 'mutation ($d: String) { upsertTool(input: { id: "big", name: "Big", description: $d }) { id } }',
      variables: { d: 'x'.repeat(150 * 1024) },
    });
    const answer = await post(body, 'application/json', auth);
    expectRefused(answer, 413, 'BAD_REQUEST');
  });

  it('when the body is a batched array, then 400 and none of it runs', async () => {
    const body = JSON.stringify([
      { query: '{ dbInfo { version } }' },
      { query: 'mutation { deleteNode(id: "backend-engineer", kind: ROLE) }' },
    ]);
    const answer = await post(body, 'application/json', auth);
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual(['BAD_REQUEST']);
  });

  const ping = JSON.stringify({ query: '{ dbInfo { version } }' });
  it.each([
    ['application/json; charset=latin1', 'a latin1 body', Buffer.from(ping, 'latin1')],
    ['application/json; charset=ISO-8859-1', 'a latin1 body', Buffer.from(ping, 'latin1')],
    ['application/json; charset=utf-16le', 'a real UTF-16LE body', Buffer.from(ping, 'utf16le')],
    ['application/json; charset=utf-16', 'a real UTF-16LE body', Buffer.from(ping, 'utf16le')],
  ])('when the content type is %s (%s), then 415 as a JSON error', async (contentType, _what, body) => {
    const answer = await post(body, contentType);
    expectRefused(answer, 415, 'BAD_REQUEST');
  });

  it('when the content type says charset=utf-8, then it answers', async () => {
    const answer = await post(JSON.stringify({ query: '{ dbInfo { version } }' }), 'application/json; charset=utf-8');
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
  });
});

describe('outside production', () => {
  it('when the schema is introspected, then it answers', async () => {
    const answer = await gql('{ __schema { queryType { name } } }');
    expect(answer.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('in production', () => {
  let prodDb: TestDatabase;
  let prod: TestServer;
  let introDb: TestDatabase;
  let intro: TestServer;

  beforeAll(async () => {
    prodDb = await openTestDatabase({ NODE_ENV: 'production', API_TOKEN: TOKEN });
    expect(prodDb.config.env).toBe('production');
    prod = await startTestServer(prodDb);
    introDb = await openTestDatabase({ NODE_ENV: 'production', INTROSPECTION: 'true' });
    intro = await startTestServer(introDb);
  });
  afterAll(async () => {
    await prod?.stop();
    await prodDb?.close();
    await intro?.stop();
    await introDb?.close();
  });

  const prodGql = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    postGraphQL(prod.url, query, variables, headers);

  it.each([
    ['{ __schema { types { name } } }'],
    ['{ __type(name: "Role") { fields { name } } }'],
    ['query IntrospectionQuery { __schema { queryType { name } mutationType { name } } }'],
  ])('when the schema is introspected (%s), then 400 GRAPHQL_VALIDATION_FAILED', async (query) => {
    const answer = await prodGql(query);
    expectRefused(answer, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(errorMessages(answer)[0]).toMatch(/introspection/i);
  });

  it('when __typename is asked for, then it still answers', async () => {
    const answer = await prodGql('{ __typename }');
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('when INTROSPECTION=true is set, then production answers introspection', async () => {
    const answer = await postGraphQL(intro.url, '{ __schema { queryType { name } } }');
    expect(answer.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it.each([
    ['a misspelt field', '{ rol(id: "backend-engineer") { id } }'],
    ['a misspelt nested field', '{ role(id: "backend-engineer") { nam } }'],
    ['a misspelt argument', '{ role(idd: "backend-engineer") { id } }'],
    ['a misspelt enum value', '{ search(text: "kube", kinds: [TOOLS]) { score } }'],
    ['a misspelt input field', '{ roles(filter: { nameContain: "x" }) { totalCount } }'],
    ['a misspelt type', 'query ($f: RoleFilte) { roles(filter: $f) { totalCount } }'],
  ])(
    'when a query has %s, then 400 GRAPHQL_VALIDATION_FAILED without a "Did you mean" suggestion',
    async (_what, query) => {
      const answer = await prodGql(query);
      expect(answer.status).toBe(400);
      expect(errorCodes(answer)[0]).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.text).not.toMatch(/did you mean/i);
    },
  );

  it('when the same misspelling goes to a server outside production, then it does suggest (the contrast)', async () => {
    const answer = await gql('{ rol(id: "backend-engineer") { id } }');
    expect(answer.text).toMatch(/did you mean/i);
  });

  it('when requests fail in every way, then no answer carries a stack trace', async () => {
    const post = (body: string, contentType = 'application/json') =>
      send(prod.url, { method: 'POST', headers: { 'content-type': contentType }, body });
    const answers = [
      await prodGql('{ rol { id } }'),
      await prodGql('{ role(id: "Bad Id") { id } }'),
      await prodGql('{ progressionPaths(from: "no-such-role", to: "staff-engineer") { length } }'),
      await prodGql('{ roles(first: 100000) { totalCount } }'),
      await prodGql('{ roles(after: "garbage") { totalCount } }'),
      await prodGql('mutation { upsertTool(input: { id: "x", name: "" }) { id } }', undefined, auth),
      await prodGql('mutation { upsertTool(input: { id: "x", name: "X" }) { id } }'),
      await prodGql(`{ role(id: "junior-engineer") { ${'nextRoles { '.repeat(30)}id${' }'.repeat(30)} } }`),
      await prodGql('{ dbInfo { version '),
      await post('{"query": '),
      await post(JSON.stringify({ query: '{ dbInfo { version } }', v: 'x'.repeat(150 * 1024) })),
      await post(JSON.stringify([{ query: '{ dbInfo { version } }' }])),
      await post(JSON.stringify({ query: '{ dbInfo { version } }' }), 'text/plain'),
      await post(JSON.stringify({ query: '{ dbInfo { version } }' }), 'application/json; charset=latin1'),
    ];
    for (const answer of answers) {
      expect({ status: answer.status, errors: errorCodes(answer).length > 0 }).toEqual({
        status: answer.status,
        errors: true,
      });
      expect(answer.text).not.toMatch(/stacktrace|exception|\n\s+at |\bat .*\.(js|ts):\d+/i);
    }
  });
});

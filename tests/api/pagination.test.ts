import neo4j from 'neo4j-driver';
import { listNodes } from '../../src/graph/cypher/read.cypher';
import type { NodeKind } from '../../src/model/kinds';
import { uniquePrefix, type TestDatabase } from '../helpers/database';
import { rolesWithTools } from '../helpers/read-plans';
import type { TestGraphQL } from '../helpers/graphql';
import { startTestServer } from '../helpers/server';
import { closeSeededApi, codesOf, KINDS, openSeededApi, QUERY_NAMES, SeedIndex, sortedIds } from './read-api.seed';

let db: TestDatabase;
let gql: TestGraphQL;
let seed: SeedIndex;

beforeAll(async () => {
  ({ db, gql, seed } = await openSeededApi());
});
afterAll(() => closeSeededApi({ db, gql }));

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; name: string } }[];
}

async function page(
  kind: NodeKind,
  args: { first?: number; after?: string | null; filter?: Record<string, unknown> },
): Promise<Page> {
  const { plural, type } = QUERY_NAMES[kind];
  const { data, errors } = await gql.run(
    `query ($first: Int!, $after: String, $filter: ${type}Filter) {
      list: ${plural}(first: $first, after: $after, filter: $filter) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`,
    { first: args.first ?? 20, after: args.after ?? null, filter: args.filter ?? null },
  );
  expect(errors).toBeUndefined();
  return data!.list as Page;
}

/** Follows endCursor until hasNextPage is false; checks each page's own promises on the way. */
async function walk(
  kind: NodeKind,
  first: number,
  filter?: Record<string, unknown>,
): Promise<{ ids: string[]; pages: Page[] }> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 200; guard++) {
    const p = await page(kind, { first, after, filter });
    pages.push(p);
    expect(p.edges.length).toBeLessThanOrEqual(first);
    expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
    if (!p.pageInfo.hasNextPage) break;
    // A page that says more follow is full.
    expect(p.edges).toHaveLength(first);
    after = p.pageInfo.endCursor;
  }
  return { ids: pages.flatMap((p) => p.edges.map((e) => e.node.id)), pages };
}

function expectCompleteWalk(result: { ids: string[]; pages: Page[] }, expected: string[], first: number) {
  const { ids, pages } = result;
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expected);
  expect(pages).toHaveLength(Math.max(1, Math.ceil(expected.length / first)));
  for (const p of pages) expect(p.totalCount).toBe(expected.length);
  expect(pages[pages.length - 1].pageInfo.hasNextPage).toBe(false);
  for (const p of pages.slice(0, -1)) expect(p.pageInfo.hasNextPage).toBe(true);
}

describe('walking the pages of a list', () => {
  it.each([1, 3, 5, 13, 14, 15])(
    'when roles are read %i at a time, then the pages together are the whole ordered list, once each',
    async (first) => {
      const expected = sortedIds(seed.facts.nodes.ROLE);
      expectCompleteWalk(await walk('ROLE', first), expected, first);
    },
  );

  it.each([2, 4, 7, 19])(
    'when skills are read %i at a time, then the pages together are the whole ordered list, once each',
    async (first) => {
      const expected = sortedIds(seed.facts.nodes.SKILL);
      expectCompleteWalk(await walk('SKILL', first), expected, first);
    },
  );

  it.each(KINDS)('when every %s is read two at a time, then no node is missed or repeated', async (kind) => {
    expectCompleteWalk(await walk(kind, 2), sortedIds(seed.facts.nodes[kind]), 2);
  });

  it('when a filtered list is walked, then the pages cover exactly the filtered nodes and count them all', async () => {
    const ic = sortedIds(seed.facts.nodes.ROLE.filter((r) => (r as { track?: string }).track === 'IC'));
    expectCompleteWalk(await walk('ROLE', 4, { track: 'IC' }), ic, 4);
    const skills = seed.ordered(seed.out('REQUIRES_SKILL', 'senior-engineer'));
    expectCompleteWalk(await walk('SKILL', 3, { requiredByRole: 'senior-engineer' }), skills, 3);
  });

  it('when a list is read from each of its cursors, then the rest of the list follows that node', async () => {
    const all = await page('ROLE', { first: 100 });
    const ids = all.edges.map((e) => e.node.id);
    for (const [i, edge] of all.edges.entries()) {
      const rest = await page('ROLE', { first: 100, after: edge.cursor });
      expect(rest.edges.map((e) => e.node.id)).toEqual(ids.slice(i + 1));
      expect(rest.totalCount).toBe(ids.length);
    }
  });

  it('when the last cursor is passed, then the page is empty, says no more follow, and still counts the whole list', async () => {
    const all = await page('SKILL', { first: 100 });
    const after = await page('SKILL', { first: 5, after: all.pageInfo.endCursor });
    expect(after).toEqual({ totalCount: all.totalCount, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it('when first is 1 and 100 (the bounds), then both are accepted', async () => {
    expect((await page('ROLE', { first: 1 })).edges).toHaveLength(1);
    expect((await page('ROLE', { first: 100 })).edges).toHaveLength(seed.facts.nodes.ROLE.length);
  });
});

describe('cursors are positions in the order', () => {
  it('when nodes are added before a cursor between two pages, then the next page still starts right after it', async () => {
    const prefix = uniquePrefix('cursor');
    try {
      const first = await page('ROLE', { first: 4 });
      // Names that sort before every seed role ("A" < "Architect"): they land before the cursor.
      await db.executor.write(
        `UNWIND range(1, 3) AS i
         CREATE (:Role {id: $prefix + '-' + i, name: 'AAA Inserted ' + i, sources: ['Test section']})`,
        { prefix },
      );
      const next = await page('ROLE', { first: 100, after: first.pageInfo.endCursor });
      const expected = sortedIds(seed.facts.nodes.ROLE).slice(4);
      expect(next.edges.map((e) => e.node.id)).toEqual(expected);
      expect(next.totalCount).toBe(seed.facts.nodes.ROLE.length + 3);
    } finally {
      await db.executor.write('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    }
  });

  it('when several nodes share a name, then they are ordered by id and pages split between them cleanly', async () => {
    const prefix = uniquePrefix('same-name');
    const ids = ['c', 'a', 'b'].map((s) => `${prefix}-${s}`);
    try {
      await db.executor.write(
        `UNWIND $ids AS id CREATE (:Skill {id: id, name: 'Communication', sources: ['Test section']})`,
        { ids },
      );
      const nodes = [...seed.facts.nodes.SKILL, ...ids.map((id) => ({ id, name: 'Communication' }))];
      const expected = sortedIds(nodes);
      expectCompleteWalk(
        await walk('SKILL', 1, { nameContains: 'communication' }),
        sortedIds(nodes.filter((n) => n.name.toLowerCase().includes('communication'))),
        1,
      );
      expectCompleteWalk(await walk('SKILL', 2), expected, 2);
    } finally {
      await db.executor.write('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    }
  });
});

describe('bad paging arguments', () => {
  it.each([0, 101, -1, 1000])(
    'when first is %i, then every list answers BAD_USER_INPUT naming `first`',
    async (first) => {
      for (const kind of KINDS) {
        const { plural } = QUERY_NAMES[kind];
        const { data, errors } = await gql.run(
          `query ($first: Int!) { list: ${plural}(first: $first) { totalCount } }`,
          {
            first,
          },
        );
        expect({ kind, codes: codesOf(errors) }).toEqual({ kind, codes: ['BAD_USER_INPUT'] });
        expect(errors![0].message).toMatch(/\bfirst\b/);
        expect(data?.list ?? null).toBeNull();
      }
    },
  );

  it('when first is written inline out of range, then the answer is BAD_USER_INPUT too', async () => {
    for (const query of ['{ roles(first: 0) { totalCount } }', '{ skills(first: 101) { totalCount } }']) {
      const { data, errors } = await gql.run(query);
      expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
      expect(errors![0].message).toMatch(/\bfirst\b/);
      expect(data ?? null).toBeNull();
    }
  });

  it('when first is not an integer, then GraphQL rejects the variable as bad input', async () => {
    const { errors } = await gql.run('query ($first: Int!) { roles(first: $first) { totalCount } }', { first: 'ten' });
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
  });

  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
  const BAD_CURSORS: [string, string][] = [
    ['plain words', 'not a cursor'],
    ['symbols', '!!!***'],
    ['base64 of a word', b64('hello')],
    ['base64 of an object', b64('{"name":"Architect","id":"architect"}')],
    ['base64 of a one-item list', b64('["Architect"]')],
    ['base64 of a list of numbers', b64('[1,2]')],
    ['base64 of a three-item list', b64('["a","b","c"]')],
    ['base64 of null', b64('null')],
    ['random bytes', Buffer.from([0xff, 0xfe, 0x00, 0x81]).toString('base64url')],
  ];
  it.each(BAD_CURSORS)(
    'when the cursor is %s, then the answer is BAD_USER_INPUT naming `after`',
    async (_what, after) => {
      for (const kind of ['ROLE', 'SKILL'] as NodeKind[]) {
        const { plural } = QUERY_NAMES[kind];
        const { data, errors } = await gql.run(
          `query ($after: String) { list: ${plural}(first: 3, after: $after) { totalCount edges { node { id } } } }`,
          { after },
        );
        expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
        expect(errors![0].message).toMatch(/\bafter\b/);
        expect(data?.list ?? null).toBeNull();
      }
    },
  );

  it('when these errors come over HTTP, then the status is 200 and the code is BAD_USER_INPUT', async () => {
    const server = await startTestServer(db);
    try {
      const tooMany = await server.post({ query: '{ roles(first: 101) { totalCount } }' });
      expect(tooMany.status).toBe(200);
      const errors = tooMany.body.errors as { message: string; extensions: { code: string } }[];
      expect(errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
      expect(errors[0].message).toMatch(/\bfirst\b/);

      const badCursor = await server.post({ query: '{ skills(first: 2, after: "nope") { totalCount } }' });
      expect((badCursor.body.errors as { extensions: { code: string } }[])[0].extensions.code).toBe('BAD_USER_INPUT');

      const paged = await server.post({
        query:
          'query ($after: String) { skills(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        variables: { after: null },
      });
      const skills = (paged.body.data as { skills: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }).skills;
      expect(skills.edges).toHaveLength(2);
      expect(skills.pageInfo.hasNextPage).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

describe('what a page reads below its nodes', () => {
  it('when roles on a page share tools that read their own relationships, then every role gets each tool whole, as when the role is read alone', async () => {
    const tools = '{ id name usedByCount usedBy(first: 3) { id name } usedByLinks(first: 2) { emphasis role { id } } }';
    const { data, errors } = await gql.run(
      `{ roles(first: 100) { edges { node { id tools(first: 50) ${tools} toolLinks(first: 50) { emphasis tool ${tools} } } } } }`,
    );
    expect(errors).toBeUndefined();
    type Read = { id: string; tools: { id: string }[]; toolLinks: unknown[] };
    const roles = (data!.roles as { edges: { node: Read }[] }).edges.map((e) => e.node);
    // The page does share: some tool is under more than one of its roles.
    const holders = new Map<string, number>();
    roles.flatMap((r) => r.tools).forEach((t) => holders.set(t.id, (holders.get(t.id) ?? 0) + 1));
    expect(Math.max(...holders.values())).toBeGreaterThan(1);
    for (const role of roles.filter((r) => r.tools.length > 0)) {
      const alone = await gql.run(
        `query ($id: ID!) { role(id: $id) { id tools(first: 50) ${tools} toolLinks(first: 50) { emphasis tool ${tools} } } }`,
        { id: role.id },
      );
      expect(alone.errors).toBeUndefined();
      expect(alone.data!.role).toEqual(role);
    }
  });

  it("when a page is read, then what the plan reads below a node is read for the page's nodes only, not for the one past it that says another page follows", async () => {
    const plan = rolesWithTools();
    const { text, params } = listNodes(plan, []);
    const session = db.driver.session({ database: db.config.neo4j.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(`PROFILE ${text}`, { ...params, filter: {}, after: null, first: neo4j.int(2) });
      const [row] = result.records;
      expect(row.get('page')).toHaveLength(2);
      expect(row.get('hasNextPage')).toBe(true);
      // The expansion of the roles' tools starts from as many roles as the page holds.
      const operators: { operatorType: string; rows: number; arguments: Record<string, unknown> }[] = [];
      const walk = (op: (typeof operators)[number] & { children: never[] }) => {
        operators.push(op);
        op.children.forEach(walk);
      };
      walk(result.summary.profile as never);
      const expand = operators.findIndex(
        (op) => op.operatorType.startsWith('Expand') && /USES_TOOL/.test(String(op.arguments.Details)),
      );
      expect(expand).toBeGreaterThan(-1);
      const argument = operators.slice(expand).find((op) => op.operatorType.startsWith('Argument'));
      expect(argument?.rows).toBe(2);
    } finally {
      await session.close();
    }
  });
});

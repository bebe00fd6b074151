import { randomBytes } from 'node:crypto';
import { openTestDatabase, uniquePrefix, type TestDatabase } from '../helpers/database';
import { errorCodes, postGraphQL, type HttpAnswer } from '../helpers/http-client';
import { deleteByPrefix } from '../helpers/random-graph';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * RELATED_TO was added by one entry in the relationship table: its fields, link type, inverse,
 * order, filter and write rules all come from that entry. Bounded lists and counts are checked
 * on it too. Each test brings its own roles.
 */

const TOKEN = `tok-${randomBytes(24).toString('hex')}`;
const prefix = uniquePrefix('related-to');
const id = (suffix: string) => `${prefix}-${suffix}`;

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase({ API_TOKEN: TOKEN });
  server = await startTestServer(db);
  await db.executor.write(`UNWIND $roles AS r CREATE (:Role {id: r.id, name: r.name, sources: ['Test section']})`, {
    roles: ['a', 'b', 'c', 'd'].map((s) => ({ id: id(s), name: `Related Role ${s.toUpperCase()}` })),
  });
});
afterAll(async () => {
  await server?.stop();
  if (db) {
    await deleteByPrefix(db.executor, prefix);
    await db.close();
  }
});

const send = (query: string, variables?: Record<string, unknown>): Promise<HttpAnswer> =>
  postGraphQL(server.url, query, variables, { authorization: `Bearer ${TOKEN}` });

async function ok(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await send(query, variables);
  expect(answer.body?.errors).toBeUndefined();
  return answer.body!.data;
}

const LINK = `mutation ($from: ID!, $to: ID!, $properties: LinkProperties) {
  link(from: $from, relation: RELATED_TO, to: $to, properties: $properties) { relation created tier rank note sources }
}`;

async function relate(from: string, to: string, properties: Record<string, unknown>) {
  return (await ok(LINK, { from: id(from), to: id(to), properties })).link;
}

describe('RELATED_TO, from the table alone', () => {
  beforeAll(async () => {
    await relate('a', 'c', { tier: 'SUPPLEMENTAL', rank: 1 });
    await relate('a', 'b', { tier: 'PRIMARY_SHORT', rank: 3, sources: ['O*NET related occupations'] });
    await relate('a', 'd', { tier: 'PRIMARY_LONG', rank: 2 });
  });

  it('when a related role is linked, then the write answers with its tier and rank', async () => {
    const written = await relate('b', 'c', { tier: 'PRIMARY_LONG', rank: 7, note: 'Shares most tasks.' });
    expect(written).toEqual({
      relation: 'RELATED_TO',
      created: true,
      tier: 'PRIMARY_LONG',
      rank: 7,
      note: 'Shares most tasks.',
      sources: ['API'],
    });
    const [stored] = await db.executor.read(
      'MATCH (:Role {id: $a})-[r:RELATED_TO]->(:Role {id: $b}) RETURN r.rank AS rank, valueType(r.rank) AS type',
      { a: id('b'), b: id('c') },
    );
    expect(stored).toEqual({ rank: 7, type: 'INTEGER NOT NULL' });
  });

  it('when the related roles are read by name and by rank, then both orders hold, with links, inverse and count', async () => {
    const data = await ok(
      `query ($id: ID!, $c: ID!) {
        role(id: $id) {
          byName: relatedRoles { id }
          byRank: relatedRoleLinks(orderBy: RANK) { role { id } tier rank sources }
          relatedRolesCount
        }
        c: role(id: $c) { relatedFrom { id } relatedFromLinks { role { id } tier } relatedFromCount }
      }`,
      { id: id('a'), c: id('c') },
    );
    expect(data.role.byName.map((r: { id: string }) => r.id)).toEqual([id('b'), id('c'), id('d')]);
    expect(data.role.byRank).toEqual([
      { role: { id: id('c') }, tier: 'SUPPLEMENTAL', rank: 1, sources: ['API'] },
      { role: { id: id('d') }, tier: 'PRIMARY_LONG', rank: 2, sources: ['API'] },
      { role: { id: id('b') }, tier: 'PRIMARY_SHORT', rank: 3, sources: ['O*NET related occupations'] },
    ]);
    expect(data.role.relatedRolesCount).toBe(3);
    expect(data.c.relatedFrom.map((r: { id: string }) => r.id).sort()).toEqual([id('a'), id('b')].sort());
    expect(data.c.relatedFromLinks).toContainEqual({ role: { id: id('a') }, tier: 'SUPPLEMENTAL' });
    expect(data.c.relatedFromCount).toBe(2);
  });

  it('when a list asks for fewer than there are, then it returns that many in order and the count stays whole', async () => {
    const data = await ok(
      `query ($id: ID!) { role(id: $id) { relatedRoleLinks(first: 2, orderBy: RANK) { rank } relatedRoles(first: 1) { id } relatedRolesCount } }`,
      { id: id('a') },
    );
    expect(data.role).toEqual({
      relatedRoleLinks: [{ rank: 1 }, { rank: 2 }],
      relatedRoles: [{ id: id('b') }],
      relatedRolesCount: 3,
    });
  });

  it('when roles are filtered by a related role, then only those related to it come back', async () => {
    const data = await ok(
      `query ($c: ID!) { roles(first: 100, filter: { relatedRoles: $c }) { edges { node { id } } } }`,
      { c: id('c') },
    );
    expect(data.roles.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([id('a'), id('b')].sort());
  });

  it.each([
    ['a tier outside the table', { tier: 'CLOSE' }, 'properties.tier'],
    ['a rank below 1', { rank: 0 }, 'properties.rank'],
    ['a rank above the table’s maximum', { rank: 1001 }, 'properties.rank'],
    ['an emphasis, which RELATED_TO does not take', { emphasis: 'PRIMARY' }, 'properties.emphasis'],
  ])('when a link is given %s, then BAD_USER_INPUT names the property', async (_name, properties, field) => {
    const answer = await send(LINK, { from: id('c'), to: id('d'), properties });
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body!.errors[0].extensions.field).toBe(field);
    const [{ n }] = await db.executor.read(
      'MATCH (:Role {id: $a})-[r:RELATED_TO]->(:Role {id: $b}) RETURN count(r) AS n',
      {
        a: id('c'),
        b: id('d'),
      },
    );
    expect(n).toBe(0);
  });

  it('when a role is related to itself, or a tier is given to USES_TOOL, then BAD_USER_INPUT', async () => {
    const self = await send(LINK, { from: id('d'), to: id('d'), properties: { tier: 'SUPPLEMENTAL' } });
    expect(errorCodes(self)).toEqual(['BAD_USER_INPUT']);
    const tool = await send(
      'mutation ($from: ID!) { link(from: $from, relation: USES_TOOL, to: "docker", properties: { tier: "SUPPLEMENTAL" }) { created } }',
      { from: id('d') },
    );
    expect(errorCodes(tool)).toEqual(['BAD_USER_INPUT']);
    expect(tool.body!.errors[0].extensions.field).toBe('properties.tier');
  });

  it('when a relationship list is asked for 0 or 1001 items, then BAD_USER_INPUT, and 1000 is accepted', async () => {
    for (const first of [0, 1001]) {
      const answer = await send(`query ($id: ID!) { role(id: $id) { relatedRoles(first: ${first}) { id } } }`, {
        id: id('a'),
      });
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    }
    const data = await ok(`query ($id: ID!) { role(id: $id) { relatedRoles(first: 1000) { id } } }`, { id: id('a') });
    expect(data.role.relatedRoles).toHaveLength(3);
  });

  it('when a related role is unlinked, then it is gone from both ends', async () => {
    await relate('d', 'b', { tier: 'SUPPLEMENTAL', rank: 4 });
    const unlink = await ok('mutation ($from: ID!, $to: ID!) { unlink(from: $from, relation: RELATED_TO, to: $to) }', {
      from: id('d'),
      to: id('b'),
    });
    expect(unlink.unlink).toBe(true);
    const data = await ok(
      'query ($d: ID!, $b: ID!) { d: role(id: $d) { relatedRolesCount } b: role(id: $b) { relatedFrom { id } } }',
      {
        d: id('d'),
        b: id('b'),
      },
    );
    expect(data.d.relatedRolesCount).toBe(0);
    expect(data.b.relatedFrom).toEqual([{ id: id('a') }]);
  });
});

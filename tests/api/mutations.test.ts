import { randomBytes } from 'node:crypto';
import { RELATIONSHIPS, STATED_TYPES, type RelationshipType } from '../../src/model/relationships';
import type { NodeKind } from '../../src/model/kinds';
import { spawnApp } from '../helpers/app-process';
import { openTestDatabase, uniquePrefix, type TestDatabase } from '../helpers/database';
import { graphCounts, graphSnapshot, type GraphSnapshot } from '../helpers/graph-snapshot';
import { errorCodes, errorMessages, postGraphQL, type HttpAnswer } from '../helpers/http-client';
import { deleteByPrefix } from '../helpers/random-graph';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * The write API over HTTP (the only way a bearer token reaches it): every mutation, its
 * validation (the loader's rules, each naming its field), its access rules, and proof with
 * Cypher that a refused write leaves the graph exactly as it was.
 */

const TOKEN = `tok-${randomBytes(24).toString('hex')}`;
const prefix = uniquePrefix('mutations');
const id = (suffix: string) => `${prefix}-${suffix}`;

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase({ API_TOKEN: TOKEN });
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.stop();
  if (db) {
    await deleteByPrefix(db.executor, prefix);
    await db.close();
  }
});

const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });

/** A mutation with the configured token. */
function write(query: string, variables?: Record<string, unknown>): Promise<HttpAnswer> {
  return postGraphQL(server.url, query, variables, bearer());
}

/** A read without any token. */
function read(query: string, variables?: Record<string, unknown>): Promise<HttpAnswer> {
  return postGraphQL(server.url, query, variables);
}

/** A write that must succeed: no errors, and the data. */
async function ok(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await write(query, variables);
  expect(answer.body?.errors).toBeUndefined();
  expect(answer.status).toBe(200);
  return answer.body!.data;
}

/** Runs a request that must fail with `code` and leave the graph untouched; returns the first error message. */
async function refused(
  send: () => Promise<HttpAnswer>,
  code: string,
  before?: GraphSnapshot,
): Promise<{ message: string; answer: HttpAnswer }> {
  const snapshot = before ?? (await graphSnapshot(db.executor));
  const answer = await send();
  expect(errorCodes(answer)).toEqual([code]);
  expect(await graphSnapshot(db.executor)).toEqual(snapshot);
  return { message: errorMessages(answer)[0], answer };
}

const NODE_FIELDS = 'id name aliases description sources updatedAt';
const ROLE_FIELDS = `${NODE_FIELDS} seniority level track summary bestFor responsibilities onboardingFocus
  documentationNeeds ergonomics salary { min max currency period basis region caveat }`;

const UPSERT_ROLE = `mutation ($input: RoleInput!) { upsertRole(input: $input) { __typename ${ROLE_FIELDS} } }`;
const READ_ROLE = `query ($id: ID!) { role(id: $id) { ${ROLE_FIELDS} } }`;

interface EntityKind {
  kind: NodeKind;
  type: string;
  mutation: string;
  query: string;
}

const ENTITY_KINDS: EntityKind[] = [
  { kind: 'TOOL', type: 'Tool', mutation: 'upsertTool', query: 'tool' },
  { kind: 'SKILL', type: 'Skill', mutation: 'upsertSkill', query: 'skill' },
  { kind: 'FRAMEWORK', type: 'Framework', mutation: 'upsertFramework', query: 'framework' },
  { kind: 'EMPLOYER', type: 'Employer', mutation: 'upsertEmployer', query: 'employer' },
  { kind: 'WORKFLOW', type: 'Workflow', mutation: 'upsertWorkflow', query: 'workflow' },
  { kind: 'LANGUAGE', type: 'Language', mutation: 'upsertLanguage', query: 'language' },
  { kind: 'CATEGORY', type: 'Category', mutation: 'upsertCategory', query: 'category' },
];

const upsertEntity = (k: EntityKind) =>
  `mutation ($input: NodeInput!) { ${k.mutation}(input: $input) { __typename ${NODE_FIELDS} } }`;
const readEntity = (k: EntityKind) => `query ($id: ID!) { ${k.query}(id: $id) { ${NODE_FIELDS} } }`;

const UPSERT_BY_KIND: Record<NodeKind, string> = {
  ROLE: UPSERT_ROLE,
  ...(Object.fromEntries(ENTITY_KINDS.map((k) => [k.kind, upsertEntity(k)])) as Record<
    Exclude<NodeKind, 'ROLE'>,
    string
  >),
};
const MUTATION_OF: Record<NodeKind, string> = {
  ROLE: 'upsertRole',
  ...(Object.fromEntries(ENTITY_KINDS.map((k) => [k.kind, k.mutation])) as Record<Exclude<NodeKind, 'ROLE'>, string>),
};

/** Creates a node of `kind` through the API and returns its id. */
async function create(kind: NodeKind, suffix: string, name = `Node ${suffix}`): Promise<string> {
  const nodeId = id(suffix);
  const data = await ok(UPSERT_BY_KIND[kind], { input: { id: nodeId, name } });
  expect(data[MUTATION_OF[kind]].id).toBe(nodeId);
  return nodeId;
}

const LINK = `mutation ($from: ID!, $relation: RelationKind!, $to: ID!, $properties: LinkProperties) {
  link(from: $from, relation: $relation, to: $to, properties: $properties) {
    relation created emphasis note sources
    from { __typename id name }
    to { __typename id name }
  }
}`;
const UNLINK = `mutation ($from: ID!, $relation: RelationKind!, $to: ID!) { unlink(from: $from, relation: $relation, to: $to) }`;
const DELETE = `mutation ($id: ID!, $kind: NodeKind!) { deleteNode(id: $id, kind: $kind) }`;

const TYPE_NAME: Record<NodeKind, string> = {
  ROLE: 'Role',
  TOOL: 'Tool',
  SKILL: 'Skill',
  FRAMEWORK: 'Framework',
  EMPLOYER: 'Employer',
  WORKFLOW: 'Workflow',
  LANGUAGE: 'Language',
  CATEGORY: 'Category',
};

async function relationshipCount(): Promise<number> {
  return (await graphCounts(db.executor)).relationships;
}

function expectRecent(updatedAt: unknown): void {
  expect(typeof updatedAt).toBe('string');
  const at = Date.parse(updatedAt as string);
  expect(Number.isNaN(at)).toBe(false);
  expect(Math.abs(Date.now() - at)).toBeLessThan(60_000);
}

function withoutTypename(node: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== '__typename'));
}

const fullSalary = { min: 100000, max: 150000, currency: 'USD', period: 'YEAR', basis: 'BASE' };

describe('upsertRole', () => {
  it('when a new role is written with every field, then the answer and a later read return them all, sources given, updatedAt set', async () => {
    const input = {
      id: id('role-full'),
      name: 'Full Role',
      aliases: ['FR', 'Complete Role'],
      description: 'A role with every field.',
      sources: ['Verdict', 'Career Progression'],
      seniority: 'Senior',
      level: 3,
      track: 'IC',
      summary: 'Builds things.',
      bestFor: 'People who like building.',
      responsibilities: ['Design', 'Build', 'Review'],
      onboardingFocus: 'The codebase.',
      documentationNeeds: 'API docs.',
      ergonomics: 'A good editor.',
      salary: { ...fullSalary, region: 'US', caveat: 'Varies by company.' },
    };
    const before = await graphCounts(db.executor);
    const data = await ok(UPSERT_ROLE, { input });
    const { updatedAt, __typename, ...written } = data.upsertRole;
    expect(__typename).toBe('Role');
    expect(written).toEqual(input);
    expectRecent(updatedAt);
    expect(await graphCounts(db.executor)).toEqual({ ...before, nodes: before.nodes + 1 });

    const readBack = await read(READ_ROLE, { id: input.id });
    expect(readBack.body?.errors).toBeUndefined();
    expect(readBack.body!.data.role).toEqual({ ...input, updatedAt });
  });

  it('when a new role is written with only id and name, then sources default to ["API"] and the rest is empty', async () => {
    const data = await ok(UPSERT_ROLE, { input: { id: id('role-min'), name: 'Minimal Role' } });
    expect(data.upsertRole).toMatchObject({
      id: id('role-min'),
      name: 'Minimal Role',
      sources: ['API'],
      aliases: [],
      description: null,
      seniority: null,
      level: null,
      track: null,
      responsibilities: [],
      salary: null,
    });
    expectRecent(data.upsertRole.updatedAt);
  });

  it('when an existing role is written with some fields, then only those change and the others are kept', async () => {
    const roleId = id('role-partial');
    const first = await ok(UPSERT_ROLE, {
      input: {
        id: roleId,
        name: 'Partial Role',
        description: 'Kept.',
        aliases: ['PR'],
        level: 2,
        track: 'IC',
        responsibilities: ['One'],
        salary: fullSalary,
        sources: ['Verdict'],
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    const nodesBefore = (await graphCounts(db.executor)).nodes;
    const data = await ok(UPSERT_ROLE, { input: { id: roleId, name: 'Partial Role Renamed', level: 4 } });
    expect(data.upsertRole).toMatchObject({
      id: roleId,
      name: 'Partial Role Renamed',
      level: 4,
      description: 'Kept.',
      aliases: ['PR'],
      track: 'IC',
      responsibilities: ['One'],
      salary: { ...fullSalary, region: null, caveat: null },
      sources: ['Verdict'],
    });
    expect(Date.parse(data.upsertRole.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.upsertRole.updatedAt));
    expect((await graphCounts(db.executor)).nodes).toBe(nodesBefore);

    const readBack = await read(READ_ROLE, { id: roleId });
    expect(readBack.body!.data.role).toEqual(withoutTypename(data.upsertRole));
  });

  it('when fields are given as null, then they are cleared and the others are kept', async () => {
    const roleId = id('role-clear');
    await ok(UPSERT_ROLE, {
      input: {
        id: roleId,
        name: 'Clear Role',
        description: 'Goes away.',
        aliases: ['CR'],
        seniority: 'Mid',
        level: 2,
        track: 'MANAGEMENT',
        summary: 'Goes away too.',
        responsibilities: ['Gone'],
        salary: fullSalary,
        bestFor: 'Stays.',
      },
    });
    const data = await ok(UPSERT_ROLE, {
      input: {
        id: roleId,
        name: 'Clear Role',
        description: null,
        aliases: null,
        seniority: null,
        level: null,
        track: null,
        summary: null,
        responsibilities: null,
        salary: null,
      },
    });
    expect(data.upsertRole).toMatchObject({
      description: null,
      aliases: [],
      seniority: null,
      level: null,
      track: null,
      summary: null,
      responsibilities: [],
      salary: null,
      bestFor: 'Stays.',
      sources: ['API'],
    });
    const readBack = await read(READ_ROLE, { id: roleId });
    expect(readBack.body!.data.role).toEqual(withoutTypename(data.upsertRole));
    const [stored] = await db.executor.read('MATCH (r:Role {id: $id}) RETURN properties(r) AS p', { id: roleId });
    const props = stored.p as Record<string, unknown>;
    for (const key of ['description', 'seniority', 'level', 'track', 'summary']) expect(props[key]).toBeUndefined();
  });

  it('when the same input is written twice, then there is one node and the same answer apart from updatedAt', async () => {
    const input = { id: id('role-twice'), name: 'Twice Role', level: 1, salary: fullSalary };
    const before = await graphCounts(db.executor);
    const first = await ok(UPSERT_ROLE, { input });
    const second = await ok(UPSERT_ROLE, { input });
    expect({ ...second.upsertRole, updatedAt: null }).toEqual({ ...first.upsertRole, updatedAt: null });
    expect(await graphCounts(db.executor)).toEqual({ ...before, nodes: before.nodes + 1 });
    const rows = await db.executor.read('MATCH (r:Role {id: $id}) RETURN count(r) AS n', { id: input.id });
    expect(Number(rows[0].n)).toBe(1);
  });

  it('when a role is written, then the list and search reads see it at once', async () => {
    const word = `zyx${randomBytes(4).toString('hex')}`;
    const roleId = id('role-visible');
    await ok(UPSERT_ROLE, { input: { id: roleId, name: `Visible ${word} Engineer` } });
    const answer = await read(
      `query ($word: String!) {
        roles(filter: { nameContains: $word }) { totalCount edges { node { id } } }
        search(text: $word, kinds: [ROLE]) { node { id } }
      }`,
      { word },
    );
    expect(answer.body?.errors).toBeUndefined();
    expect(answer.body!.data.roles).toEqual({ totalCount: 1, edges: [{ node: { id: roleId } }] });
    expect(answer.body!.data.search).toEqual([{ node: { id: roleId } }]);
  });
});

describe.each(ENTITY_KINDS)('$mutation', (k) => {
  it('when a new node is written with only id and name, then sources default to ["API"], updatedAt is set and a read sees it', async () => {
    const nodeId = id(`${k.query}-new`);
    const before = await graphCounts(db.executor);
    const data = await ok(upsertEntity(k), { input: { id: nodeId, name: `New ${k.type}` } });
    expect(data[k.mutation]).toMatchObject({
      __typename: k.type,
      id: nodeId,
      name: `New ${k.type}`,
      aliases: [],
      description: null,
      sources: ['API'],
    });
    expectRecent(data[k.mutation].updatedAt);
    expect(await graphCounts(db.executor)).toEqual({ ...before, nodes: before.nodes + 1 });
    const [label] = (await db.executor.read('MATCH (n {id: $id}) RETURN labels(n) AS l', { id: nodeId }))[0]
      .l as string[];
    expect(label).toBe(k.type);

    const readBack = await read(readEntity(k), { id: nodeId });
    expect(readBack.body!.data[k.query]).toEqual(withoutTypename(data[k.mutation]));
  });

  it('when a node is updated with some fields, null for others, then given ones change, null ones clear, omitted ones stay', async () => {
    const nodeId = id(`${k.query}-upd`);
    await ok(upsertEntity(k), {
      input: { id: nodeId, name: 'Before', aliases: ['B1'], description: 'Old text.', sources: ['Verdict'] },
    });
    const renamed = await ok(upsertEntity(k), { input: { id: nodeId, name: 'After', aliases: ['A1', 'A2'] } });
    expect(renamed[k.mutation]).toMatchObject({
      name: 'After',
      aliases: ['A1', 'A2'],
      description: 'Old text.',
      sources: ['Verdict'],
    });
    const cleared = await ok(upsertEntity(k), {
      input: { id: nodeId, name: 'After', description: null, aliases: null },
    });
    expect(cleared[k.mutation]).toMatchObject({ name: 'After', aliases: [], description: null, sources: ['Verdict'] });
    const readBack = await read(readEntity(k), { id: nodeId });
    expect(readBack.body!.data[k.query]).toEqual(withoutTypename(cleared[k.mutation]));
  });

  it('when the same input is written twice, then one node exists and the answers match apart from updatedAt', async () => {
    const input = { id: id(`${k.query}-twice`), name: 'Twice', aliases: ['T'], sources: ['Verdict'] };
    const before = await graphCounts(db.executor);
    const first = await ok(upsertEntity(k), { input });
    const second = await ok(upsertEntity(k), { input });
    expect({ ...second[k.mutation], updatedAt: null }).toEqual({ ...first[k.mutation], updatedAt: null });
    expect(await graphCounts(db.executor)).toEqual({ ...before, nodes: before.nodes + 1 });
  });

  it('when the id belongs to a role, then BAD_USER_INPUT names the id and nothing changes', async () => {
    const roleId = await create('ROLE', `owner-of-${k.query}`);
    const { message } = await refused(
      () => write(upsertEntity(k), { input: { id: roleId, name: 'Squatter' } }),
      'BAD_USER_INPUT',
    );
    expect(message).toContain(roleId);
  });
});

describe('upsertRole on an id another kind owns', () => {
  it('when the id belongs to a tool, then BAD_USER_INPUT names the id and nothing changes', async () => {
    const toolId = await create('TOOL', 'owned-tool');
    const { message } = await refused(
      () => write(UPSERT_ROLE, { input: { id: toolId, name: 'Squatter' } }),
      'BAD_USER_INPUT',
    );
    expect(message).toContain(toolId);
  });
});

describe('validation: the loader rules, each naming its field', () => {
  const long = (n: number) => 'x'.repeat(n);
  const many = (n: number) => Array.from({ length: n }, (_, i) => `item ${i}`);
  const roleCases: [string, string, Record<string, unknown>][] = [
    ['an id with spaces and capitals', 'input.id', { id: 'Not A Slug' }],
    ['an id with a double dash', 'input.id', { id: 'a--b' }],
    ['an id with a trailing dash', 'input.id', { id: 'trailing-' }],
    ['an id of 101 characters', 'input.id', { id: 'a'.repeat(101) }],
    ['an empty name', 'input.name', { name: '' }],
    ['a blank name', 'input.name', { name: '   ' }],
    ['a name of 121 characters', 'input.name', { name: long(121) }],
    ['a salary min above max', 'input.salary.min', { salary: { ...fullSalary, min: 200000, max: 100000 } }],
    ['a negative salary min', 'input.salary.min', { salary: { ...fullSalary, min: -1 } }],
    ['a currency that is not ISO 4217', 'input.salary.currency', { salary: { ...fullSalary, currency: 'DOLLARS' } }],
    ['a lower-case currency', 'input.salary.currency', { salary: { ...fullSalary, currency: 'usd' } }],
    ['51 aliases', 'input.aliases', { aliases: many(51) }],
    ['51 responsibilities', 'input.responsibilities', { responsibilities: many(51) }],
    ['21 sources', 'input.sources', { sources: many(21) }],
    ['no sources', 'input.sources', { sources: [] }],
    ['a description of 2001 characters', 'input.description', { description: long(2001) }],
    ['level 11', 'input.level', { level: 11 }],
    ['level 0', 'input.level', { level: 0 }],
    ['an empty alias', 'input.aliases', { aliases: [''] }],
  ];

  it.each(roleCases)(
    'when upsertRole gets %s, then BAD_USER_INPUT names %s and nothing is written',
    async (_what, field, patch) => {
      const input = { id: id('invalid-role'), name: 'Invalid Role', ...patch };
      const { message } = await refused(() => write(UPSERT_ROLE, { input }), 'BAD_USER_INPUT');
      expect(message).toContain(field);
    },
  );

  it.each(
    roleCases.filter(([, , patch]) => !('salary' in patch) && !('level' in patch) && !('responsibilities' in patch)),
  )('when upsertTool gets %s, then BAD_USER_INPUT names %s and nothing is written', async (_what, field, patch) => {
    const input = { id: id('invalid-tool'), name: 'Invalid Tool', ...patch };
    const { message } = await refused(() => write(upsertEntity(ENTITY_KINDS[0]), { input }), 'BAD_USER_INPUT');
    expect(message).toContain(field);
  });

  it('when an existing role is updated with an invalid field, then BAD_USER_INPUT names it and the stored role is unchanged', async () => {
    const roleId = await create('ROLE', 'valid-then-invalid');
    const { message } = await refused(
      () => write(UPSERT_ROLE, { input: { id: roleId, name: 'Renamed', salary: { ...fullSalary, min: 9, max: 1 } } }),
      'BAD_USER_INPUT',
    );
    expect(message).toContain('input.salary.min');
  });
});

describe('deleteNode', () => {
  it('when an existing node is deleted, then it answers true, the node is gone and its relationships are detached', async () => {
    const roleId = await create('ROLE', 'del-role');
    const toolId = await create('TOOL', 'del-tool');
    const skillId = await create('SKILL', 'del-skill');
    await ok(LINK, { from: roleId, relation: 'USES_TOOL', to: toolId });
    await ok(LINK, { from: roleId, relation: 'REQUIRES_SKILL', to: skillId });
    const before = await graphCounts(db.executor);

    const data = await ok(DELETE, { id: toolId, kind: 'TOOL' });
    expect(data.deleteNode).toBe(true);
    expect(await graphCounts(db.executor)).toEqual({
      nodes: before.nodes - 1,
      relationships: before.relationships - 1,
    });

    const answer = await read(
      `query ($r: ID!, $t: ID!) { tool(id: $t) { id } role(id: $r) { tools { id } skills { id } } }`,
      {
        r: roleId,
        t: toolId,
      },
    );
    expect(answer.body?.errors).toBeUndefined();
    expect(answer.body!.data).toEqual({ tool: null, role: { tools: [], skills: [{ id: skillId }] } });
  });

  it('when the node does not exist, then it answers false and nothing changes', async () => {
    const snapshot = await graphSnapshot(db.executor);
    const data = await ok(DELETE, { id: id('never-was'), kind: 'ROLE' });
    expect(data.deleteNode).toBe(false);
    expect(await graphSnapshot(db.executor)).toEqual(snapshot);
  });

  it('when the node is deleted a second time, then it answers false', async () => {
    const skillId = await create('SKILL', 'del-twice');
    expect((await ok(DELETE, { id: skillId, kind: 'SKILL' })).deleteNode).toBe(true);
    expect((await ok(DELETE, { id: skillId, kind: 'SKILL' })).deleteNode).toBe(false);
  });

  it('when the id exists under another kind, then it answers false and that node stays', async () => {
    const roleId = await create('ROLE', 'del-other-kind');
    const snapshot = await graphSnapshot(db.executor);
    const data = await ok(DELETE, { id: roleId, kind: 'TOOL' });
    expect(data.deleteNode).toBe(false);
    expect(await graphSnapshot(db.executor)).toEqual(snapshot);
  });

  it('when the id is malformed, then BAD_USER_INPUT and nothing changes', async () => {
    await refused(() => write(DELETE, { id: 'Not a slug!', kind: 'ROLE' }), 'BAD_USER_INPUT');
  });
});

describe('link and unlink', () => {
  /** One valid pair of ends for each relation type, created through the API. */
  async function endsFor(type: RelationshipType, tag: string): Promise<{ from: string; to: string }> {
    const spec = RELATIONSHIPS[type];
    const from = await create(spec.from, `${tag}-from`);
    const to = await create(spec.to, `${tag}-to`);
    return { from, to };
  }

  it('when every stated relation is linked between nodes of the right kinds, then each is created with default sources', async () => {
    for (const type of STATED_TYPES) {
      const spec = RELATIONSHIPS[type];
      const ends = await endsFor(type, `every-${type.toLowerCase().replace(/_/g, '-')}`);
      const before = await relationshipCount();
      const data = await ok(LINK, { ...ends, relation: type });
      expect({ type, link: data.link }).toEqual({
        type,
        link: {
          relation: type,
          created: true,
          emphasis: null,
          note: null,
          sources: ['API'],
          from: { __typename: TYPE_NAME[spec.from], id: ends.from, name: expect.any(String) },
          to: { __typename: TYPE_NAME[spec.to], id: ends.to, name: expect.any(String) },
        },
      });
      expect(await relationshipCount()).toBe(before + 1);
      const rows = await db.executor.read(`MATCH ({id: $from})-[r:${type}]->({id: $to}) RETURN count(r) AS n`, ends);
      expect(Number(rows[0].n)).toBe(1);
    }
  });

  it('when a link carries properties, then they are returned, stored and read back', async () => {
    const roleId = await create('ROLE', 'props-role');
    const toolId = await create('TOOL', 'props-tool');
    const properties = { emphasis: 'PRIMARY', note: 'Used every day.', sources: ['Key Skills and Tools'] };
    const data = await ok(LINK, { from: roleId, relation: 'USES_TOOL', to: toolId, properties });
    expect(data.link).toMatchObject({ relation: 'USES_TOOL', created: true, ...properties });
    const answer = await read(
      `query ($id: ID!) { role(id: $id) { toolUsages { tool { id } emphasis note sources } } }`,
      { id: roleId },
    );
    expect(answer.body!.data.role.toolUsages).toEqual([{ tool: { id: toolId }, ...properties }]);
  });

  it('when the same link is written twice, then the second answers created: false and no relationship is added', async () => {
    const roleId = await create('ROLE', 'twice-role');
    const skillId = await create('SKILL', 'twice-skill');
    const vars = { from: roleId, relation: 'REQUIRES_SKILL', to: skillId, properties: { emphasis: 'CORE' } };
    expect((await ok(LINK, vars)).link.created).toBe(true);
    const before = await relationshipCount();
    const second = await ok(LINK, vars);
    expect(second.link).toMatchObject({ created: false, emphasis: 'CORE', relation: 'REQUIRES_SKILL' });
    expect(await relationshipCount()).toBe(before);
  });

  it('when PRACTICES carries free-text emphasis, then it is accepted as written', async () => {
    const ends = await endsFor('PRACTICES', 'practices-text');
    const data = await ok(LINK, { ...ends, relation: 'PRACTICES', properties: { emphasis: 'Daily, in pairs' } });
    expect(data.link.emphasis).toBe('Daily, in pairs');
  });

  it('when a link exists and is unlinked, then unlink answers true, the relationship is gone; a second unlink answers false', async () => {
    const ends = await endsFor('HIRES', 'unlink');
    await ok(LINK, { ...ends, relation: 'HIRES' });
    const before = await relationshipCount();
    expect((await ok(UNLINK, { ...ends, relation: 'HIRES' })).unlink).toBe(true);
    expect(await relationshipCount()).toBe(before - 1);
    const answer = await read(`query ($id: ID!) { employer(id: $id) { hires { id } } }`, { id: ends.from });
    expect(answer.body!.data.employer.hires).toEqual([]);
    const snapshot = await graphSnapshot(db.executor);
    expect((await ok(UNLINK, { ...ends, relation: 'HIRES' })).unlink).toBe(false);
    expect(await graphSnapshot(db.executor)).toEqual(snapshot);
  });

  it('when unlink names a relation that is not there (other type between the same nodes), then it answers false and nothing changes', async () => {
    const a = await create('ROLE', 'unlink-type-a');
    const b = await create('ROLE', 'unlink-type-b');
    await ok(LINK, { from: a, relation: 'PROGRESSES_TO', to: b });
    const snapshot = await graphSnapshot(db.executor);
    expect((await ok(UNLINK, { from: a, relation: 'PIVOTS_TO', to: b })).unlink).toBe(false);
    expect((await ok(UNLINK, { from: b, relation: 'PROGRESSES_TO', to: a })).unlink).toBe(false);
    expect(await graphSnapshot(db.executor)).toEqual(snapshot);
  });

  describe('refused links', () => {
    let role: string;
    let role2: string;
    let tool: string;
    let tool2: string;
    let skill: string;
    let employer: string;
    beforeAll(async () => {
      role = await create('ROLE', 'bad-link-role');
      role2 = await create('ROLE', 'bad-link-role2');
      tool = await create('TOOL', 'bad-link-tool');
      tool2 = await create('TOOL', 'bad-link-tool2');
      skill = await create('SKILL', 'bad-link-skill');
      employer = await create('EMPLOYER', 'bad-link-employer');
    });

    it.each([
      ['USES_TOOL from a tool', () => ({ from: tool, relation: 'USES_TOOL', to: tool2 })],
      ['USES_TOOL to a skill', () => ({ from: role, relation: 'USES_TOOL', to: skill })],
      ['HIRES from a role to an employer (reversed)', () => ({ from: role, relation: 'HIRES', to: employer })],
      ['PROGRESSES_TO from a role to a tool', () => ({ from: role, relation: 'PROGRESSES_TO', to: tool })],
      ['IN_CATEGORY from a tool to a tool', () => ({ from: tool, relation: 'IN_CATEGORY', to: tool2 })],
    ])('when linking %s, then BAD_USER_INPUT and nothing changes', async (_what, vars) => {
      await refused(() => write(LINK, vars()), 'BAD_USER_INPUT');
    });

    it.each(['PROGRESSES_TO', 'PIVOTS_TO'])(
      'when a role %s itself, then BAD_USER_INPUT and nothing changes',
      async (relation) => {
        await refused(() => write(LINK, { from: role, relation, to: role }), 'BAD_USER_INPUT');
      },
    );

    it.each([
      ['USES_TOOL', 'CENTRAL', () => ({ from: role, to: tool })],
      ['USES_TOOL', 'primary', () => ({ from: role, to: tool })],
      ['REQUIRES_SKILL', 'PRIMARY', () => ({ from: role, to: skill })],
      ['PROGRESSES_TO', 'PRIMARY', () => ({ from: role, to: role2 })],
      ['HIRES', 'CORE', () => ({ from: employer, to: role })],
    ])('when %s carries emphasis %s, then BAD_USER_INPUT and nothing changes', async (relation, emphasis, ends) => {
      await refused(() => write(LINK, { ...ends(), relation, properties: { emphasis } }), 'BAD_USER_INPUT');
    });

    it.each([
      ['a note of 2001 characters', { note: 'n'.repeat(2001) }],
      ['21 sources', { sources: Array.from({ length: 21 }, (_, i) => `s${i}`) }],
      ['an empty source list', { sources: [] }],
    ])('when the properties hold %s, then BAD_USER_INPUT and nothing changes', async (_what, properties) => {
      await refused(() => write(LINK, { from: role, relation: 'USES_TOOL', to: tool, properties }), 'BAD_USER_INPUT');
    });

    it('when the from end does not exist, then NOT_FOUND names it', async () => {
      const missing = id('no-such-role');
      const { message } = await refused(
        () => write(LINK, { from: missing, relation: 'USES_TOOL', to: tool }),
        'NOT_FOUND',
      );
      expect(message).toContain(missing);
    });

    it('when the to end does not exist, then NOT_FOUND names it', async () => {
      const missing = id('no-such-tool');
      const { message } = await refused(
        () => write(LINK, { from: role, relation: 'USES_TOOL', to: missing }),
        'NOT_FOUND',
      );
      expect(message).toContain(missing);
    });

    it('when an end id is malformed, then BAD_USER_INPUT and nothing changes', async () => {
      await refused(() => write(LINK, { from: 'Bad Id', relation: 'USES_TOOL', to: tool }), 'BAD_USER_INPUT');
      await refused(() => write(UNLINK, { from: role, relation: 'USES_TOOL', to: 'Bad Id' }), 'BAD_USER_INPUT');
    });
  });
});

/** Each mutation with valid arguments that would change the graph if it ran. */
async function everyMutation(): Promise<[string, string, Record<string, unknown>][]> {
  const role = await create('ROLE', 'auth-role');
  const role2 = await create('ROLE', 'auth-role2');
  const tool = await create('TOOL', 'auth-tool');
  await ok(LINK, { from: role, relation: 'USES_TOOL', to: tool });
  return [
    ['upsertRole', UPSERT_ROLE, { input: { id: role, name: 'Hijacked' } }],
    ...ENTITY_KINDS.map(
      (k) =>
        [k.mutation, upsertEntity(k), { input: { id: id(`auth-new-${k.query}`), name: 'Intruder' } }] as [
          string,
          string,
          Record<string, unknown>,
        ],
    ),
    ['deleteNode', DELETE, { id: role, kind: 'ROLE' }],
    ['link', LINK, { from: role, relation: 'PROGRESSES_TO', to: role2 }],
    ['unlink', UNLINK, { from: role, relation: 'USES_TOOL', to: tool }],
  ];
}

describe('access: a token is configured', () => {
  let mutations: [string, string, Record<string, unknown>][];
  beforeAll(async () => {
    mutations = await everyMutation();
  });

  it('when the mutations are listed, then all eleven are covered', () => {
    expect(mutations.map(([name]) => name).sort()).toEqual(
      [
        'deleteNode',
        'link',
        'unlink',
        'upsertCategory',
        'upsertEmployer',
        'upsertFramework',
        'upsertLanguage',
        'upsertRole',
        'upsertSkill',
        'upsertTool',
        'upsertWorkflow',
      ].sort(),
    );
  });

  const headerCases: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['"Basic x"', { authorization: 'Basic x' }],
    ['"Bearer" with no token', { authorization: 'Bearer' }],
    ['"Bearer " and a blank', { authorization: 'Bearer ' }],
    ['a wrong token', { authorization: `Bearer ${'w'.repeat(TOKEN.length)}` }],
    ['the token with a suffix', { authorization: `Bearer ${TOKEN}x` }],
    ['the token as Basic', { authorization: `Basic ${TOKEN}` }],
  ];

  it.each(headerCases)(
    'when each mutation is sent with %s, then each answers UNAUTHENTICATED and nothing changes',
    async (_what, headers) => {
      const snapshot = await graphSnapshot(db.executor);
      for (const [name, query, variables] of mutations) {
        const answer = await postGraphQL(server.url, query, variables, headers);
        expect({ name, codes: errorCodes(answer), data: answer.body?.data ?? null }).toEqual({
          name,
          codes: ['UNAUTHENTICATED'],
          data: null,
        });
        expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
      }
      expect(await graphSnapshot(db.executor)).toEqual(snapshot);
    },
  );

  it('when a query is sent without a token, then it answers', async () => {
    const answer = await read('{ dbInfo { version } roles(first: 1) { totalCount } }');
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
  });
});

describe('access: no token is configured', () => {
  let noTokenDb: TestDatabase;
  let noTokenServer: TestServer;
  let mutations: [string, string, Record<string, unknown>][];
  beforeAll(async () => {
    mutations = await everyMutation();
    noTokenDb = await openTestDatabase({ API_TOKEN: '' });
    expect(noTokenDb.config.apiToken).toBeUndefined();
    noTokenServer = await startTestServer(noTokenDb);
  });
  afterAll(async () => {
    await noTokenServer?.stop();
    await noTokenDb?.close();
  });

  it.each([
    ['no Authorization header', {}],
    ['the token of the other server', { authorization: `Bearer ${TOKEN}` }],
  ])(
    'when each mutation is sent with %s, then each answers FORBIDDEN saying writes are disabled, and nothing changes',
    async (_what, headers) => {
      const snapshot = await graphSnapshot(db.executor);
      for (const [name, query, variables] of mutations) {
        const answer = await postGraphQL(noTokenServer.url, query, variables, headers);
        expect({ name, codes: errorCodes(answer), data: answer.body?.data ?? null }).toEqual({
          name,
          codes: ['FORBIDDEN'],
          data: null,
        });
        expect(errorMessages(answer)[0]).toMatch(/writes are disabled/i);
      }
      expect(await graphSnapshot(db.executor)).toEqual(snapshot);
    },
  );

  it('when a query is sent, then it answers', async () => {
    const answer = await postGraphQL(noTokenServer.url, '{ dbInfo { version } }');
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
  });
});

describe('the token and the logs', () => {
  it('when the built app logs every request at trace level, then the token appears nowhere in its output', async () => {
    const app = await spawnApp({
      NEO4J_URI: db.config.neo4j.uri!,
      API_TOKEN: TOKEN,
      LOG_LEVEL: 'trace',
      NODE_ENV: 'development',
    });
    try {
      const auth = { authorization: `Bearer ${TOKEN}` };
      const created = await postGraphQL(app.url, UPSERT_ROLE, { input: { id: id('log-role'), name: 'Log' } }, auth);
      expect(created.body?.errors).toBeUndefined();
      // A refused write, a bad input and an unknown link end: each is logged as an error.
      await postGraphQL(app.url, UPSERT_ROLE, { input: { id: id('log-role'), name: '' } }, auth);
      await postGraphQL(app.url, LINK, { from: id('log-role'), relation: 'USES_TOOL', to: id('nope') }, auth);
      await postGraphQL(
        app.url,
        UPSERT_ROLE,
        { input: { id: id('log-role2'), name: 'X' } },
        {
          authorization: `Bearer ${TOKEN.slice(0, -1)}`,
        },
      );
      await postGraphQL(app.url, '{ nope }', undefined, auth);
      await new Promise((r) => setTimeout(r, 300));
      const output = app.output();
      expect(output).toContain('"msg":"request"');
      expect(output).not.toContain(TOKEN);
      expect(output).not.toContain(TOKEN.slice(0, -1));
    } finally {
      await app.kill();
    }
  });
});

import type { NodeKind } from '../../src/model/kinds';
import type { EntityFact, RoleFact } from '../../src/model/rules';
import { type TestDatabase } from '../helpers/database';
import type { TestGraphQL } from '../helpers/graphql';
import { startTestServer, type TestServer } from '../helpers/server';
import {
  closeSeededApi,
  codesOf,
  KINDS,
  labelOfKind,
  openSeededApi,
  QUERY_NAMES,
  SeedIndex,
  sortedIds,
} from './read-api.seed';

let db: TestDatabase;
let gql: TestGraphQL;
let seed: SeedIndex;

beforeAll(async () => {
  ({ db, gql, seed } = await openSeededApi());
});
afterAll(() => closeSeededApi({ db, gql }));

const NODE_FIELDS = 'id name aliases description sources updatedAt';
const ROLE_FIELDS = `${NODE_FIELDS} seniority level track summary bestFor responsibilities onboardingFocus
  documentationNeeds ergonomics salary { min max currency period basis region caveat }`;
const fieldsOf = (kind: NodeKind) => (kind === 'ROLE' ? ROLE_FIELDS : NODE_FIELDS);

/** What the API should answer for a seed fact: absent optional values are null or []. */
function expectedNode(kind: NodeKind, fact: RoleFact | EntityFact): Record<string, unknown> {
  const base = {
    id: fact.id,
    name: fact.name,
    aliases: fact.aliases ?? [],
    description: fact.description ?? null,
    sources: fact.sources,
  };
  if (kind !== 'ROLE') return base;
  const role = fact as RoleFact;
  return {
    ...base,
    seniority: role.seniority ?? null,
    level: role.level ?? null,
    track: role.track ?? null,
    summary: role.summary ?? null,
    bestFor: role.bestFor ?? null,
    responsibilities: role.responsibilities ?? [],
    onboardingFocus: role.onboardingFocus ?? null,
    documentationNeeds: role.documentationNeeds ?? null,
    ergonomics: role.ergonomics ?? null,
    salary: role.salary ? { region: null, caveat: null, ...role.salary } : null,
  };
}

type Listed = { totalCount: number; edges: { node: Record<string, unknown> & { id: string; name: string } }[] };

async function listAll(kind: NodeKind, filter?: Record<string, unknown>): Promise<Listed> {
  const { plural, type } = QUERY_NAMES[kind];
  const { data, errors } = await gql.run(
    `query ($filter: ${type}Filter) { list: ${plural}(first: 100, filter: $filter) {
      totalCount edges { node { id name } } } }`,
    { filter },
  );
  expect(errors).toBeUndefined();
  return data!.list as Listed;
}

describe('single lookups', () => {
  it.each(KINDS)(
    'when %s nodes are looked up one by one by id, then each comes back with every field as the seed states it',
    async (kind) => {
      const { single, type } = QUERY_NAMES[kind];
      const facts = seed.facts.nodes[kind];
      expect(facts.length).toBeGreaterThan(0);
      // In operations of at most MAX_QUERY_ALIASES lookups each, as a client must send them.
      const perOperation = db.config.limits.aliases;
      const answers: Record<string, unknown> = {};
      for (let start = 0; start < facts.length; start += perOperation) {
        const query = `query { ${facts
          .slice(start, start + perOperation)
          .map((f, i) => `n${start + i}: ${single}(id: ${JSON.stringify(f.id)}) { __typename ${fieldsOf(kind)} }`)
          .join(' ')} }`;
        const { data, errors } = await gql.run(query);
        expect(errors).toBeUndefined();
        Object.assign(answers, data);
      }
      expect(Object.keys(answers)).toHaveLength(facts.length);
      facts.forEach((fact, i) => {
        const got = answers[`n${i}`] as Record<string, unknown>;
        const { updatedAt, __typename, ...rest } = got;
        expect(__typename).toBe(type);
        expect(rest).toEqual(expectedNode(kind, fact));
        expect(typeof updatedAt).toBe('string');
        expect(Number.isNaN(Date.parse(updatedAt as string))).toBe(false);
        expect(updatedAt as string).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      });
    },
  );

  it.each(KINDS)('when a %s that does not exist is looked up, then the answer is null without errors', async (kind) => {
    const { single } = QUERY_NAMES[kind];
    const { data, errors } = await gql.run(`query ($id: ID!) { found: ${single}(id: $id) { id } }`, {
      id: 'no-such-node-anywhere',
    });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ found: null });
  });

  it('when an id of another kind is looked up (a role id as a tool), then the answer is null', async () => {
    const { data, errors } = await gql.run(
      '{ tool(id: "backend-engineer") { id } role(id: "kubernetes") { id } skill(id: "google") { id } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ tool: null, role: null, skill: null });
  });

  const MALFORMED = [
    'Backend Engineer',
    'BACKEND-ENGINEER',
    'backend_engineer',
    'backend--engineer',
    '-backend',
    'backend-',
    '',
    ' ',
    "x' OR 1=1 //",
    'a'.repeat(101),
    'rôle',
  ];
  it.each(KINDS)('when a %s is looked up with malformed ids, then each is BAD_USER_INPUT naming `id`', async (kind) => {
    const { single } = QUERY_NAMES[kind];
    for (const id of MALFORMED) {
      const { data, errors } = await gql.run(`query ($id: ID!) { found: ${single}(id: $id) { id } }`, { id });
      expect({ id, codes: codesOf(errors) }).toEqual({ id, codes: ['BAD_USER_INPUT'] });
      expect(errors![0].message).toMatch(/\bid\b/);
      expect(errors![0].path).toEqual(['found']);
      expect(data).toEqual({ found: null });
    }
  });

  it('when one malformed id sits next to good lookups, then only that field fails and the others answer', async () => {
    const { data, errors } = await gql.run(
      '{ good: role(id: "backend-engineer") { id } bad: role(id: "Not An Id") { id } missing: role(id: "nobody") { id } }',
    );
    expect(data).toEqual({ good: { id: 'backend-engineer' }, bad: null, missing: null });
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors![0].path).toEqual(['bad']);
  });

  it('when a role has no salary in the seed, then salary is null; when it has one, then every part is there', async () => {
    const withSalary = seed.facts.nodes.ROLE.find((r) => (r as RoleFact).salary) as RoleFact;
    const without = seed.facts.nodes.ROLE.find((r) => !(r as RoleFact).salary) as RoleFact;
    const { data, errors } = await gql.run(
      `query ($a: ID!, $b: ID!) {
        a: role(id: $a) { salary { min max currency period basis region caveat } }
        b: role(id: $b) { salary { min } responsibilities aliases }
      }`,
      { a: withSalary.id, b: without.id },
    );
    expect(errors).toBeUndefined();
    expect(data!.a.salary).toEqual({ region: null, caveat: null, ...withSalary.salary });
    expect(data!.b.salary).toBeNull();
    expect(Array.isArray(data!.b.responsibilities)).toBe(true);
  });

  it('when backend-engineer is looked up, then its fields are the seed facts about it', async () => {
    const { data, errors } = await gql.run(
      '{ role(id: "backend-engineer") { name aliases seniority level track salary { min max currency period basis region } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.role).toEqual({
      name: 'Backend Engineer',
      aliases: ['Back-End Engineer', 'Backend Developer'],
      seniority: 'Individual Contributor',
      level: 2,
      track: 'IC',
      salary: { min: 100000, max: 180000, currency: 'USD', period: 'YEAR', basis: 'BASE', region: 'US' },
    });
  });

  it('when nodes are read through the Node interface fragments, then each resolves to its own type', async () => {
    const { data, errors } = await gql.run(`{
      tool(id: "kubernetes") { ... on Node { id aliases } }
      category(id: "cloud-platform") { ... on Node { id name } tools { id } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.tool).toEqual({ id: 'kubernetes', aliases: ['K8s'] });
    expect(data!.category.name).toBe('Cloud Platform');
  });
});

describe('listing every kind', () => {
  it.each(KINDS)(
    'when all %s nodes are listed, then the list holds exactly the seed nodes, by name then id, with their fields',
    async (kind) => {
      const { plural } = QUERY_NAMES[kind];
      const { data, errors } = await gql.run(
        `{ list: ${plural}(first: 100) { totalCount pageInfo { hasNextPage endCursor }
           edges { cursor node { ${fieldsOf(kind)} } } } }`,
      );
      expect(errors).toBeUndefined();
      const facts = seed.facts.nodes[kind];
      const list = data!.list;
      expect(list.totalCount).toBe(facts.length);
      expect(list.pageInfo.hasNextPage).toBe(false);
      expect(list.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(sortedIds(facts));
      expect(list.pageInfo.endCursor).toBe(list.edges[list.edges.length - 1].cursor);
      const byId = new Map(facts.map((f) => [f.id, f]));
      for (const { node } of list.edges as { node: Record<string, unknown> & { id: string } }[]) {
        const { updatedAt, ...rest } = node;
        expect(rest).toEqual(expectedNode(kind, byId.get(node.id)!));
        expect(typeof updatedAt).toBe('string');
      }
    },
  );

  it('when a list is asked for without `first`, then at most 20 come back (the default)', async () => {
    const { data, errors } = await gql.run('{ skills { totalCount edges { node { id } } pageInfo { hasNextPage } } }');
    expect(errors).toBeUndefined();
    const total = seed.facts.nodes.SKILL.length;
    expect(data!.skills.totalCount).toBe(total);
    expect(data!.skills.edges).toHaveLength(Math.min(20, total));
    expect(data!.skills.pageInfo.hasNextPage).toBe(total > 20);
  });
});

describe('filters', () => {
  const roleIds = (pred: (r: RoleFact) => boolean) => sortedIds((seed.facts.nodes.ROLE as RoleFact[]).filter(pred));
  const nameHas = (part: string) => (n: { name: string }) => n.name.toLowerCase().includes(part.toLowerCase());

  /**
   * `everything` marks the filters whose answer in the seed is the whole list (their empty cases are
   * below). Rows differ in length, so the test takes them as a rest parameter: a declared fifth
   * parameter would make Jest pass a `done` callback to the shorter rows.
   */
  type Case = [
    label: string,
    kind: NodeKind,
    filter: Record<string, unknown>,
    expected: () => string[],
    everything?: 'matches everything in the seed',
  ];
  const cases: Case[] = [
    ['Role nameContains, any case', 'ROLE', { nameContains: 'BACKEND' }, () => roleIds(nameHas('backend'))],
    [
      'Role seniority, any case',
      'ROLE',
      { seniority: 'sEnIoR' },
      () => roleIds((r) => r.seniority?.toLowerCase() === 'senior'),
    ],
    ['Role track MANAGEMENT', 'ROLE', { track: 'MANAGEMENT' }, () => roleIds((r) => r.track === 'MANAGEMENT')],
    ['Role track IC', 'ROLE', { track: 'IC' }, () => roleIds((r) => r.track === 'IC')],
    ['Role minLevel', 'ROLE', { minLevel: 4 }, () => roleIds((r) => r.level !== undefined && r.level >= 4)],
    ['Role maxLevel', 'ROLE', { maxLevel: 2 }, () => roleIds((r) => r.level !== undefined && r.level <= 2)],
    [
      'Role level range',
      'ROLE',
      { minLevel: 3, maxLevel: 4 },
      () => roleIds((r) => r.level !== undefined && r.level >= 3 && r.level <= 4),
    ],
    ['Role usesTool', 'ROLE', { usesTool: 'kubernetes' }, () => seed.ordered(seed.in('USES_TOOL', 'kubernetes'))],
    ['Role usesTool (one user only)', 'ROLE', { usesTool: 'jira' }, () => seed.ordered(seed.in('USES_TOOL', 'jira'))],
    [
      'Role requiresSkill',
      'ROLE',
      { requiresSkill: 'system-design' },
      () => seed.ordered(seed.in('REQUIRES_SKILL', 'system-design')),
    ],
    [
      'Role usesFramework',
      'ROLE',
      { usesFramework: 'express-js' },
      () => seed.ordered(seed.in('USES_FRAMEWORK', 'express-js')),
    ],
    ['Role hiredBy', 'ROLE', { hiredBy: 'google' }, () => seed.ordered(seed.out('HIRES', 'google'))],
    ['Role hiredBy (one role only)', 'ROLE', { hiredBy: 'meta' }, () => seed.ordered(seed.out('HIRES', 'meta'))],
    [
      'Role filters combined',
      'ROLE',
      { nameContains: 'engineer', track: 'IC', minLevel: 3, requiresSkill: 'collaboration' },
      () => {
        const needs = new Set(seed.in('REQUIRES_SKILL', 'collaboration'));
        return roleIds((r) => nameHas('engineer')(r) && r.track === 'IC' && (r.level ?? 0) >= 3 && needs.has(r.id));
      },
    ],
    [
      'Tool nameContains',
      'TOOL',
      { nameContains: 'GIT' },
      () => sortedIds(seed.facts.nodes.TOOL.filter(nameHas('git'))),
    ],
    [
      'Tool category',
      'TOOL',
      { category: 'cloud-platform' },
      () => seed.ordered(seed.in('IN_CATEGORY', 'cloud-platform')),
    ],
    [
      'Tool usedByRole',
      'TOOL',
      { usedByRole: 'backend-engineer' },
      () => seed.ordered(seed.out('USES_TOOL', 'backend-engineer')),
    ],
    [
      'Tool category and usedByRole',
      'TOOL',
      { category: 'version-control', usedByRole: 'senior-engineer' },
      () => {
        const used = new Set(seed.out('USES_TOOL', 'senior-engineer'));
        return seed.ordered(seed.in('IN_CATEGORY', 'version-control').filter((t) => used.has(t)));
      },
    ],
    [
      'Skill nameContains',
      'SKILL',
      { nameContains: 'optim' },
      () => sortedIds(seed.facts.nodes.SKILL.filter(nameHas('optim'))),
    ],
    [
      'Skill requiredByRole',
      'SKILL',
      { requiredByRole: 'senior-engineer' },
      () => seed.ordered(seed.out('REQUIRES_SKILL', 'senior-engineer')),
    ],
    [
      'Framework nameContains',
      'FRAMEWORK',
      { nameContains: '.JS' },
      () => sortedIds(seed.facts.nodes.FRAMEWORK.filter(nameHas('.js'))),
    ],
    [
      'Framework usedByRole',
      'FRAMEWORK',
      { usedByRole: 'backend-engineer' },
      () => seed.ordered(seed.out('USES_FRAMEWORK', 'backend-engineer')),
    ],
    ['Framework runsOn', 'FRAMEWORK', { runsOn: 'node-js' }, () => seed.ordered(seed.in('RUNS_ON', 'node-js'))],
    [
      'Employer nameContains',
      'EMPLOYER',
      { nameContains: 'o' },
      () => sortedIds(seed.facts.nodes.EMPLOYER.filter(nameHas('o'))),
    ],
    [
      'Employer hiresRole',
      'EMPLOYER',
      { hiresRole: 'senior-engineer' },
      () => seed.ordered(seed.in('HIRES', 'senior-engineer')),
    ],
    [
      'Workflow nameContains',
      'WORKFLOW',
      { nameContains: 'ci/cd' },
      () => sortedIds(seed.facts.nodes.WORKFLOW.filter(nameHas('ci/cd'))),
    ],
    [
      'Workflow practicedByRole',
      'WORKFLOW',
      { practicedByRole: 'backend-engineer' },
      () => seed.ordered(seed.out('PRACTICES', 'backend-engineer')),
      'matches everything in the seed',
    ],
    [
      'Language nameContains',
      'LANGUAGE',
      { nameContains: 'PYTH' },
      () => sortedIds(seed.facts.nodes.LANGUAGE.filter(nameHas('pyth'))),
    ],
    [
      'Language usedByRole',
      'LANGUAGE',
      { usedByRole: 'backend-engineer' },
      () => seed.ordered(seed.out('USES_LANGUAGE', 'backend-engineer')),
      'matches everything in the seed',
    ],
    [
      'Category nameContains',
      'CATEGORY',
      { nameContains: 'code' },
      () => sortedIds(seed.facts.nodes.CATEGORY.filter(nameHas('code'))),
    ],
  ];

  it.each(cases)(
    'when %s is applied, then exactly the matching nodes come back, in order, counted',
    async (...[, kind, filter, expected, everything]: Case) => {
      const want = expected();
      expect(want.length).toBeGreaterThan(0);
      if (!everything) expect(want.length).toBeLessThan(seed.facts.nodes[kind].length);
      const list = await listAll(kind, filter);
      expect(list.edges.map((e) => e.node.id)).toEqual(want);
      expect(list.totalCount).toBe(want.length);
    },
  );

  it('when a role filter agrees with Cypher run directly on the database, then the API and Cypher give the same roles', async () => {
    const rows = await db.executor.read(
      `MATCH (r:Role)-[:USES_TOOL]->(:Tool {id: 'docker'}) WHERE r.level <= 3
       RETURN r.id AS id ORDER BY r.name, r.id`,
    );
    const list = await listAll('ROLE', { usesTool: 'docker', maxLevel: 3 });
    expect(rows.length).toBeGreaterThan(0);
    expect(list.edges.map((e) => e.node.id)).toEqual(rows.map((r) => r.id));
  });

  it.each<[NodeKind, Record<string, unknown>]>([
    ['ROLE', { usesTool: 'no-such-tool' }],
    ['ROLE', { hiredBy: 'no-such-employer' }],
    ['ROLE', { nameContains: 'zzz-nothing-like-this' }],
    ['ROLE', { minLevel: 4, maxLevel: 2 }],
    ['TOOL', { category: 'no-such-category' }],
    ['SKILL', { requiredByRole: 'no-such-role' }],
    ['FRAMEWORK', { runsOn: 'kubernetes' }],
    ['EMPLOYER', { hiresRole: 'frontend-engineer' }],
    ['WORKFLOW', { practicedByRole: 'architect' }],
    ['LANGUAGE', { usedByRole: 'senior-engineer' }],
  ])('when a %s filter matches nothing (%j), then the list is empty with totalCount 0', async (kind, filter) => {
    const { plural, type } = QUERY_NAMES[kind];
    const { data, errors } = await gql.run(
      `query ($filter: ${type}Filter) { list: ${plural}(first: 5, filter: $filter) {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { filter },
    );
    expect(errors).toBeUndefined();
    expect(data!.list).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('when an empty filter object or a null filter is given, then the whole list comes back', async () => {
    const all = seed.facts.nodes.TOOL.length;
    expect((await listAll('TOOL', {})).totalCount).toBe(all);
    expect((await listAll('TOOL', undefined)).totalCount).toBe(all);
  });

  it.each<[NodeKind, Record<string, unknown>]>([
    ['ROLE', { usesTool: 'Not A Slug' }],
    ['ROLE', { hiredBy: 'GOOGLE' }],
    ['ROLE', { requiresSkill: 'system_design' }],
    ['ROLE', { usesFramework: 'express.js' }],
    ['ROLE', { minLevel: 0 }],
    ['ROLE', { maxLevel: 11 }],
    ['TOOL', { category: 'Cloud Platform' }],
    ['TOOL', { usedByRole: 'backend engineer' }],
    ['SKILL', { requiredByRole: '-x-' }],
    ['FRAMEWORK', { runsOn: 'Node.js' }],
    ['EMPLOYER', { hiresRole: "x' OR 1=1" }],
    ['WORKFLOW', { practicedByRole: 'A' }],
    ['LANGUAGE', { usedByRole: 'back--end' }],
    ['CATEGORY', { nameContains: 'x'.repeat(201) }],
  ])('when a %s filter holds a malformed value (%j), then the answer is BAD_USER_INPUT', async (kind, filter) => {
    const { plural, type } = QUERY_NAMES[kind];
    const { data, errors } = await gql.run(
      `query ($filter: ${type}Filter) { list: ${plural}(first: 5, filter: $filter) { totalCount } }`,
      { filter },
    );
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    expect(data?.list ?? null).toBeNull();
  });

  it('when a role filter names a track that is not an enum value, then GraphQL rejects it as bad input', async () => {
    const { errors } = await gql.run('query ($f: RoleFilter) { roles(filter: $f) { totalCount } }', {
      f: { track: 'WIZARD' },
    });
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('dbInfo', () => {
  it('when dbInfo is asked, then it names the Neo4j that dbms.components() reports', async () => {
    const [row] = await db.executor.read(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
    );
    const { data, errors, dbQueries } = await gql.run('{ dbInfo { name version edition } }');
    expect(errors).toBeUndefined();
    expect(data!.dbInfo).toEqual({ name: row.name, version: row.version, edition: row.edition });
    expect(data!.dbInfo.version).toMatch(/^5\.26\./);
    expect(dbQueries).toBe(1);
  });
});

describe('over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db);
  });
  afterAll(() => server.stop());

  it('when a role is looked up by id with variables, then the answer is the role with its relationships', async () => {
    const { status, body } = await server.post({
      query: 'query One($id: ID!) { role(id: $id) { id name tools { id } employers { id } } }',
      variables: { id: 'backend-engineer' },
      operationName: 'One',
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const role = (body.data as { role: { id: string; tools: { id: string }[]; employers: { id: string }[] } }).role;
    expect(role.id).toBe('backend-engineer');
    expect(role.tools.map((t) => t.id).sort()).toEqual(seed.out('USES_TOOL', 'backend-engineer').sort());
    expect(role.employers.map((e) => e.id).sort()).toEqual(seed.in('HIRES', 'backend-engineer').sort());
  });

  it('when an unknown id is looked up, then data says null and there are no errors', async () => {
    const { status, body } = await server.post({ query: '{ framework(id: "no-such-framework") { id } }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { framework: null } });
  });

  it('when a malformed id is looked up, then the error is BAD_USER_INPUT and names the argument', async () => {
    const { status, body } = await server.post({
      query: 'query ($id: ID!) { employer(id: $id) { id } }',
      variables: { id: 'Google Inc.' },
    });
    expect(status).toBe(200);
    const errors = body.errors as { message: string; extensions: { code: string } }[];
    expect(errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0].message).toMatch(/\bid\b/);
    expect(body.data).toEqual({ employer: null });
  });

  it('when a filtered list is asked for, then the filter applies and the count matches', async () => {
    const { body } = await server.post({
      query: 'query ($f: ToolFilter) { tools(filter: $f) { totalCount edges { node { id } } } }',
      variables: { f: { category: 'cloud-platform' } },
    });
    expect(body.errors).toBeUndefined();
    const tools = (body.data as { tools: { totalCount: number; edges: { node: { id: string } }[] } }).tools;
    const want = seed.ordered(seed.in('IN_CATEGORY', 'cloud-platform'));
    expect(tools.edges.map((e) => e.node.id)).toEqual(want);
    expect(tools.totalCount).toBe(want.length);
  });
});

const NODE_QUERY = 'query ($id: ID!) { node(id: $id) { __typename id name } }';

describe('node(id)', () => {
  it.each(KINDS)('when the id of any %s in the seed is asked, then that node answers with its type', async (kind) => {
    const facts = seed.facts.nodes[kind];
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      const { data, errors } = await gql.run(NODE_QUERY, { id: fact.id });
      expect(errors).toBeUndefined();
      expect(data).toEqual({ node: { __typename: labelOfKind(kind), id: fact.id, name: fact.name } });
    }
  });

  it('when no node has the id, then the answer is null without errors', async () => {
    const { data, errors } = await gql.run(NODE_QUERY, { id: 'no-such-node-anywhere' });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ node: null });
  });

  it('when the id is malformed, then BAD_USER_INPUT names `id`', async () => {
    const { data, errors } = await gql.run(NODE_QUERY, { id: 'Backend Engineer' });
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors![0].message).toMatch(/^id: /);
    expect(data).toEqual({ node: null });
  });

  it('when a fragment asks a relationship of the kind it turns out to be, then it comes in the same round trip', async () => {
    const role = seed.busiestFrom('USES_TOOL');
    const { data, errors, dbQueries } = await gql.run(
      `query ($id: ID!) {
        node(id: $id) {
          id
          ... on Role { tools { id } }
          ... on Tool { usedBy { id } }
        }
      }`,
      { id: role },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      node: { id: role, tools: seed.ordered(seed.out('USES_TOOL', role)).map((id) => ({ id })) },
    });
    expect(dbQueries).toBe(1);
  });
});

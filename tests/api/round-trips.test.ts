import { randomBytes } from 'node:crypto';
import { uniquePrefix, type TestDatabase } from '../helpers/database';
import type { TestGraphQL } from '../helpers/graphql';
import { startTestServer } from '../helpers/server';
import { closeSeededApi, openSeededApi, SeedIndex } from './read-api.seed';

let db: TestDatabase;
let gql: TestGraphQL;
let seed: SeedIndex;
const TOKEN = `tok-${randomBytes(24).toString('hex')}`;

beforeAll(async () => {
  // Round trips are counted on pages large enough for every list, far above the production cost
  // limit (which the limit tests check); the highest limit the configuration accepts lets them run.
  // The token lets the mutation tests write over HTTP.
  ({ db, gql, seed } = await openSeededApi({ MAX_QUERY_COST: '100000000', API_TOKEN: TOKEN }));
});
afterAll(() => closeSeededApi({ db, gql }));

/** Runs a query, fails on errors, and returns its data with the database round trips it cost. */
async function measure(query: string, variables?: Record<string, unknown>) {
  const { data, errors, dbQueries } = await gql.run(query, variables);
  expect(errors).toBeUndefined();
  return { data: data!, dbQueries };
}

/** `page`: an explicit page size for the nested lists, large enough for every list the graph holds. */
const FOUR_LEVELS = (first: number, page?: number) => {
  const args = page === undefined ? '' : `(first: ${page})`;
  return `{ roles(first: ${first}) { edges { node { id tools${args} { id usedBy${args} { id skills${args} { id name } } } } } } }`;
};

type FourLevels = {
  roles: {
    edges: { node: { id: string; tools: { id: string; usedBy: { id: string; skills: { id: string }[] }[] }[] } }[];
  };
};

/** The role → tools → usedBy → skills tree the graph holds, from Cypher, for comparison. */
async function fourLevelsFromCypher(roleIds: string[]) {
  const rows = await db.executor.read(
    `UNWIND $roleIds AS rid
     MATCH (r:Role {id: rid})
     OPTIONAL MATCH (r)-[:USES_TOOL]->(t:Tool)
     OPTIONAL MATCH (t)<-[:USES_TOOL]-(u:Role)
     OPTIONAL MATCH (u)-[:REQUIRES_SKILL]->(s:Skill)
     RETURN rid, t.id AS tool, u.id AS user, s.id AS skill`,
    { roleIds },
  );
  return new Set(rows.map((r) => `${r.rid}|${r.tool}|${r.user}|${r.skill}`));
}

function flatten(data: FourLevels) {
  const out = new Set<string>();
  for (const { node: role } of data.roles.edges) {
    if (role.tools.length === 0) out.add(`${role.id}|null|null|null`);
    for (const tool of role.tools) {
      for (const user of tool.usedBy) {
        if (user.skills.length === 0) out.add(`${role.id}|${tool.id}|${user.id}|null`);
        for (const skill of user.skills) out.add(`${role.id}|${tool.id}|${user.id}|${skill.id}`);
      }
    }
  }
  return out;
}

describe('one database round trip per nesting level', () => {
  it('when roles → tools → usedBy → skills is asked for 50 roles, then it costs at most 4 queries and is right', async () => {
    const { data, dbQueries } = await measure(FOUR_LEVELS(50));
    expect(dbQueries).toBeLessThanOrEqual(4);
    const result = data as FourLevels;
    expect(result.roles.edges).toHaveLength(seed.facts.nodes.ROLE.length);
    const roleIds = result.roles.edges.map((e) => e.node.id);
    expect(flatten(result)).toEqual(await fourLevelsFromCypher(roleIds));
  });

  it('when the graph has ten times more roles, then the same query costs no more queries', async () => {
    const before = (await measure(FOUR_LEVELS(50, 1000))).dbQueries;
    const prefix = uniquePrefix('many-roles');
    const extra = 10 * seed.facts.nodes.ROLE.length;
    try {
      await db.executor.write(
        `UNWIND range(1, $extra) AS i
         CREATE (r:Role {id: $prefix + '-' + i, name: 'Extra Role ' + i, level: 1 + i % 5, track: 'IC', sources: ['Test section']})
         WITH r, i
         MATCH (k:Tool {id: 'kubernetes'}), (d:Tool {id: 'docker'}), (g:Tool {id: 'git'}), (s:Skill {id: 'communication'})
         CREATE (r)-[:USES_TOOL {sources: ['Test section']}]->(k)
         CREATE (r)-[:USES_TOOL {sources: ['Test section']}]->(d)
         FOREACH (_ IN CASE WHEN i % 2 = 0 THEN [1] ELSE [] END | CREATE (r)-[:USES_TOOL {sources: ['Test section']}]->(g))
         CREATE (r)-[:REQUIRES_SKILL {sources: ['Test section']}]->(s)`,
        { prefix, extra },
      );
      const [{ roles }] = await db.executor.read('MATCH (r:Role) RETURN count(r) AS roles');
      expect(roles).toBe(11 * seed.facts.nodes.ROLE.length);
      const { data, dbQueries } = await measure(FOUR_LEVELS(50, 1000));
      expect(dbQueries).toBe(before);
      const result = data as FourLevels;
      expect(result.roles.edges).toHaveLength(50);
      // Extra roles are among the 50 (their names sort among the seed's), and their answers are right.
      expect(result.roles.edges.some((e) => e.node.id.startsWith(prefix))).toBe(true);
      expect(flatten(result)).toEqual(await fourLevelsFromCypher(result.roles.edges.map((e) => e.node.id)));
    } finally {
      await db.executor.write('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    }
    const [{ left }] = await db.executor.read('MATCH (n) WHERE n.id STARTS WITH $prefix RETURN count(n) AS left', {
      prefix,
    });
    expect(left).toBe(0);
  });

  const ROLE_PAGE = 'name salary { min max } tools { name } skills { name } nextRoles { name }';
  const ROLE_PAGES: [string, (id: string) => string][] = [
    ['directly', (id) => `{ role(id: "${id}") { ${ROLE_PAGE} } }`],
    [
      'through a named fragment',
      (id) => `query { role(id: "${id}") { ...Page } } fragment Page on Role { ${ROLE_PAGE} }`,
    ],
    ['through an inline fragment', (id) => `{ role(id: "${id}") { ... on Role { ${ROLE_PAGE} } } }`],
    [
      'with its tools as links',
      (id) =>
        `{ role(id: "${id}") { name salary { min max } toolUsages { tool { name } emphasis } skills { name } nextRoles { name } } }`,
    ],
  ];
  it.each(ROLE_PAGES)(
    'when one role asks for its name, salary, tools, skills and next roles (%s), then it costs exactly 1 query and is right',
    async (_how, query) => {
      const id = 'senior-engineer';
      const names = (ids: string[]) => seed.ordered(ids).map((x) => seed.node(x).name);
      const { data, dbQueries } = await measure(query(id));
      const fact = seed.node(id) as { name: string; salary?: { min: number; max: number } };
      expect(fact.salary).toBeDefined();
      expect(data.role.name).toBe(fact.name);
      expect(data.role.salary).toEqual({ min: fact.salary!.min, max: fact.salary!.max });
      const tools = data.role.tools ?? data.role.toolUsages.map((u: { tool: unknown }) => u.tool);
      expect(tools.map((t: { name: string }) => t.name)).toEqual(names(seed.out('USES_TOOL', id)));
      expect(data.role.skills.map((t: { name: string }) => t.name)).toEqual(names(seed.out('REQUIRES_SKILL', id)));
      expect(data.role.nextRoles.map((t: { name: string }) => t.name)).toEqual(names(seed.out('PROGRESSES_TO', id)));
      if (data.role.toolUsages) {
        const emphasis = (to: string) =>
          seed.rels('USES_TOOL').find((r) => r.from === id && r.to === to)?.properties?.emphasis ?? null;
        expect(data.role.toolUsages.map((u: { emphasis: string | null }) => u.emphasis)).toEqual(
          seed.ordered(seed.out('USES_TOOL', id)).map(emphasis),
        );
      }
      // Not vacuous: every list has something in it.
      expect(Math.min(tools.length, data.role.skills.length, data.role.nextRoles.length)).toBeGreaterThan(0);
      expect(dbQueries).toBe(1);
    },
  );

  it('when a role that does not exist is asked for its tools, then it is null and costs exactly 1 query', async () => {
    const { data, dbQueries } = await measure('{ role(id: "no-such-role") { name tools { name } skills { name } } }');
    expect(data).toEqual({ role: null });
    expect(dbQueries).toBe(1);
  });

  it('when a relationship is asked for as nodes, as links and under a deprecated name, then the list reads them all in one query', async () => {
    const { data, dbQueries } = await measure(
      '{ roles(first: 100) { edges { node { tools { id } toolLinks { tool { id } } toolUsages { tool { id } emphasis sources } } } } }',
    );
    expect(dbQueries).toBe(1);
    for (const { node } of data.roles.edges) {
      expect(node.toolLinks.map((l: { tool: { id: string } }) => l.tool.id)).toEqual(
        node.tools.map((t: { id: string }) => t.id),
      );
      expect(node.toolUsages.map((l: { tool: { id: string } }) => l.tool.id)).toEqual(
        node.tools.map((t: { id: string }) => t.id),
      );
    }
  });

  it('when roles → tools → usedBy is asked, then the list statement reads every level: 1 query, where one per level took 3', async () => {
    const { data, dbQueries } = await measure(
      '{ roles(first: 50) { edges { node { id tools { id usedBy { id name } } } } } }',
    );
    expect(dbQueries).toBe(1);
    const rows = await db.executor.read(
      `MATCH (r:Role)-[:USES_TOOL]->(t:Tool) WHERE r.id IN $ids MATCH (t)<-[:USES_TOOL]-(u:Role) RETURN r.id + '|' + t.id + '|' + u.id AS path`,
      { ids: data.roles.edges.map((e: { node: { id: string } }) => e.node.id) },
    );
    const answered = data.roles.edges.flatMap(
      (e: { node: { id: string; tools: { id: string; usedBy: { id: string }[] }[] } }) =>
        e.node.tools.flatMap((t) => t.usedBy.map((u) => `${e.node.id}|${t.id}|${u.id}`)),
    );
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.sort()).toEqual(rows.map((r) => r.path as string).sort());
  });

  it('when relationships are asked below the answer of a traversal, then each level below costs at most one query', async () => {
    const a = seed.rels('PROGRESSES_TO')[0].from;
    const { data, dbQueries } = await measure(
      `{ similarRoles(id: "${a}", first: 10) { role { id tools { id usedBy { id } } toolsCount } } }`,
    );
    expect(data.similarRoles.length).toBeGreaterThan(1);
    for (const { role } of data.similarRoles) expect(role.toolsCount).toBe(seed.out('USES_TOOL', role.id).length);
    // The traversal, then one statement for everything asked below its roles.
    expect(dbQueries).toBe(2);
  });

  it('when every relationship field of every role is asked for, then the cost does not depend on how many roles there are', async () => {
    const allFields = (first: number) => `{ roles(first: ${first}) { edges { node {
      tools { id } skills { id } frameworks { id } languages { id } workflows { id } employers { id }
      nextRoles { id } previousRoles { id } adjacentRoles { id }
      toolUsages { sources } skillRequirements { sources } frameworkUsages { sources } languageUsages { sources }
      workflowPractices { sources } hirings { sources } promotions { sources } pivots { sources }
    } } } }`;
    const one = await measure(allFields(1));
    const all = await measure(allFields(100));
    expect(all.data.roles.edges.length).toBeGreaterThan(1);
    expect(all.dbQueries).toBe(one.dbQueries);
    // One list query plus at most one per relationship type and direction.
    expect(all.dbQueries).toBeLessThanOrEqual(1 + 9);
  });

  it('when several roles are looked up by id in one operation, then they are read in one query', async () => {
    const { data, dbQueries } = await measure(
      '{ a: role(id: "backend-engineer") { id } b: role(id: "architect") { id } c: role(id: "no-such-role") { id } }',
    );
    expect(data).toEqual({ a: { id: 'backend-engineer' }, b: { id: 'architect' }, c: null });
    expect(dbQueries).toBe(1);
  });

  it('when a promotion chain is followed three levels deep, then each level costs one query', async () => {
    const { data, dbQueries } = await measure(
      '{ role(id: "backend-engineer") { nextRoles { id nextRoles { id nextRoles { id } } } } }',
    );
    expect(data.role.nextRoles.length).toBeGreaterThan(0);
    expect(dbQueries).toBeLessThanOrEqual(4);
  });

  it('when search hits ask for relationships two levels deep, then the search statement reads every level: 1 query', async () => {
    const { data, dbQueries } = await measure(
      '{ search(text: "engineer", first: 50, kinds: [ROLE]) { node { id ... on Role { tools { id usedBy { id } } } } } }',
    );
    expect(data.search.length).toBeGreaterThan(1);
    expect(data.search.some((hit: { node: { tools: unknown[] } }) => hit.node.tools.length > 0)).toBe(true);
    expect(dbQueries).toBe(1);
  });

  it('when the four-level query goes over HTTP with x-debug-metrics, then the metrics report at most 4 queries', async () => {
    const server = await startTestServer(db);
    try {
      const { status, body } = await server.post({ query: FOUR_LEVELS(50) }, { 'x-debug-metrics': '1' });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const metrics = (body.extensions as { metrics: { dbQueries: number; dbTimeMs: number } }).metrics;
      expect(metrics.dbQueries).toBeGreaterThan(0);
      expect(metrics.dbQueries).toBeLessThanOrEqual(4);
      expect(metrics.dbTimeMs).toBeGreaterThanOrEqual(0);

      const plain = await server.post({ query: FOUR_LEVELS(50) });
      expect(plain.body.extensions).toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});

describe('below the answer of a traversal or a mutation', () => {
  /** Two roles with a route between them, both with tools: `from`, `to`. */
  function route() {
    const step = seed
      .rels('PROGRESSES_TO')
      .find((r) => seed.out('USES_TOOL', r.from).length > 0 && seed.out('USES_TOOL', r.to).length > 0);
    if (!step) throw new Error('The seed has no promotion between two roles with tools');
    return { from: step.from, to: step.to };
  }

  /** The tools of the roles with, for each, the roles using it: `role|tool|user`, from Cypher. */
  async function toolUsers(roleIds: string[]) {
    const rows = await db.executor.read(
      `MATCH (r:Role)-[:USES_TOOL]->(t:Tool) WHERE r.id IN $roleIds
       MATCH (t)<-[:USES_TOOL]-(u:Role)
       RETURN DISTINCT r.id + '|' + t.id + '|' + u.id AS path`,
      { roleIds },
    );
    return rows.map((r) => r.path as string).sort();
  }

  type Tooled = { id: string; tools: { id: string; usedBy: { id: string }[] }[] };
  const paths = (roles: Tooled[]) =>
    [...new Set(roles.flatMap((r) => r.tools.flatMap((t) => t.usedBy.map((u) => `${r.id}|${t.id}|${u.id}`))))].sort();

  it('when a route asks its roles for their tools and who uses them, then everything below the route costs one query', async () => {
    const { from, to } = route();
    const lean = await measure(`{ progressionPaths(from: "${from}", to: "${to}") { roles { id } } }`);
    const { data, dbQueries } = await measure(
      `{ progressionPaths(from: "${from}", to: "${to}") { roles { id tools { id usedBy { id } } toolsCount } } }`,
    );
    const roles = (data.progressionPaths as { roles: (Tooled & { toolsCount: number })[] }[]).flatMap((p) => p.roles);
    expect(roles.length).toBeGreaterThan(1);
    for (const role of roles) expect(role.toolsCount).toBe(seed.out('USES_TOOL', role.id).length);
    expect(paths(roles)).toEqual(await toolUsers(roles.map((r) => r.id)));
    expect(paths(roles).length).toBeGreaterThan(0);
    // Three levels below the route (roles, tools, usedBy), read in one statement after it.
    expect(lean.dbQueries).toBe(1);
    expect(dbQueries).toBe(lean.dbQueries + 1);
  });

  it('when a comparison asks both roles and the shared tools for what lies below them, then that costs one query', async () => {
    const { from: a, to: b } = route();
    const { data, dbQueries } = await measure(
      `{ compareRoles(a: "${a}", b: "${b}") { a { id tools { id usedBy { id } } } b { id tools { id usedBy { id } } }
        tools { shared { id usedBy { id } } } } }`,
    );
    const comparison = data.compareRoles as { a: Tooled; b: Tooled; tools: { shared: Tooled['tools'] } };
    expect(paths([comparison.a, comparison.b])).toEqual(await toolUsers([a, b]));
    const shared = seed.out('USES_TOOL', a).filter((t) => seed.out('USES_TOOL', b).includes(t));
    expect(comparison.tools.shared.map((t) => t.id).sort()).toEqual([...shared].sort());
    for (const tool of comparison.tools.shared) {
      expect(tool.usedBy.map((u) => u.id).sort()).toEqual(
        seed
          .rels('USES_TOOL')
          .filter((r) => r.to === tool.id)
          .map((r) => r.from)
          .sort(),
      );
    }
    expect(dbQueries).toBe(2);
  });

  it('when shared tools ask who uses them and what those roles require, then both levels cost one query', async () => {
    const { from: a, to: b } = route();
    const { data, dbQueries } = await measure(
      `{ sharedTools(roleIds: ["${a}", "${b}"]) { id usedBy { id skills { id } } } }`,
    );
    const tools = data.sharedTools as { id: string; usedBy: { id: string; skills: { id: string }[] }[] }[];
    expect(tools.length).toBeGreaterThan(0);
    for (const tool of tools) {
      for (const user of tool.usedBy) {
        expect(user.skills.map((s) => s.id).sort()).toEqual([...seed.out('REQUIRES_SKILL', user.id)].sort());
      }
    }
    expect(dbQueries).toBe(2);
  });

  it('when a mutation asks the node it wrote for relationships three levels deep, then they cost one query after the write', async () => {
    const server = await startTestServer(db);
    const id = `${uniquePrefix('round-trip-write')}-role`;
    const { from } = route();
    const tools = seed.out('USES_TOOL', from);
    const send = async (selection: string) => {
      const { status, body } = await server.post(
        {
          query: `mutation ($input: RoleInput!) { upsertRole(input: $input) { ${selection} } }`,
          variables: { input: { id, name: 'Round Trip Role', sources: ['Test section'] } },
        },
        { authorization: `Bearer ${TOKEN}`, 'x-debug-metrics': '1' },
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const { dbQueries } = (body.extensions as { metrics: { dbQueries: number } }).metrics;
      return { role: (body.data as { upsertRole: Tooled & { toolsCount: number } }).upsertRole, dbQueries };
    };
    try {
      await db.executor.write(
        `CREATE (r:Role {id: $id, name: 'Round Trip Role', sources: ['Test section']})
         WITH r MATCH (t:Tool) WHERE t.id IN $tools CREATE (r)-[:USES_TOOL {sources: ['Test section']}]->(t)`,
        { id, tools },
      );
      const lean = await send('id');
      const { role, dbQueries } = await send('id toolsCount tools { id usedBy { id } }');
      expect(role.toolsCount).toBe(tools.length);
      expect(paths([role])).toEqual(await toolUsers([id]));
      expect(paths([role]).length).toBeGreaterThan(tools.length);
      expect(dbQueries).toBe(lean.dbQueries + 1);
    } finally {
      await server.stop();
      await db.executor.write('MATCH (n {id: $id}) DETACH DELETE n', { id });
    }
  });
});

describe('one statement per traversal', () => {
  /** A promotion between two roles that state salaries, and a role two promotions away: routes and overlaps exist. */
  function roles() {
    const facts = seed.facts.nodes.ROLE as { id: string; salary?: unknown }[];
    const paid = (id: string) => facts.some((r) => r.id === id && r.salary);
    const step = seed.rels('PROGRESSES_TO').find((r) => paid(r.from) && paid(r.to));
    if (!step) throw new Error('The seed has no promotion between two roles with salaries');
    const far = seed.ordered(seed.out('PROGRESSES_TO', step.to)).find((id) => id !== step.from);
    if (!far) throw new Error(`The seed has no promotion from ${step.to}`);
    return { a: step.from, b: step.to, far };
  }
  type Ids = ReturnType<typeof roles>;

  const ROLE = 'id name seniority level salary { min max currency }';
  /** Each traversal, with the lists of its answer that must not be empty (so the answer is not trivially cheap). */
  const TRAVERSALS: [string, (ids: Ids) => string, (data: any) => unknown[][]][] = [
    [
      'sharedTools',
      ({ a, b }) => `{ x: sharedTools(roleIds: ["${a}", "${b}"]) { id name description aliases } }`,
      (d) => [d.x],
    ],
    [
      'sharedSkills (names only)',
      ({ a, b }) => `{ x: sharedSkills(roleIds: ["${a}", "${b}"]) { id name } }`,
      (d) => [d.x],
    ],
    [
      'sharedFrameworks',
      ({ a, b }) => `{ x: sharedFrameworks(roleIds: ["${b}", "${a}"]) { id name description } }`,
      (d) => [d.x],
    ],
    [
      'compareRoles',
      ({ a, b }) => `{ x: compareRoles(a: "${a}", b: "${b}") {
        a { ${ROLE} } b { ${ROLE} }
        tools { shared { id description } onlyA { id } onlyB { id } jaccard }
        skills { shared { id } onlyA { id aliases } onlyB { id } }
        frameworks { shared { id } } workflows { shared { id } } employers { shared { id description } }
        similarity salaryDifference { min max currency }
      } }`,
      (d) => [
        d.x.tools.shared,
        d.x.skills.onlyA,
        d.x.frameworks.shared,
        d.x.employers.shared,
        [d.x.salaryDifference ?? []].flat(),
      ],
    ],
    [
      'progressionPaths',
      ({ a, far }) => `{ x: progressionPaths(from: "${a}", to: "${far}") {
        length roles { ${ROLE} } steps { from { id seniority } to { id } kind sources }
        salaryChange { min max currency } skillsToAcquire { id description } toolsToLearn { id aliases }
      } }`,
      (d) => [d.x],
    ],
    [
      'progressionPaths (names only, with pivots)',
      ({ a, far }) => `{ x: progressionPaths(from: "${a}", to: "${far}", includePivots: true, maxSteps: 3) {
        roles { id name } steps { from { id } to { id } } skillsToAcquire { id name }
      } }`,
      (d) => [d.x],
    ],
    [
      'shortestProgression',
      ({ a, far }) => `{ x: shortestProgression(from: "${a}", to: "${far}") {
        length roles { ${ROLE} } steps { kind from { id } to { id summary } } skillsToAcquire { id aliases } toolsToLearn { id }
      } }`,
      (d) => [d.x?.roles ?? [], d.x?.skillsToAcquire ?? []],
    ],
    [
      'skillGap',
      ({ a, b }) => `{ x: skillGap(from: "${a}", to: "${b}") {
        from { ${ROLE} } to { ${ROLE} } missingSkills { id aliases } sharedSkills { id description }
        newTools { id } newFrameworks { id } coverage
      } }`,
      (d) => [d.x.missingSkills, d.x.sharedSkills, d.x.newTools],
    ],
    [
      'similarRoles',
      ({ a }) => `{ x: similarRoles(id: "${a}", first: 10) {
        role { ${ROLE} track summary } score sharedTools { id description } sharedSkills { id } sharedFrameworks { id }
      } }`,
      (d) => [d.x],
    ],
  ];

  it.each(TRAVERSALS)(
    'when %s is asked, then it costs exactly 1 query, role check included, and the answer is not empty',
    async (_name, query, items) => {
      const { data, dbQueries } = await measure(query(roles()));
      const lists = items(data);
      expect(lists.map((l) => l.length > 0)).toEqual(lists.map(() => true));
      expect(dbQueries).toBe(1);
    },
  );

  it('when every traversal is asked in one operation, then each costs exactly 1 query', async () => {
    const ids = roles();
    const fields = TRAVERSALS.map(([, query], i) =>
      query(ids)
        .trim()
        .slice(1, -1)
        .replace(/^\s*x:/, `t${i}:`),
    );
    const { dbQueries } = await measure(`{ ${fields.join('\n')} }`);
    expect(dbQueries).toBe(TRAVERSALS.length);
  });

  const MISSING = 'no-such-role';
  const NOT_FOUND: [string, string, (ids: Ids) => string][] = [
    ['sharedTools', 'roleIds[1]', ({ a }) => `{ x: sharedTools(roleIds: ["${a}", "${MISSING}"]) { id } }`],
    ['sharedSkills', 'roleIds[0]', ({ a, b }) => `{ x: sharedSkills(roleIds: ["${MISSING}", "${a}", "${b}"]) { id } }`],
    ['sharedFrameworks', 'roleIds[1]', ({ b }) => `{ x: sharedFrameworks(roleIds: ["${b}", "${MISSING}"]) { id } }`],
    ['compareRoles', 'b', ({ a }) => `{ x: compareRoles(a: "${a}", b: "${MISSING}") { similarity a { name } } }`],
    ['compareRoles', 'a', ({ b }) => `{ x: compareRoles(a: "${MISSING}", b: "${b}") { similarity } }`],
    ['progressionPaths', 'from', ({ far }) => `{ x: progressionPaths(from: "${MISSING}", to: "${far}") { length } }`],
    ['progressionPaths', 'to', ({ a }) => `{ x: progressionPaths(from: "${a}", to: "${MISSING}") { roles { name } } }`],
    ['shortestProgression', 'to', ({ a }) => `{ x: shortestProgression(from: "${a}", to: "${MISSING}") { length } }`],
    [
      'shortestProgression',
      'from',
      ({ far }) => `{ x: shortestProgression(from: "${MISSING}", to: "${far}") { length } }`,
    ],
    ['skillGap', 'from', ({ b }) => `{ x: skillGap(from: "${MISSING}", to: "${b}") { coverage } }`],
    ['skillGap', 'to', ({ a }) => `{ x: skillGap(from: "${a}", to: "${MISSING}") { missingSkills { description } } }`],
    ['similarRoles', 'id', () => `{ x: similarRoles(id: "${MISSING}") { score role { name } } }`],
  ];

  it.each(NOT_FOUND)(
    'when %s names a missing role as %s, then the answer is NOT_FOUND naming the argument, in exactly 1 query',
    async (_name, argument, query) => {
      const { data, errors, dbQueries } = await gql.run(query(roles()));
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(errors![0].message).toContain(`${argument}: "${MISSING}"`);
      expect(errors![0].extensions?.ids).toEqual([MISSING]);
      expect(data?.x ?? null).toBeNull();
      expect(dbQueries).toBe(1);
    },
  );

  it('when both ends are missing, or an id of another kind is given as a role, then NOT_FOUND names each, in exactly 1 query', async () => {
    const both = await gql.run('{ progressionPaths(from: "no-such-a", to: "no-such-b") { length } }');
    expect(both.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(both.errors![0].message).toContain('from: "no-such-a"');
    expect(both.errors![0].message).toContain('to: "no-such-b"');
    expect(both.errors![0].extensions?.ids).toEqual(['no-such-a', 'no-such-b']);
    expect(both.dbQueries).toBe(1);

    const tool = seed.facts.nodes.TOOL[0].id;
    expect(seed.facts.nodes.ROLE.some((r) => r.id === tool)).toBe(false);
    const other = await gql.run(`{ compareRoles(a: "${roles().a}", b: "${tool}") { similarity } }`);
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(other.errors![0].message).toContain(`b: "${tool}"`);
    expect(other.errors![0].extensions?.ids).toEqual([tool]);
    expect(other.dbQueries).toBe(1);
  });

  const BAD_INPUT: [string, (ids: Ids) => string][] = [
    ['a malformed id in sharedTools', ({ a }) => `{ x: sharedTools(roleIds: ["${a}", "Backend Engineer"]) { id } }`],
    [
      'a malformed id in compareRoles',
      ({ a }) => `{ x: compareRoles(a: "${a}", b: "backend_engineer") { similarity } }`,
    ],
    [
      'a malformed id in progressionPaths',
      ({ far }) => `{ x: progressionPaths(from: "x' OR 1=1 //", to: "${far}") { length } }`,
    ],
    ['a malformed id in shortestProgression', ({ a }) => `{ x: shortestProgression(from: "${a}", to: "") { length } }`],
    ['a malformed id in skillGap', ({ b }) => `{ x: skillGap(from: "${'a'.repeat(101)}", to: "${b}") { coverage } }`],
    ['a malformed id in similarRoles', () => '{ x: similarRoles(id: "backend--engineer") { score } }'],
    ['a repeated id in sharedTools', ({ a }) => `{ x: sharedTools(roleIds: ["${a}", "${a}"]) { id } }`],
    ['a repeated id in sharedSkills', ({ a, b }) => `{ x: sharedSkills(roleIds: ["${a}", "${b}", "${a}"]) { id } }`],
    ['a repeated id in sharedFrameworks', ({ b }) => `{ x: sharedFrameworks(roleIds: ["${b}", "${b}"]) { id } }`],
    [
      'the same role at both ends of compareRoles',
      ({ a }) => `{ x: compareRoles(a: "${a}", b: "${a}") { similarity } }`,
    ],
    [
      'the same role at both ends of progressionPaths',
      ({ b }) => `{ x: progressionPaths(from: "${b}", to: "${b}") { length } }`,
    ],
    [
      'the same role at both ends of shortestProgression',
      ({ a }) => `{ x: shortestProgression(from: "${a}", to: "${a}") { length } }`,
    ],
    ['the same role at both ends of skillGap', ({ b }) => `{ x: skillGap(from: "${b}", to: "${b}") { coverage } }`],
  ];

  it.each(BAD_INPUT)(
    'when a traversal is given %s, then the answer is BAD_USER_INPUT without any query',
    async (_name, query) => {
      const { data, errors, dbQueries } = await gql.run(query(roles()));
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(data?.x ?? null).toBeNull();
      expect(dbQueries).toBe(0);
    },
  );
});

describe('stable order', () => {
  const NESTED = `{
    roles(first: 100) { totalCount edges { cursor node { id
      tools { id usedBy { id } categories { id } } skills { id requiredBy { id } }
      frameworks { id runsOn { id } } employers { id hires { id } } workflows { id practicedBy { id } }
      nextRoles { id } previousRoles { id } adjacentRoles { id } languages { id usedBy { id } }
      toolUsages { tool { id } emphasis } promotions { role { id } } pivots { role { id } }
    } } }
    categories(first: 100) { edges { node { id tools { id } } } }
  }`;

  it('when the same nested query runs twice, then both answers are identical, lists in the same order', async () => {
    const first = await measure(NESTED);
    const second = await measure(NESTED);
    expect(second.data).toEqual(first.data);
    expect(JSON.stringify(second.data)).toBe(JSON.stringify(first.data));
    expect(second.dbQueries).toBe(first.dbQueries);
  });

  it('when a page is read twice, then the same nodes come back in the same order with the same cursors', async () => {
    const q = '{ skills(first: 7) { edges { cursor node { id } } pageInfo { endCursor hasNextPage } } }';
    expect((await measure(q)).data).toEqual((await measure(q)).data);
  });
});

import { uniquePrefix, type TestDatabase } from '../helpers/database';
import type { TestGraphQL } from '../helpers/graphql';
import { startTestServer } from '../helpers/server';
import { closeSeededApi, openSeededApi, SeedIndex } from './read-api.seed';

let db: TestDatabase;
let gql: TestGraphQL;
let seed: SeedIndex;

beforeAll(async () => {
  ({ db, gql, seed } = await openSeededApi());
});
afterAll(() => closeSeededApi({ db, gql }));

/** Runs a query, fails on errors, and returns its data with the database round trips it cost. */
async function measure(query: string, variables?: Record<string, unknown>) {
  const { data, errors, dbQueries } = await gql.run(query, variables);
  expect(errors).toBeUndefined();
  return { data: data!, dbQueries };
}

const FOUR_LEVELS = (first: number) => `{
  roles(first: ${first}) { edges { node { id tools { id usedBy { id skills { id name } } } } } }
}`;

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
    const before = (await measure(FOUR_LEVELS(50))).dbQueries;
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
      const { data, dbQueries } = await measure(FOUR_LEVELS(50));
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

  it('when one role asks for its tools, skills and next roles, then it costs at most 2 queries', async () => {
    const { data, dbQueries } = await measure(
      '{ role(id: "senior-engineer") { tools { name } skills { name } nextRoles { name } } }',
    );
    expect(data.role.tools.length).toBe(seed.out('USES_TOOL', 'senior-engineer').length);
    expect(data.role.skills.length).toBe(seed.out('REQUIRES_SKILL', 'senior-engineer').length);
    expect(data.role.nextRoles.length).toBe(seed.out('PROGRESSES_TO', 'senior-engineer').length);
    expect(dbQueries).toBeLessThanOrEqual(2);
  });

  it('when a relationship is asked for as nodes and as links at the same level, then it is read once', async () => {
    const { dbQueries } = await measure(
      '{ roles(first: 100) { edges { node { tools { id } toolUsages { tool { id } emphasis sources } } } } }',
    );
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

  it('when search hits ask for relationships two levels deep, then it costs one query per level', async () => {
    const { data, dbQueries } = await measure(
      '{ search(text: "engineer", first: 50, kinds: [ROLE]) { node { id ... on Role { tools { id usedBy { id } } } } } }',
    );
    expect(data.search.length).toBeGreaterThan(1);
    expect(dbQueries).toBeLessThanOrEqual(3);
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

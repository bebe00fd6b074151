import { openTestDatabase, uniquePrefix, type TestDatabase } from '../helpers/database';
import { postGraphQL } from '../helpers/http-client';
import { deleteByPrefix } from '../helpers/random-graph';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * The links of what a role requires weigh how much the role needs the far end, by the fit's
 * rule (need, src/model/fit-weights.ts): the strongest of the article's emphasis, O*NET's
 * importance and technology flags and ESCO's essential/optional, so that a list mixing sources
 * can come strongest first (orderBy: WEIGHT). The expected weights are worked out here by hand
 * from that rule, not by the code under test.
 */

const prefix = uniquePrefix('link-weight');
const id = (suffix: string) => `${prefix}-${suffix}`;

let db: TestDatabase;
let server: TestServer;

/** [skill, the link's stored properties, its weight by the rule]. */
const SKILL_LINKS: [string, Record<string, unknown>, number][] = [
  // The article's CORE: 1.
  ['core', { emphasis: 'CORE', sources: ['Backend Engineer'] }, 1],
  // SUPPORTING: 0.5.
  ['supporting', { emphasis: 'SUPPORTING', sources: ['Backend Engineer'] }, 0.5],
  // O*NET importance 4 of 5: 0.8 (the level does not weigh).
  ['onet', { importance: 4, level: 3.5, sources: ['O*NET 29.3'] }, 0.8],
  // ESCO optional: 0.5, below essential.
  ['optional', { escoRelation: 'optional', sources: ['ESCO 1.1.1'] }, 0.5],
  // Essential (1) and SUPPORTING (0.5), stated by two sources: the stronger.
  ['both', { escoRelation: 'essential', emphasis: 'SUPPORTING', sources: ['ESCO 1.1.1', 'Backend Engineer'] }, 1],
  // Nothing that weighs: the base need, 0.5.
  ['none', { sources: ['Backend Engineer'] }, 0.5],
];

/** [tool, properties, weight]: an O*NET technology 0.25, hot +0.25, in demand +0.5. */
const TOOL_LINKS: [string, Record<string, unknown>, number][] = [
  ['hot-in-demand', { hot: true, inDemand: true }, 1],
  ['hot', { hot: true, inDemand: false }, 0.5],
  ['plain', { hot: false, inDemand: false }, 0.25],
  ['primary', { emphasis: 'PRIMARY' }, 1],
];

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startTestServer(db);
  await db.executor.write(
    `CREATE (r:Role {id: $role, name: 'Weighed Role', sources: ['Test']})
     WITH r
     UNWIND $skills AS s
     CREATE (r)-[l:REQUIRES_SKILL]->(:Skill {id: s.id, name: s.name, sources: ['Test']})
     SET l = s.props`,
    {
      role: id('role'),
      skills: SKILL_LINKS.map(([name, props]) => ({ id: id(name), name: `Skill ${name}`, props })),
    },
  );
  await db.executor.write(
    `MATCH (r:Role {id: $role})
     UNWIND $tools AS t
     CREATE (r)-[l:USES_TOOL]->(:Tool {id: t.id, name: t.name, sources: ['Test']})
     SET l = t.props`,
    {
      role: id('role'),
      tools: TOOL_LINKS.map(([name, props]) => ({ id: id(`tool-${name}`), name: `Tool ${name}`, props })),
    },
  );
});

afterAll(async () => {
  await server?.stop();
  if (db) {
    await deleteByPrefix(db.executor, prefix);
    await db.close();
  }
});

async function read(query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await postGraphQL(server.url, query, variables);
  expect(answer.body?.errors).toBeUndefined();
  return answer.body!.data;
}

/** By weight, heaviest first, ties by name: the order the test expects. */
const byWeight = <T extends { name: string; weight: number }>(list: T[]) =>
  [...list].sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));

describe('link weights', () => {
  it('when a role’s skills are read by WEIGHT, then each link weighs what the rule says, heaviest first', async () => {
    const { role } = await read(
      `query ($id: ID!) { role(id: $id) {
        skillLinks(orderBy: WEIGHT) { weight skill { id name } }
        skillsCount
      } }`,
      { id: id('role') },
    );
    const expected = byWeight(SKILL_LINKS.map(([name, , weight]) => ({ name: `Skill ${name}`, weight })));
    const got = role.skillLinks.map((l: { weight: number; skill: { name: string } }) => ({
      name: l.skill.name,
      weight: l.weight,
    }));
    expect(got.map((g: { name: string }) => g.name)).toEqual(expected.map((e) => e.name));
    got.forEach((g: { weight: number }, i: number) => expect(g.weight).toBeCloseTo(expected[i].weight, 9));
    expect(role.skillsCount).toBe(SKILL_LINKS.length);
  });

  it('when a page of the strongest is asked, then it is the heaviest few and the count still covers all', async () => {
    const { role } = await read(
      `query ($id: ID!) { role(id: $id) { toolLinks(first: 2, orderBy: WEIGHT) { weight tool { name } } toolsCount } }`,
      { id: id('role') },
    );
    const expected = byWeight(TOOL_LINKS.map(([name, , weight]) => ({ name: `Tool ${name}`, weight }))).slice(0, 2);
    expect(role.toolLinks).toEqual(expected.map((e) => ({ weight: e.weight, tool: { name: e.name } })));
    expect(role.toolsCount).toBe(TOOL_LINKS.length);
  });

  it('when the same list is read by name, then the order is by name and the weights are the same', async () => {
    const { skill } = await read(
      `query ($id: ID!) { skill(id: $id) { requiredByLinks(orderBy: NAME) { weight role { id } } } }`,
      { id: id('onet') },
    );
    expect(skill.requiredByLinks).toEqual([{ weight: 0.8, role: { id: id('role') } }]);
  });
});

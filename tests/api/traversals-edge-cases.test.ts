import { openTestDatabase, uniquePrefix, type TestDatabase } from '../helpers/database';
import { createTestGraphQL, type TestGraphQL } from '../helpers/graphql';
import { BASE_NEED, combinedFit, distinctiveness } from '../../src/model/fit-weights';
import { deleteByPrefix } from '../helpers/random-graph';

/*
 * Graph shapes the seed does not have but a merging import can produce: two transitions of
 * different kinds between the same roles, and a tool and a skill that share an id (ids are unique
 * per label in the database, and an import that merges into the graph checks only its own files).
 */

const prefix = uniquePrefix('traversal-edges');
const id = (suffix: string) => `${prefix}-${suffix}`;

let db: TestDatabase;
let gql: TestGraphQL;

beforeAll(async () => {
  db = await openTestDatabase();
  await db.executor.write(
    `UNWIND $roles AS r CREATE (:Role {id: r.id, name: r.name, sources: ['Edge cases'], updatedAt: datetime()})`,
    {
      roles: [
        { id: id('a'), name: 'Edge A' },
        { id: id('b'), name: 'Edge B' },
        { id: id('c'), name: 'Edge C' },
        { id: id('d'), name: 'Edge D' },
      ],
    },
  );
  await db.executor.write(
    `MATCH (a:Role {id: $a}), (b:Role {id: $b}), (c:Role {id: $c}), (d:Role {id: $d})
     CREATE (a)-[:PROGRESSES_TO {sources: ['Ladder']}]->(b), (a)-[:PIVOTS_TO {sources: ['Pivots']}]->(b),
       (b)-[:PROGRESSES_TO {sources: ['Ladder']}]->(c)
     CREATE (shared:Tool {id: $shared, name: 'Twin', sources: ['Edge cases'], updatedAt: datetime()}),
       (twin:Skill {id: $shared, name: 'Twin', sources: ['Edge cases'], updatedAt: datetime()}),
       (other:Tool {id: $other, name: 'Other', sources: ['Edge cases'], updatedAt: datetime()})
     CREATE (c)-[:USES_TOOL]->(shared), (d)-[:REQUIRES_SKILL]->(twin), (d)-[:USES_TOOL]->(other),
       (c)-[:USES_TOOL]->(other)`,
    { a: id('a'), b: id('b'), c: id('c'), d: id('d'), shared: id('twin'), other: id('other') },
  );
  gql = await createTestGraphQL(db);
});
afterAll(async () => {
  await gql?.stop();
  if (db) {
    await deleteByPrefix(db.executor, prefix);
    await db.close();
  }
});

describe('a promotion and a pivot between the same two roles', () => {
  it('when routes are asked for without pivots, then only the promotion is a route', async () => {
    const { data, errors } = await gql.run(
      `query ($a: ID!, $c: ID!) { progressionPaths(from: $a, to: $c) { roles { id } steps { kind } } }`,
      { a: id('a'), c: id('c') },
    );
    expect(errors).toBeUndefined();
    expect(data!.progressionPaths).toEqual([
      {
        roles: [{ id: id('a') }, { id: id('b') }, { id: id('c') }],
        steps: [{ kind: 'PROMOTION' }, { kind: 'PROMOTION' }],
      },
    ]);
  });

  it('when routes are asked for with pivots, then both moves give a route through the same roles, one per kind', async () => {
    const { data, errors } = await gql.run(
      `query ($a: ID!, $b: ID!) {
        progressionPaths(from: $a, to: $b, includePivots: true) { roles { id } steps { kind sources } }
        shortestProgression(from: $a, to: $b, includePivots: true) { length }
      }`,
      { a: id('a'), b: id('b') },
    );
    expect(errors).toBeUndefined();
    const routes = data!.progressionPaths as any[];
    expect(routes).toHaveLength(2);
    for (const r of routes) expect(r.roles).toEqual([{ id: id('a') }, { id: id('b') }]);
    expect(routes.map((r) => r.steps[0]).sort((x: any, y: any) => (x.kind < y.kind ? -1 : 1))).toEqual([
      { kind: 'PIVOT', sources: ['Pivots'] },
      { kind: 'PROMOTION', sources: ['Ladder'] },
    ]);
    expect(data!.shortestProgression).toEqual({ length: 1 });
  });
});

describe('a tool and a skill with the same id', () => {
  it('when two roles hold each one of them, then compareRoles does not count them as shared, and its similarity equals the similarRoles score', async () => {
    const { data, errors } = await gql.run(
      `query ($c: ID!, $d: ID!) {
        compareRoles(a: $c, b: $d) { similarity jaccard tools { shared { id } } skills { shared { id } } }
        similarRoles(id: $c, first: 50) { role { id } score jaccard sharedTools { id } sharedSkills { id } }
      }`,
      { c: id('c'), d: id('d') },
    );
    expect(errors).toBeUndefined();
    // c: tools {twin, other}; d: skill {twin}, tool {other}. Only the tool "other" is shared: 1 of 3.
    expect(data!.compareRoles.tools.shared).toEqual([{ id: id('other') }]);
    expect(data!.compareRoles.skills.shared).toEqual([]);
    expect(data!.compareRoles.jaccard).toBeCloseTo(1 / 3, 12);
    const [{ similar }] = data!.similarRoles.map((s: any) => ({ similar: { ...s, score: undefined } }));
    expect(data!.similarRoles).toHaveLength(1);
    expect(similar).toEqual({
      role: { id: id('d') },
      score: undefined,
      jaccard: 1 / 3,
      sharedTools: [{ id: id('other') }],
      sharedSkills: [],
    });
    // Every edge says nothing of its need: d's fit to c's {twin tool, other}, with d's twin skill
    // (required by d alone) not covered.
    const [{ n }] = await db.executor.read('MATCH (r:Role) RETURN count(r) AS n');
    const [once, twice] = [distinctiveness(1, n as number), distinctiveness(2, n as number)];
    const expected = combinedFit(
      (BASE_NEED * twice) / (BASE_NEED * (once + twice)),
      (BASE_NEED * twice) / (once + twice),
    );
    expect(data!.similarRoles[0].score).toBeCloseTo(expected, 12);
    expect(data!.compareRoles.similarity).toBeCloseTo(expected, 12);
  });
});

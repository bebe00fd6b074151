import { warmStatements } from '../../src/graph/warm-up';
import { openSeededDatabase, type TestDatabase } from '../helpers/database';
import { graphSnapshot } from '../helpers/graph-snapshot';

let db: TestDatabase;

beforeAll(async () => {
  db = await openSeededDatabase();
});

afterAll(async () => {
  await db.close();
});

describe('planning the slow statements ahead', () => {
  it('when the statements are warmed, then each runs to the end without error and the graph is unchanged', async () => {
    const before = await graphSnapshot(db.executor);
    const report = await warmStatements(db.executor);
    expect(report.failed).toEqual([]);
    expect(report.statements).toEqual([
      'matchRoles',
      'profileGap',
      'transitions',
      'matchRolesByName',
      'profileGapByName',
      'transitionsByName',
      'similarRoles',
      'compareRoles',
      'skillGap',
      'progressionPaths',
      'routeCandidates',
    ]);
    expect(await graphSnapshot(db.executor)).toEqual(before);
  });

  it('when Neo4j cannot be reached, then every statement is reported as failed and nothing is thrown', async () => {
    const closed = await openSeededDatabase();
    await closed.close();
    const report = await warmStatements(closed.executor);
    expect(report.failed.map((f) => f.statement)).toEqual(report.statements);
    expect(report.statements).toHaveLength(11);
  });
});

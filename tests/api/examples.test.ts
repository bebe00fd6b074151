import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { openSeededDatabase, type TestDatabase } from '../helpers/database';
import { createTestGraphQL, type TestGraphQL } from '../helpers/graphql';

const file = path.join(__dirname, '../../schema/examples.graphql');
const source = readFileSync(file, 'utf8');
const operations = parse(source)
  .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  .map((d) => d.name!.value);

/** How a root field's answer came back: 'found', or what kind of empty it is. */
function emptiness(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return value.length > 0 ? 'found' : 'empty list';
  const edges = (value as { edges?: unknown[] }).edges;
  return edges === undefined || edges.length > 0 ? 'found' : 'empty connection';
}

let db: TestDatabase;
let graphql: TestGraphQL;

beforeAll(async () => {
  db = await openSeededDatabase();
  graphql = await createTestGraphQL(db);
});
afterAll(async () => {
  await graphql.stop();
  await db.close();
});

describe('schema/examples.graphql', () => {
  it('when the file is read, then it holds named operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(18);
  });

  it.each(operations)('when %s runs against the seeded graph, then it answers without errors', async (name) => {
    const result = await graphql.run(source, undefined, name);
    expect(result.errors).toBeUndefined();
    const values = Object.values(result.data ?? {});
    expect(values.length).toBeGreaterThan(0);
    // Every example is written to find something in the seed, so none comes back empty.
    expect(values.map(emptiness)).toEqual(values.map(() => 'found'));
  });
});

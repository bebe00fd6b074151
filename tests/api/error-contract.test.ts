import { openTestDatabase, type TestDatabase } from '../helpers/database';
import { createTestGraphQL, type TestGraphQL } from '../helpers/graphql';

/*
 * One shape for every input problem, whichever layer finds it: class-validator bounds, id form,
 * repeated roles, blank search text, a foreign cursor. None of these needs any data.
 */

let db: TestDatabase;
let gql: TestGraphQL;

beforeAll(async () => {
  db = await openTestDatabase();
  gql = await createTestGraphQL(db);
});
afterAll(async () => {
  await gql?.stop();
  await db?.close();
});

describe('BAD_USER_INPUT has one shape', () => {
  it.each([
    ['a bound on an argument', '{ similarRoles(id: "backend-engineer", first: 0) { score } }', 'first'],
    ['a malformed id', '{ role(id: "Not A Slug") { id } }', 'id'],
    ['a malformed id in a list', '{ sharedTools(roleIds: ["backend-engineer", "Bad Id"]) { id } }', 'roleIds[1]'],
    ['a role named twice', '{ compareRoles(a: "backend-engineer", b: "backend-engineer") { similarity } }', 'b'],
    ['blank search text', '{ search(text: "   ") { score } }', 'text'],
    ['a cursor this API did not issue', '{ roles(first: 1, after: "nope") { totalCount } }', 'after'],
  ])(
    'when the problem is %s, then extensions are { code, field, problems } naming `%s`',
    async (_what, query, field) => {
      const { errors } = await gql.run(query);
      expect(errors).toHaveLength(1);
      const [error] = errors!;
      const extensions = error.extensions as {
        code: string;
        field: string;
        problems: { field: string; message: string }[];
      };
      expect(Object.keys(extensions).sort()).toEqual(['code', 'field', 'problems']);
      expect(extensions.code).toBe('BAD_USER_INPUT');
      expect(extensions.field).toBe(field);
      expect(extensions.problems.length).toBeGreaterThan(0);
      expect(extensions.problems[0]).toEqual({ field, message: expect.any(String) });
      expect(error.message).toBe(`${field}: ${extensions.problems[0].message}`);
    },
  );
});

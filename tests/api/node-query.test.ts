import type { TestDatabase } from '../helpers/database';
import type { TestGraphQL } from '../helpers/graphql';
import { closeSeededApi, codesOf, KINDS, labelOfKind, openSeededApi, SeedIndex } from './read-api.seed';

let db: TestDatabase;
let gql: TestGraphQL;
let seed: SeedIndex;

beforeAll(async () => {
  ({ db, gql, seed } = await openSeededApi());
});
afterAll(() => closeSeededApi({ db, gql }));

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

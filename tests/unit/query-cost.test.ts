import { parse, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { buildGraphQLSchema } from '../../src/schema';
import { fieldCostEstimator, LIST_WEIGHT, operationCost } from '../../src/server/plugins/query-limits.plugin';

let cost: (query: string, variables?: Record<string, unknown>) => number;
let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildGraphQLSchema();
  cost = (query, variables = {}) =>
    getComplexity({ schema, query: parse(query), variables, estimators: [fieldCostEstimator(schema)] });
});

describe('the cost rule', () => {
  it('when only scalars are read, then the query is free', () => {
    expect(cost('{ dbInfo { version edition } }')).toBe(1);
  });

  it('when a list takes first, then its children count first times, edges once', () => {
    expect(cost('{ roles(first: 50) { edges { node { id name } } } }')).toBe(1 + 50 * (1 + 1));
  });

  it('when first comes from a variable, then the variable is used', () => {
    expect(cost('query($n: Int!) { roles(first: $n) { edges { node { id } } } }', { n: 7 })).toBe(1 + 7 * 2);
  });

  it('when a relationship list has no first, then it weighs LIST_WEIGHT', () => {
    expect(cost('{ role(id: "a") { tools { name } } }')).toBe(1 + (1 + LIST_WEIGHT * 0));
    expect(cost('{ role(id: "a") { tools { usedBy { name } } } }')).toBe(1 + (1 + LIST_WEIGHT * 1));
  });

  it('when matchRoles lists its matches, then its first multiplies them once, as a connection’s first does its edges', () => {
    const profile = '{ skills: ["a"], tools: [], frameworks: [], languages: [] }';
    expect(cost(`{ matchRoles(profile: ${profile}, first: 10) { matches { role { id } } rankedCount } }`)).toBe(
      1 + 10 * (1 + 1),
    );
    expect(cost(`{ matchRoles(profile: ${profile}, first: 10) { matches { role { id } } } }`)).toBe(
      cost('{ roles(first: 10) { edges { node { id } } } }'),
    );
  });

  it('when first is beyond its maximum, then it counts as the maximum (the argument itself is refused later)', () => {
    expect(cost('{ roles(first: 100000) { edges { node { id } } } }')).toBe(
      cost('{ roles(first: 100) { edges { node { id } } } }'),
    );
  });

  it('when the four-level fan-out of the API contract is asked for, then it stays far below the default limit', () => {
    expect(cost('{ roles(first: 50) { edges { node { tools { usedBy { skills { name } } } } } } }')).toBe(5651);
  });

  it('when unbounded lists nest deeply, then the cost explodes', () => {
    const nested = '{ role(id: "a") { tools { usedBy { tools { usedBy { tools { usedBy { name } } } } } } } }';
    expect(cost(nested)).toBeGreaterThan(100_000);
  });
});

describe('the cost of a repeated document', () => {
  const page = parse(
    'query Page($id: ID!, $n: Int!, $deep: Boolean!) { role(id: $id) { tools(first: $n) { name usedBy @include(if: $deep) { name } } } }',
  );
  let weighed: number;
  let costOf: ReturnType<typeof operationCost>;
  beforeEach(() => {
    const estimator = fieldCostEstimator(schema);
    weighed = 0;
    costOf = operationCost(schema, (options) => {
      weighed++;
      return estimator(options);
    });
  });

  it('when the same document is sent for another id, then its cost is not weighed again', () => {
    const first = costOf(page, 'Page', { id: 'a', n: 5, deep: false });
    const fieldsWeighed = weighed;
    expect(fieldsWeighed).toBeGreaterThan(0);
    expect(costOf(page, 'Page', { id: 'b', n: 5, deep: false })).toBe(first);
    expect(weighed).toBe(fieldsWeighed);
  });

  it('when a size or an @include variable changes, then the cost is weighed for those values', () => {
    const small = costOf(page, 'Page', { id: 'a', n: 5, deep: false });
    const larger = costOf(page, 'Page', { id: 'a', n: 50, deep: false });
    const deeper = costOf(page, 'Page', { id: 'a', n: 50, deep: true });
    expect(small).toBe(1 + (1 + 5 * 0));
    expect(larger).toBe(1 + (1 + 50 * 0));
    expect(deeper).toBe(1 + (1 + 50 * (1 + LIST_WEIGHT * 0)));
    expect(costOf(page, 'Page', { id: 'z', n: 5, deep: false })).toBe(small);
  });

  it('when the variables do not coerce, then there is no cost and nothing is kept', () => {
    expect(costOf(page, 'Page', { id: 'a', n: 'many', deep: false })).toBeUndefined();
    expect(costOf(page, 'Page', { id: 'a', n: 5, deep: false })).toBe(2);
  });
});

import { oracleSuite } from '../helpers/oracle-suite';
import { oracleSalaryChange, type Item, type RandomGraph, type RandomRole } from '../helpers/random-graph';

/*
 * The rules compareRoles, skillGap and similarRoles answer by (Jaccard similarity, salary
 * comparability, coverage, the ranking of similar roles) are computed in Cypher; here they are
 * written out again, plainly, over random graphs, and the API must answer exactly that.
 */

const suite = oracleSuite('compare-oracle', [
  { seed: 31337, promotionsPerRole: 1, pivotsPerRole: 0.5 },
  { seed: 2718, promotionsPerRole: 1, pivotsPerRole: 0.5 },
  { seed: 16180, promotionsPerRole: 1, pivotsPerRole: 0.5 },
]);
const { graphs } = suite;

/* ---- the oracle ---- */

const features = (r: RandomRole) => new Set([...r.skills, ...r.tools]);
const both = <T>(a: Set<T>, b: Set<T>) => [...a].filter((x) => b.has(x));

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  const shared = both(a, b).length;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

const byNameThenId = (items: Map<string, Item>) => (a: string, b: string) => {
  const [x, y] = [items.get(a)!, items.get(b)!];
  return x.name !== y.name ? (x.name < y.name ? -1 : 1) : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
};

function expectedComparison(graph: RandomGraph, a: RandomRole, b: RandomRole) {
  const skills = new Map(graph.skills.map((s) => [s.id, s]));
  const tools = new Map(graph.tools.map((t) => [t.id, t]));
  const overlap = (of: (r: RandomRole) => string[], items: Map<string, Item>) => {
    const [sa, sb] = [new Set(of(a)), new Set(of(b))];
    const sorted = (ids: string[]) => [...ids].sort(byNameThenId(items));
    return {
      shared: sorted(both(sa, sb)),
      onlyA: sorted([...sa].filter((x) => !sb.has(x))),
      onlyB: sorted([...sb].filter((x) => !sa.has(x))),
      jaccard: jaccard(sa, sb),
    };
  };
  const skillOverlap = overlap((r) => r.skills, skills);
  const needed = b.skills.length;
  return {
    comparison: {
      skills: skillOverlap,
      tools: overlap((r) => r.tools, tools),
      similarity: jaccard(features(a), features(b)),
      salaryDifference: oracleSalaryChange(a, b),
    },
    gap: {
      coverage: needed === 0 ? 1 : skillOverlap.shared.length / needed,
      missingSkills: skillOverlap.onlyB,
      sharedSkills: skillOverlap.shared,
    },
  };
}

/** Other roles sharing anything with `role`, most similar first, ties by name then id. */
function expectedSimilar(graph: RandomGraph, role: RandomRole) {
  const mine = features(role);
  return graph.roles
    .filter((o) => o !== role && both(mine, features(o)).length > 0)
    .map((o) => ({ id: o.id, name: o.name, score: jaccard(mine, features(o)) }))
    .sort((x, y) => y.score - x.score || (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id < y.id ? -1 : 1))
    .map(({ id, score }) => ({ id, score }));
}

/* ---- the API ---- */

const OVERLAP = 'shared { id } onlyA { id } onlyB { id } jaccard';
const ids = (list: { id: string }[]) => list.map((x) => x.id);
const overlapIds = (o: any) => ({
  shared: ids(o.shared),
  onlyA: ids(o.onlyA),
  onlyB: ids(o.onlyB),
  jaccard: o.jaccard,
});

async function answered(a: string, b: string) {
  const { data, errors } = await suite.gql.run(
    `query ($a: ID!, $b: ID!) {
      compareRoles(a: $a, b: $b) { skills { ${OVERLAP} } tools { ${OVERLAP} } similarity salaryDifference { min max currency } }
      skillGap(from: $a, to: $b) { coverage missingSkills { id } sharedSkills { id } }
    }`,
    { a, b },
  );
  expect(errors).toBeUndefined();
  const { compareRoles: c, skillGap: g } = data as any;
  return {
    comparison: {
      skills: overlapIds(c.skills),
      tools: overlapIds(c.tools),
      similarity: c.similarity,
      salaryDifference: c.salaryDifference,
    },
    gap: { coverage: g.coverage, missingSkills: ids(g.missingSkills), sharedSkills: ids(g.sharedSkills) },
  };
}

const pairsOf = (graph: RandomGraph) =>
  graph.roles.flatMap((a) => graph.roles.filter((b) => b !== a).map((b) => [a, b] as const));

describe('comparisons and gaps against the oracle', () => {
  it('when the graphs are generated, then they hold pairs the salary rule must tell apart', () => {
    const pairs = graphs.flatMap(pairsOf).filter(([a, b]) => a.salary && b.salary);
    const sameCurrency = pairs.filter(([a, b]) => a.salary!.currency === b.salary!.currency);
    // Pairs alike in currency but not in period or basis: a rule checking currency alone would fail them.
    expect(sameCurrency.filter(([a, b]) => oracleSalaryChange(a, b) === null).length).toBeGreaterThan(0);
    expect(sameCurrency.filter(([a, b]) => oracleSalaryChange(a, b) !== null).length).toBeGreaterThan(0);
  });

  it.each(graphs.map((g, i) => [i, g] as const))(
    'when every ordered pair of roles of graph %i is compared, then overlaps, similarity, pay difference and coverage are the oracle’s',
    async (_i, graph) => {
      for (const [a, b] of pairsOf(graph)) {
        expect({ pair: [a.id, b.id], ...(await answered(a.id, b.id)) }).toEqual({
          pair: [a.id, b.id],
          ...expectedComparison(graph, a, b),
        });
      }
    },
  );

  it.each(graphs.map((g, i) => [i, g] as const))(
    'when the roles of graph %i ask for similar roles, then the ranking and scores are the oracle’s, and compareRoles agrees',
    async (_i, graph) => {
      for (const role of graph.roles) {
        const { data, errors } = await suite.gql.run(
          'query ($id: ID!) { similarRoles(id: $id, first: 50) { role { id } score } }',
          { id: role.id },
        );
        expect(errors).toBeUndefined();
        const got = (data as any).similarRoles.map((s: any) => ({ id: s.role.id, score: s.score }));
        expect({ role: role.id, similar: got }).toEqual({ role: role.id, similar: expectedSimilar(graph, role) });
      }
    },
  );
});

import {
  REQUIREMENT_TYPES,
  combinedFit,
  distinctiveness,
  needOf,
  type RequirementEdge,
} from '../../src/model/fit-weights';
import { Executor } from '../../src/graph/executor';
import { oracleSuite } from '../helpers/oracle-suite';
import { Rng, oracleSalaryChange, type Item, type RandomGraph, type RandomRole } from '../helpers/random-graph';

/*
 * The rules compareRoles, skillGap and similarRoles answer by (the weighted similarity, the
 * Jaccard, salary comparability, coverage, the ranking of similar roles) are computed in Cypher;
 * here they are written out again, plainly, over random graphs, and the API must answer exactly that.
 */

const suite = oracleSuite('compare-oracle', [
  { seed: 31337, promotionsPerRole: 1, pivotsPerRole: 0.5 },
  { seed: 2718, promotionsPerRole: 1, pivotsPerRole: 0.5 },
  { seed: 16180, promotionsPerRole: 1, pivotsPerRole: 0.5 },
]);
const { graphs } = suite;

/** Every role's requirements with their need, and the database's role count, read from the graph. */
interface Weights {
  needs: Map<string, Map<string, number>>;
  roleCount: number;
}
let weights: Weights;

beforeAll(async () => {
  // Edges that say how much they are needed (importance, technology flags), so that need varies.
  const rng = new Rng(99);
  const edges = await suite.db.executor.read(
    `MATCH (r:Role)-[e]->(x) WHERE r.id STARTS WITH $prefix AND type(e) IN $types RETURN elementId(e) AS e ORDER BY r.id, x.id`,
    { prefix: suite.prefix, types: REQUIREMENT_TYPES },
  );
  const flags = edges.map(({ e }) => ({
    e,
    importance: rng.chance(0.4) ? 1 + rng.int(5) : null,
    hot: rng.chance(0.3) ? rng.chance(0.5) : null,
    inDemand: rng.chance(0.3) ? rng.chance(0.5) : null,
  }));
  await suite.db.executor.write(
    `UNWIND $rows AS row MATCH ()-[e]->() WHERE elementId(e) = row.e
     SET e.importance = row.importance, e.hot = row.hot, e.inDemand = row.inDemand`,
    { rows: flags },
  );
  const needs = new Map<string, Map<string, number>>();
  for (const row of await suite.db.executor.read(
    `MATCH (r:Role)-[e]->(x) WHERE r.id STARTS WITH $prefix AND type(e) IN $types
     RETURN r.id AS role, x.id AS item, properties(e) AS edge`,
    { prefix: suite.prefix, types: REQUIREMENT_TYPES },
  )) {
    const of = needs.get(row.role as string) ?? new Map<string, number>();
    of.set(row.item as string, Math.max(of.get(row.item as string) ?? 0, needOf(row.edge as RequirementEdge)));
    needs.set(row.role as string, of);
  }
  const [{ n }] = await suite.db.executor.read('MATCH (r:Role) RETURN count(r) AS n');
  weights = { needs, roleCount: n as number };
});

/* ---- the oracle ---- */

const features = (r: RandomRole) => new Set([...r.skills, ...r.tools]);
const both = <T>(a: Set<T>, b: Set<T>) => [...a].filter((x) => b.has(x));

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  const shared = both(a, b).length;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

const requirements = (r: RandomRole) => weights.needs.get(r.id) ?? new Map<string, number>();

/** distinct(x): how many roles require x, among all the database's roles. */
function distinct(item: string): number {
  let holders = 0;
  for (const needs of weights.needs.values()) if (needs.has(item)) holders += 1;
  return distinctiveness(holders, weights.roleCount);
}

/** How similar b is to a: b's fit to a's requirements taken as a profile (README, "Which roles fit my skills"). */
function similarity(a: RandomRole, b: RandomRole): number {
  const profile = requirements(a);
  const profileWeight = [...profile.keys()].reduce((s, x) => s + distinct(x), 0);
  let total = 0;
  let covered = 0;
  for (const [x, need] of requirements(b)) {
    total += need * distinct(x);
    if (profile.has(x)) covered += need * distinct(x);
  }
  return covered === 0 ? 0 : combinedFit(covered / total, covered / profileWeight);
}

/** Floating sums in another order differ in the last bits: scores are compared to 12 places. */
const rounded = (x: number) => Math.round(x * 1e12) / 1e12;

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
      similarity: rounded(similarity(a, b)),
      jaccard: jaccard(features(a), features(b)),
      salaryDifference: oracleSalaryChange(a, b),
    },
    gap: {
      coverage: needed === 0 ? 1 : skillOverlap.shared.length / needed,
      missingSkills: skillOverlap.onlyB,
      sharedSkills: skillOverlap.shared,
    },
  };
}

/** Other roles whose similarity to `role` is above 0, most similar first, ties by name then id; the first `first`. */
function expectedSimilar(graph: RandomGraph, role: RandomRole, first: number) {
  const skills = new Map(graph.skills.map((s) => [s.id, s]));
  const tools = new Map(graph.tools.map((t) => [t.id, t]));
  return graph.roles
    .filter((o) => o !== role)
    .map((o) => ({ o, score: rounded(similarity(role, o)) }))
    .filter(({ score }) => score > 0)
    .sort(
      (x, y) => y.score - x.score || (x.o.name < y.o.name ? -1 : x.o.name > y.o.name ? 1 : x.o.id < y.o.id ? -1 : 1),
    )
    .slice(0, first)
    .map(({ o, score }) => ({
      id: o.id,
      score,
      jaccard: jaccard(features(role), features(o)),
      sharedSkills: both(new Set(role.skills), new Set(o.skills)).sort(byNameThenId(skills)),
      sharedTools: both(new Set(role.tools), new Set(o.tools)).sort(byNameThenId(tools)),
    }));
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
      compareRoles(a: $a, b: $b) { skills { ${OVERLAP} } tools { ${OVERLAP} } similarity jaccard salaryDifference { min max currency } }
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
      similarity: rounded(c.similarity),
      jaccard: c.jaccard,
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

  it('when the graphs are generated, then their needs vary and some roles tie on similarity', () => {
    const needs = new Set([...weights.needs.values()].flatMap((m) => [...m.values()]));
    expect(needs.size).toBeGreaterThan(2);
    const ties = graphs.some((g) =>
      g.roles.some((r) => {
        const scores = expectedSimilar(g, r, 50).map((s) => s.score);
        return scores.some((s, i) => i > 0 && s === scores[i - 1]);
      }),
    );
    expect(ties).toBe(true);
  });

  it.each(graphs.map((g, i) => [i, g] as const))(
    'when the roles of graph %i ask for similar roles, then the ranking, scores, Jaccard and shared items are the oracle’s',
    async (_i, graph) => {
      for (const role of graph.roles) {
        for (const first of [50, 3, 1]) {
          const { data, errors } = await suite.gql.run(
            `query ($id: ID!, $first: Int!) {
              similarRoles(id: $id, first: $first) { role { id } score jaccard sharedSkills { id } sharedTools { id } }
            }`,
            { id: role.id, first },
          );
          expect(errors).toBeUndefined();
          const got = (data as any).similarRoles.map((s: any) => ({
            id: s.role.id,
            score: rounded(s.score),
            jaccard: s.jaccard,
            sharedSkills: ids(s.sharedSkills),
            sharedTools: ids(s.sharedTools),
          }));
          expect({ role: role.id, first, similar: got }).toEqual({
            role: role.id,
            first,
            similar: expectedSimilar(graph, role, first),
          });
        }
      }
    },
  );
});

describe('a comparison builds only the parts the query selects', () => {
  const DIMENSIONS = ['tools', 'skills', 'frameworks', 'workflows', 'employers'];
  const pair = () => {
    const graph = graphs[0];
    const [a, b] = pairsOf(graph).find(([x, y]) => both(features(x), features(y)).length > 0)!;
    return { graph, a, b };
  };

  /**
   * The compareRoles statement's parameters for one selection, whether its text computes the
   * similarity (chosen in the text, not by a parameter), and its answer.
   */
  async function asked(selection: string) {
    const { a, b } = pair();
    // Each request reads through its own scoped executor: every instance's reads are watched.
    const read = jest.spyOn(Executor.prototype, 'read');
    try {
      const { data, errors } = await suite.gql.run(
        `query ($a: ID!, $b: ID!) { compareRoles(a: $a, b: $b) { ${selection} } }`,
        { a: a.id, b: b.id },
      );
      expect(errors).toBeUndefined();
      const calls = read.mock.calls.filter(([, params]) => params !== undefined && 'parts' in params);
      expect(calls).toHaveLength(1);
      const [text, params] = calls[0];
      return {
        params: { ...params, similarity: text.includes('OPTIONAL CALL (a, b)') } as Record<string, unknown>,
        answer: (data as any).compareRoles,
      };
    } finally {
      read.mockRestore();
    }
  }

  it('when only the shared tools are selected, then onlyA, onlyB, the Jaccard and the similarity are not built', async () => {
    const { graph, a, b } = pair();
    const { params, answer } = await asked('tools { shared { id } }');
    expect(params).toMatchObject({
      parts: Object.fromEntries(DIMENSIONS.map((d) => [d, d === 'tools' ? ['shared'] : []])),
      similarity: false,
      jaccard: false,
    });
    expect(ids(answer.tools.shared)).toEqual(expectedComparison(graph, a, b).comparison.tools.shared);
  });

  it.each([
    ['tools { onlyA { id } }', { tools: ['onlyA'] }, false, false],
    [
      'skills { onlyB { id } jaccard } tools { jaccard }',
      { skills: ['onlyB', 'jaccard'], tools: ['jaccard'] },
      false,
      false,
    ],
    [
      'skills { shared { id } onlyA { id } onlyB { id } jaccard } similarity',
      { skills: ['shared', 'onlyA', 'onlyB', 'jaccard'] },
      true,
      false,
    ],
    ['similarity jaccard', {}, true, true],
  ] as const)(
    'when %s is selected, then only those parts are built and they are the oracle’s',
    async (selection, parts, similarity, jaccard) => {
      const { graph, a, b } = pair();
      const { params, answer } = await asked(selection);
      expect(params.parts).toEqual(
        Object.fromEntries(DIMENSIONS.map((d) => [d, (parts as Record<string, readonly string[]>)[d] ?? []])),
      );
      expect({ similarity: params.similarity, jaccard: params.jaccard }).toEqual({ similarity, jaccard });
      const expected = expectedComparison(graph, a, b).comparison as any;
      for (const [dim, list] of Object.entries(parts)) {
        for (const part of list as string[]) {
          expect(part === 'jaccard' ? answer[dim].jaccard : ids(answer[dim][part])).toEqual(expected[dim][part]);
        }
      }
      if (similarity) expect(rounded(answer.similarity)).toBe(expected.similarity);
      if (jaccard) expect(answer.jaccard).toBe(expected.jaccard);
    },
  );
});

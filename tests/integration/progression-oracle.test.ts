import { oracleSuite } from '../helpers/oracle-suite';
import { Rng, RouteOracle, insertGraphs, type OraclePath, type RandomGraph } from '../helpers/random-graph';

/*
 * progressionPaths and shortestProgression against an independent oracle: random role graphs are
 * written to Neo4j, every simple route is enumerated in TypeScript with a plain depth-first search
 * and ranked as the contract says, and the API must answer exactly that. Role.pathsTo, with
 * includePivots as with via and rankBy, is checked the same way in route-oracle.test.ts.
 */

const GRAPH_SPECS = [
  { seed: 20240611, promotionsPerRole: 1.6, pivotsPerRole: 1.0 },
  { seed: 7, promotionsPerRole: 2.2, pivotsPerRole: 1.2 },
  { seed: 99991, promotionsPerRole: 1.2, pivotsPerRole: 1.6 },
  { seed: 424242, promotionsPerRole: 2.0, pivotsPerRole: 0.8 },
];
const PAIRS_PER_GRAPH = 15;
const FIRST_CHOICES = [20, 20, 20, 1, 2, 3, 5, 8, 13];

const suite = oracleSuite('oracle', GRAPH_SPECS);
const { prefix, graphs } = suite;

const PATH_FIELDS = `length roles { id } steps { from { id } to { id } kind sources }
  salaryChange { min max currency } skillsToAcquire { id } toolsToLearn { id }`;

/** The API's path in the oracle's shape. */
function asOracle(path: any): OraclePath {
  return {
    roles: path.roles.map((r: any) => r.id),
    steps: path.steps.map((s: any) => ({ from: s.from.id, to: s.to.id, kind: s.kind, sources: s.sources })),
    length: path.length,
    salaryChange: path.salaryChange,
    skillsToAcquire: path.skillsToAcquire.map((s: any) => s.id),
    toolsToLearn: path.toolsToLearn.map((t: any) => t.id),
  };
}

/**
 * Pairs to ask about: mostly pairs with routes, some reachable only through pivots, and some with
 * no route at all (dead ends, unreachable targets).
 */
function choosePairs(graph: RandomGraph, oracle: RouteOracle, rng: Rng): [string, string][] {
  const all = graph.roles.flatMap((a) =>
    graph.roles.filter((b) => b !== a).map((b) => [a.id, b.id] as [string, string]),
  );
  const promotable = all.filter(([a, b]) => oracle.distance(a, b, false) !== null);
  const pivotOnly = all.filter(
    ([a, b]) => oracle.distance(a, b, false) === null && oracle.distance(a, b, true) !== null,
  );
  const none = all.filter(([a, b]) => oracle.distance(a, b, true) === null);
  const chosen = [
    ...rng.shuffle(promotable).slice(0, 8),
    ...rng.shuffle(pivotOnly).slice(0, 4),
    ...rng.shuffle(none).slice(0, 3),
  ];
  const rest = rng.shuffle(all.filter((p) => !chosen.includes(p)));
  return [...chosen, ...rest].slice(0, PAIRS_PER_GRAPH);
}

describe.each(graphs.map((graph, g) => ({ graph, g, seed: GRAPH_SPECS[g].seed })))(
  'random graph $g (seed $seed)',
  ({ graph, g, seed }) => {
    const oracle = new RouteOracle(graph);

    it('when the graph is generated, then it has cycles, back-and-forth pivots, dead ends and ties to rank', () => {
      const has = (from: string, to: string, type?: string) =>
        graph.edges.some((e) => e.from === from && e.to === to && (!type || e.type === type));
      expect(graph.roles.length).toBeGreaterThanOrEqual(10);
      expect(graph.roles.length).toBeLessThanOrEqual(14);
      expect(graph.edges.some((e) => e.type === 'PIVOTS_TO' && has(e.to, e.from, 'PIVOTS_TO'))).toBe(true);
      expect(graph.roles.some((r) => graph.edges.every((e) => e.from !== r.id))).toBe(true);
      expect(graph.roles.some((r) => r.salary === null)).toBe(true);
      expect(graph.roles.some((r) => r.salary !== null)).toBe(true);
      // A cycle: some role reaches itself.
      const cyclic = graph.edges.some((e) => e.from !== e.to && oracle.distance(e.to, e.from, true) !== null);
      expect(cyclic).toBe(true);
      // Several routes of the same length between one pair.
      const tied = graph.roles.some((a) =>
        graph.roles.some((b) => {
          if (a === b) return false;
          const routes = oracle.ranked(a.id, b.id, 6, true);
          return routes.length > 1 && routes[0].length === routes[1].length;
        }),
      );
      expect(tied).toBe(true);
    });

    it(`when routes are asked for ${PAIRS_PER_GRAPH} pairs at every maxSteps from 1 to 6, with and without pivots, then progressionPaths answers exactly the oracle's ranked routes and shortestProgression its best shortest route`, async () => {
      const rng = new Rng(seed + 1);
      const pairs = choosePairs(graph, oracle, rng);
      expect(pairs).toHaveLength(PAIRS_PER_GRAPH);
      let routesCompared = 0;
      for (const [from, to] of pairs) {
        const asks = [1, 2, 3, 4, 5, 6].flatMap((maxSteps) =>
          [false, true].map((includePivots) => ({ maxSteps, includePivots, first: rng.pick(FIRST_CHOICES) })),
        );
        const query = `query ($from: ID!, $to: ID!) {
          ${asks
            .map(
              (a, i) =>
                `p${i}: progressionPaths(from: $from, to: $to, maxSteps: ${a.maxSteps}, first: ${a.first}, includePivots: ${a.includePivots}) { ${PATH_FIELDS} }`,
            )
            .join('\n')}
          shortest: shortestProgression(from: $from, to: $to) { ${PATH_FIELDS} }
          shortestWithPivots: shortestProgression(from: $from, to: $to, includePivots: true) { ${PATH_FIELDS} }
        }`;
        const { data, errors } = await suite.gql.run(query, { from, to });
        expect(errors).toBeUndefined();
        asks.forEach((a, i) => {
          const expected = oracle.ranked(from, to, a.maxSteps, a.includePivots).slice(0, a.first);
          const got = (data![`p${i}`] as any[]).map(asOracle);
          routesCompared += expected.length;
          expect({ graph: g, from, to, ...a, routes: got }).toEqual({ graph: g, from, to, ...a, routes: expected });
        });
        for (const [alias, includePivots] of [
          ['shortest', false],
          ['shortestWithPivots', true],
        ] as const) {
          const got = data![alias] === null ? null : asOracle(data![alias]);
          const expected = oracle.shortest(from, to, includePivots);
          expect({ graph: g, from, to, includePivots, shortest: got }).toEqual({
            graph: g,
            from,
            to,
            includePivots,
            shortest: expected,
          });
        }
      }
      // The pairs are not all trivial: a fair number of routes were compared.
      expect(routesCompared).toBeGreaterThan(50);
    });
  },
);

describe('routes longer than any bound on progressionPaths', () => {
  const chainPrefix = `${prefix}-chain`;
  const chain: RandomGraph = {
    name: chainPrefix,
    roles: Array.from({ length: 16 }, (_, i) => ({
      id: `${chainPrefix}-c${i}`,
      name: `Chain ${i}`,
      salary: null,
      skills: [],
      tools: [],
    })),
    skills: [],
    tools: [],
    edges: Array.from({ length: 15 }, (_, i) => ({
      from: `${chainPrefix}-c${i}`,
      to: `${chainPrefix}-c${i + 1}`,
      type: 'PROGRESSES_TO' as const,
      sources: ['Career Progression'],
    })),
  };
  const oracle = new RouteOracle(chain);

  beforeAll(async () => {
    await insertGraphs(suite.db.executor, [chain]);
  });

  it.each([6, 7, 12, 13, 15])(
    'when the only route is %i steps long, then shortestProgression still finds it (and null only when there is none)',
    async (steps) => {
      const from = chain.roles[0].id;
      const to = chain.roles[steps].id;
      const { data, errors } = await suite.gql.run(
        `query ($from: ID!, $to: ID!) {
          there: shortestProgression(from: $from, to: $to) { ${PATH_FIELDS} }
          back: shortestProgression(from: $to, to: $from, includePivots: true) { length }
          bounded: progressionPaths(from: $from, to: $to, maxSteps: 6) { length }
        }`,
        { from, to },
      );
      expect(errors).toBeUndefined();
      expect(data!.there === null ? null : asOracle(data!.there)).toEqual(oracle.shortest(from, to, false));
      expect(data!.there?.length).toBe(steps);
      expect(data!.back).toBeNull();
      expect(data!.bounded).toEqual(steps <= 6 ? [{ length: steps }] : []);
    },
  );
});

import { oracleSuite } from '../helpers/oracle-suite';
import {
  Rng,
  RouteOracle,
  compareIdLists,
  oracleSalaryChange,
  type Item,
  type RandomGraph,
  type RandomRole,
  type SalaryChange,
  type Transition,
  type TransitionType,
} from '../helpers/random-graph';

/*
 * Routes over every kind of move (promotions, pivots, O*NET related occupations, stored similar
 * roles), every ranking, and the least-effort route, against a brute force written here: every
 * simple route is enumerated over the generated edges, described and ranked as the API promises
 * (the reasons of its steps, what is left to learn, whose pay figures), with no Cypher involved.
 */

const GRAPH_SPECS = [
  { seed: 5150, promotionsPerRole: 1.2, pivotsPerRole: 0.8, relatedPerRole: 1.5, similarPerRole: 1.2 },
  { seed: 31337, promotionsPerRole: 1.6, pivotsPerRole: 0.6, relatedPerRole: 1.0, similarPerRole: 1.8 },
  { seed: 8675309, promotionsPerRole: 1.0, pivotsPerRole: 1.0, relatedPerRole: 2.0, similarPerRole: 1.0 },
];
const PAIRS_PER_GRAPH = 10;
// The first graph pays for planning every statement (a set of kinds and a ranking each) on a busy machine.
const HEAVY_TEST_MS = 300_000;
const FIRST_CHOICES = [20, 20, 1, 2, 3, 5];
const RANKS = ['FEWEST_STEPS', 'LEAST_TO_LEARN', 'MOST_PAY_GAIN'] as const;
type Rank = (typeof RANKS)[number];

const TYPE_OF = {
  PROMOTION: 'PROGRESSES_TO',
  PIVOT: 'PIVOTS_TO',
  RELATED: 'RELATED_TO',
  SIMILAR: 'SIMILAR_TO',
} as const satisfies Record<string, TransitionType>;
type Kind = keyof typeof TYPE_OF;
const KIND_OF = Object.fromEntries(Object.entries(TYPE_OF).map(([k, t]) => [t, k])) as Record<TransitionType, Kind>;

/** The sets of kinds asked for: the default, the older includePivots, and the new kinds alone and mixed. */
const VIAS: Kind[][] = [
  ['PROMOTION'],
  ['PROMOTION', 'PIVOT'],
  ['RELATED'],
  ['SIMILAR'],
  ['PROMOTION', 'RELATED', 'SIMILAR'],
  ['PROMOTION', 'PIVOT', 'RELATED', 'SIMILAR'],
];
const WIDE_MAX_STEPS = 3;
/** Roles of the graphs whose figures name a source (the others are the article's own). */
const BLS = 'BLS OEWS May 2023, US national, all industries';

const suite = oracleSuite('route-oracle', GRAPH_SPECS);
const { graphs } = suite;

const PATH_FIELDS = `length roles { id }
  steps { from { id } to { id } kind sources reason { kind sources similarity tier rank text } }
  salaryChange { min max currency } payFigures { role { id } source period currency }
  toLearnCount skillsToAcquire { id } toolsToLearn { id }`;

interface Reason {
  kind: Kind;
  sources: string[];
  similarity: number | null;
  tier: string | null;
  rank: number | null;
}

interface Route {
  roles: string[];
  steps: { from: string; to: string; kind: Kind; sources: string[]; reason: Reason }[];
  length: number;
  salaryChange: SalaryChange | null;
  payFigures: { role: string; source: string | null; period: string | null; currency: string | null }[];
  toLearnCount: number;
  skillsToAcquire: string[];
  toolsToLearn: string[];
}

interface Ranked extends Route {
  gain: number | null;
  types: string[];
}

const byNameThenId = (a: Item, b: Item) =>
  a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.id !== b.id ? (a.id < b.id ? -1 : 1) : 0;

/** The brute force: routes of a graph described and ranked as the API's contract says. */
class Oracle {
  private readonly routes: RouteOracle;
  private readonly roles: Map<string, RandomRole>;
  private readonly items: Map<string, Item>;

  constructor(
    readonly graph: RandomGraph,
    private readonly figureSources: ReadonlyMap<string, string>,
  ) {
    this.routes = new RouteOracle(graph);
    this.roles = new Map(graph.roles.map((r) => [r.id, r]));
    this.items = new Map([...graph.skills, ...graph.tools].map((x) => [x.id, x]));
  }

  role(id: string): RandomRole {
    return this.roles.get(id)!;
  }

  distance(from: string, to: string, via: Kind[]): number | null {
    return this.routes.distance(
      from,
      to,
      via.map((k) => TYPE_OF[k]),
    );
  }

  /** A route described, what to learn counted against the start's items and `known`. */
  describe(route: Transition[], known: readonly string[] = []): Ranked {
    const roleIds = [route[0].from, ...route.map((e) => e.to)];
    const [start, end] = [this.role(roleIds[0]), this.role(roleIds[roleIds.length - 1])];
    const knownSet = new Set([...start.skills, ...start.tools, ...known]);
    const later = roleIds.slice(1).map((id) => this.role(id));
    const learn = (of: (r: RandomRole) => string[]) =>
      [...new Set(later.flatMap(of))]
        .filter((id) => !knownSet.has(id))
        .map((id) => this.items.get(id)!)
        .sort(byNameThenId)
        .map((x) => x.id);
    const skillsToAcquire = learn((r) => r.skills);
    const toolsToLearn = learn((r) => r.tools);
    const salaryChange = oracleSalaryChange(start, end);
    return {
      roles: roleIds,
      steps: route.map((e) => ({
        from: e.from,
        to: e.to,
        kind: KIND_OF[e.type],
        sources: e.sources,
        reason: {
          kind: KIND_OF[e.type],
          sources: e.sources,
          similarity: e.type === 'SIMILAR_TO' ? e.score! : null,
          tier: e.tier ?? null,
          rank: e.rank ?? null,
        },
      })),
      length: route.length,
      salaryChange,
      payFigures: [start, end].map((r) => ({
        role: r.id,
        source: r.salary ? (this.figureSources.get(r.id) ?? 'the article') : null,
        period: r.salary?.period ?? null,
        currency: r.salary?.currency ?? null,
      })),
      toLearnCount: skillsToAcquire.length + toolsToLearn.length,
      skillsToAcquire,
      toolsToLearn,
      gain: salaryChange ? salaryChange.min + salaryChange.max : null,
      types: route.map((e) => e.type),
    };
  }

  /** Fewest steps: length, gain (unknown last), skills to acquire, role ids, relationship types. */
  private static fewest(a: Ranked, b: Ranked): number {
    return (
      a.length - b.length ||
      Oracle.gain(a, b) ||
      a.skillsToAcquire.length - b.skillsToAcquire.length ||
      compareIdLists(a.roles, b.roles) ||
      compareIdLists(a.types, b.types)
    );
  }

  private static gain(a: Ranked, b: Ranked): number {
    if (a.gain === b.gain) return 0;
    if (a.gain === null) return 1;
    if (b.gain === null) return -1;
    return b.gain - a.gain;
  }

  static order(rank: Rank): (a: Ranked, b: Ranked) => number {
    if (rank === 'LEAST_TO_LEARN') return (a, b) => a.toLearnCount - b.toLearnCount || Oracle.fewest(a, b);
    if (rank === 'MOST_PAY_GAIN') return (a, b) => Oracle.gain(a, b) || Oracle.fewest(a, b);
    return Oracle.fewest;
  }

  all(from: string, to: string, maxSteps: number, via: Kind[], known: readonly string[] = []): Ranked[] {
    return this.routes
      .routes(
        from,
        to,
        maxSteps,
        via.map((k) => TYPE_OF[k]),
      )
      .map((r) => this.describe(r, known));
  }

  ranked(from: string, to: string, maxSteps: number, via: Kind[], rank: Rank): Route[] {
    return this.all(from, to, maxSteps, via).sort(Oracle.order(rank)).map(strip);
  }

  shortest(from: string, to: string, via: Kind[], rank: Rank): Route | null {
    const d = this.distance(from, to, via);
    return d === null ? null : this.ranked(from, to, d, via, rank)[0];
  }

  /** Least to learn, then fewer steps, then the role ids, then the relationship types. */
  leastEffort(from: string, to: string, maxSteps: number, via: Kind[], known: readonly string[] = []) {
    const routes = this.all(from, to, maxSteps, via, known).sort(
      (a, b) =>
        a.toLearnCount - b.toLearnCount ||
        a.length - b.length ||
        compareIdLists(a.roles, b.roles) ||
        compareIdLists(a.types, b.types),
    );
    const tied = routes.filter((r) => r.toLearnCount === routes[0]?.toLearnCount).length;
    return { best: routes.length === 0 ? null : strip(routes[0]), tied };
  }
}

function strip({ gain: _gain, types: _types, ...route }: Ranked): Route {
  return route;
}

/** The API's route in the oracle's shape; the sentence of each reason is checked on its own. */
function asOracle(path: any): Route {
  return {
    roles: path.roles.map((r: any) => r.id),
    steps: path.steps.map((s: any) => {
      const { text, ...reason } = s.reason;
      expect(reasonText(s, reason)).toBe(text);
      return { from: s.from.id, to: s.to.id, kind: s.kind, sources: s.sources, reason };
    }),
    length: path.length,
    salaryChange: path.salaryChange,
    payFigures: path.payFigures.map((f: any) => ({ ...f, role: f.role.id })),
    toLearnCount: path.toLearnCount,
    skillsToAcquire: path.skillsToAcquire.map((s: any) => s.id),
    toolsToLearn: path.toolsToLearn.map((t: any) => t.id),
  };
}

/** The sentence a reason should read, from the oracle's side: who states it, or how similar. */
function reasonText(step: { kind: Kind }, reason: Reason): string {
  const sources = reason.sources.join(', ');
  switch (step.kind) {
    case 'PROMOTION':
      return `A promotion, as stated in: ${sources}`;
    case 'PIVOT':
      return `A pivot into an adjacent role, as stated in: ${sources}`;
    case 'RELATED':
      return `${sources} lists it as a related occupation (${reason.tier!.toLowerCase().replace(/_/g, '-')}, rank ${reason.rank})`;
    case 'SIMILAR':
      return `Similar in what the two roles require: score ${reason.similarity!.toFixed(2)}, rank ${reason.rank} of the stored list`;
  }
}

const viaArg = (via: Kind[]) => `[${via.join(', ')}]`;

/** The server takes at most 15 aliases a query: the asks (two aliases each) go in queries of seven. */
async function askAll<A>(
  asks: A[],
  variables: string,
  values: Record<string, unknown>,
  render: (ask: A, i: number) => string,
): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  for (let start = 0; start < asks.length; start += 7) {
    const fields = asks.slice(start, start + 7).map((a, j) => render(a, start + j));
    const answer = await suite.gql.run(`query (${variables}) { ${fields.join('\n')} }`, values);
    expect(answer.errors).toBeUndefined();
    Object.assign(data, answer.data);
  }
  return data;
}

/** Pairs with routes over the new kinds only, over promotions, and with none at all. */
function choosePairs(graph: RandomGraph, oracle: Oracle, rng: Rng): [string, string][] {
  const all = graph.roles.flatMap((a) =>
    graph.roles.filter((b) => b !== a).map((b) => [a.id, b.id] as [string, string]),
  );
  const everything = VIAS[VIAS.length - 1];
  const promotable = all.filter(([a, b]) => oracle.distance(a, b, ['PROMOTION']) !== null);
  const wideOnly = all.filter(
    ([a, b]) => oracle.distance(a, b, ['PROMOTION', 'PIVOT']) === null && oracle.distance(a, b, everything) !== null,
  );
  const none = all.filter(([a, b]) => oracle.distance(a, b, everything) === null);
  const chosen = [
    ...rng.shuffle(promotable).slice(0, 4),
    ...rng.shuffle(wideOnly).slice(0, 4),
    ...rng.shuffle(none).slice(0, 2),
  ];
  const rest = rng.shuffle(all.filter((p) => !chosen.includes(p)));
  return [...chosen, ...rest].slice(0, PAIRS_PER_GRAPH);
}

/** Some roles' figures name their source, as BLS figures do; the others are the article's own. */
const figureSources = graphs.map(
  (graph) => new Map(graph.roles.filter((r, i) => r.salary !== null && i % 2 === 0).map((r) => [r.id, BLS])),
);

beforeAll(async () => {
  await suite.db.executor.write('UNWIND $rows AS row MATCH (r:Role {id: row.id}) SET r.salarySource = row.source', {
    rows: figureSources.flatMap((m) => [...m].map(([id, source]) => ({ id, source }))),
  });
});

describe.each(graphs.map((graph, g) => ({ graph, g, seed: GRAPH_SPECS[g].seed })))(
  'random graph $g (seed $seed)',
  ({ graph, g, seed }) => {
    const oracle = new Oracle(graph, figureSources[g]);

    it('when the graph is generated, then it has every kind of move, parallel moves of different kinds and dead ends', () => {
      for (const type of Object.values(TYPE_OF)) expect(graph.edges.some((e) => e.type === type)).toBe(true);
      const parallel = graph.edges.some((e) =>
        graph.edges.some((f) => f !== e && f.from === e.from && f.to === e.to && f.type !== e.type),
      );
      expect(parallel).toBe(true);
      expect(graph.roles.some((r) => graph.edges.every((e) => e.from !== r.id))).toBe(true);
    });

    it(
      `when routes are asked for ${PAIRS_PER_GRAPH} pairs over every set of kinds and every ranking, then progressionPaths and shortestProgression answer exactly the brute force`,
      async () => {
        const rng = new Rng(seed + 1);
        let routesCompared = 0;
        let nullShortest = 0;
        for (const [from, to] of choosePairs(graph, oracle, rng)) {
          const asks = VIAS.flatMap((via) =>
            RANKS.map((rankBy) => {
              const wide = via.includes('RELATED') || via.includes('SIMILAR');
              return { via, rankBy, maxSteps: 1 + rng.int(wide ? WIDE_MAX_STEPS : 5), first: rng.pick(FIRST_CHOICES) };
            }),
          );
          const data = await askAll(
            asks,
            '$from: ID!, $to: ID!',
            { from, to },
            (a, i) => `
              p${i}: progressionPaths(from: $from, to: $to, maxSteps: ${a.maxSteps}, first: ${a.first}, via: ${viaArg(a.via)}, rankBy: ${a.rankBy}) { ${PATH_FIELDS} }
              s${i}: shortestProgression(from: $from, to: $to, via: ${viaArg(a.via)}, rankBy: ${a.rankBy}) { ${PATH_FIELDS} }`,
          );
          asks.forEach((a, i) => {
            const expected = oracle.ranked(from, to, a.maxSteps, a.via, a.rankBy).slice(0, a.first);
            const got = (data[`p${i}`] as any[]).map(asOracle);
            routesCompared += expected.length;
            expect({ g, from, to, ...a, routes: got }).toEqual({ g, from, to, ...a, routes: expected });
            const shortest = oracle.shortest(from, to, a.via, a.rankBy);
            if (shortest === null) nullShortest++;
            const gotShortest = data[`s${i}`] === null ? null : asOracle(data[`s${i}`]);
            expect({ g, from, to, ...a, shortest: gotShortest }).toEqual({ g, from, to, ...a, shortest });
          });
        }
        expect(routesCompared).toBeGreaterThan(100);
        expect(nullShortest).toBeGreaterThan(0);
      },
      HEAVY_TEST_MS,
    );

    it(
      'when the least-effort route is asked from a role and from a profile, at every maxSteps from 1 to 5 and over every set of kinds, then it is the brute force’s best (ties by steps, then ids), or null when there is none',
      async () => {
        const rng = new Rng(seed + 2);
        let found = 0;
        let none = 0;
        let ties = 0;
        for (const [from, to] of choosePairs(graph, oracle, rng)) {
          const profile = {
            skills: graph.skills.filter(() => rng.chance(0.3)).map((s) => s.id),
            tools: graph.tools.filter(() => rng.chance(0.3)).map((t) => t.id),
            currentRole: from,
          };
          const asks = VIAS.flatMap((via) => [1, 2, 3, 4, 5].map((maxSteps) => ({ via, maxSteps })));
          const data = await askAll(
            asks,
            '$from: ID!, $to: ID!, $profile: ProfileInput!',
            { from, to, profile },
            (a, i) => `
              r${i}: leastEffortRoute(from: $from, to: $to, maxSteps: ${a.maxSteps}, via: ${viaArg(a.via)}) { ${PATH_FIELDS} }
              p${i}: leastEffortRoute(profile: $profile, to: $to, maxSteps: ${a.maxSteps}, via: ${viaArg(a.via)}) { ${PATH_FIELDS} }`,
          );
          asks.forEach((a, i) => {
            for (const [alias, known] of [
              [`r${i}`, []],
              [`p${i}`, [...profile.skills, ...profile.tools]],
            ] as const) {
              const { best, tied } = oracle.leastEffort(from, to, a.maxSteps, a.via, known);
              if (best === null) none++;
              else found++;
              if (tied > 1) ties++;
              const got = data[alias] === null ? null : asOracle(data[alias]);
              expect({ g, from, to, ...a, known, route: got }).toEqual({ g, from, to, ...a, known, route: best });
            }
          });
        }
        expect(found).toBeGreaterThan(50);
        expect(none).toBeGreaterThan(0);
        expect(ties).toBeGreaterThan(10);
      },
      HEAVY_TEST_MS,
    );

    it('when routes are asked without toLearnCount, next to the same routes asked with it, then both list the brute force’s routes in its order and the count is the brute force’s', async () => {
      const rng = new Rng(seed + 4);
      // The count is then left out of the statement unless the ranking itself orders by it.
      const ROUTE = 'roles { id } steps { kind } skillsToAcquire { id }';
      const shapeOf = (r: Route) => ({ roles: r.roles, steps: r.steps.map((s) => s.kind), skills: r.skillsToAcquire });
      const plain = (p: any) => ({
        roles: p.roles.map((r: any) => r.id),
        steps: p.steps.map((s: any) => s.kind),
        skills: p.skillsToAcquire.map((s: any) => s.id),
      });
      let compared = 0;
      for (const [from, to] of choosePairs(graph, oracle, rng).slice(0, 4)) {
        const asks = RANKS.map((rankBy) => ({ rankBy, via: VIAS[5], maxSteps: 1 + rng.int(WIDE_MAX_STEPS), first: 5 }));
        const data = await askAll(
          asks,
          '$from: ID!, $to: ID!',
          { from, to },
          (a, i) => `
            without${i}: progressionPaths(from: $from, to: $to, maxSteps: ${a.maxSteps}, first: ${a.first}, via: ${viaArg(a.via)}, rankBy: ${a.rankBy}) { ${ROUTE} }
            with${i}: progressionPaths(from: $from, to: $to, maxSteps: ${a.maxSteps}, first: ${a.first}, via: ${viaArg(a.via)}, rankBy: ${a.rankBy}) { ${ROUTE} toLearnCount }`,
        );
        asks.forEach((a, i) => {
          const expected = oracle.ranked(from, to, a.maxSteps, a.via, a.rankBy).slice(0, a.first);
          expect({ ...a, routes: (data[`without${i}`] as any[]).map(plain) }).toEqual({
            ...a,
            routes: expected.map(shapeOf),
          });
          expect({
            ...a,
            routes: (data[`with${i}`] as any[]).map((p) => ({ ...plain(p), toLearnCount: p.toLearnCount })),
          }).toEqual({
            ...a,
            routes: expected.map((r) => ({ ...shapeOf(r), toLearnCount: r.toLearnCount })),
          });
          compared += expected.length;
        });
      }
      expect(compared).toBeGreaterThan(5);
    });

    it('when every role asks for its routes to a target through Role.pathsTo, with includePivots or with via and rankBy, then each list is the brute force’s, batched into one query per set of arguments', async () => {
      const rng = new Rng(seed + 3);
      const targets = rng.shuffle(graph.roles.filter((r) => graph.edges.some((e) => e.to === r.id && e.from !== r.id)));
      // The older includePivots (promotions, then promotions and pivots, up to 6 steps, ranked by
      // the default) and the wider sets of kinds (up to their bound, each with a ranking).
      const asks = [
        { via: VIAS[0], includePivots: false, rankBy: 'FEWEST_STEPS' as Rank, maxSteps: 2 + rng.int(5) },
        { via: VIAS[1], includePivots: true, rankBy: 'FEWEST_STEPS' as Rank, maxSteps: 2 + rng.int(5) },
        ...[VIAS[4], VIAS[5]].map((via) => ({ via, rankBy: rng.pick(RANKS), maxSteps: 1 + rng.int(WIDE_MAX_STEPS) })),
      ];
      for (const [k, { via, rankBy, maxSteps, ...a }] of asks.entries()) {
        const target = targets[k % targets.length].id;
        const first = rng.pick(FIRST_CHOICES);
        const args =
          'includePivots' in a ? `includePivots: ${a.includePivots}` : `via: ${viaArg(via)}, rankBy: ${rankBy}`;
        // Every role but the target itself (a route to itself is BAD_USER_INPUT, tested below).
        const from = graph.roles.filter((r) => r.id !== target);
        const query = `query ($to: ID!) {
          ${from
            .map(
              (r, i) =>
                `r${i}: role(id: "${r.id}") { id pathsTo(id: $to, maxSteps: ${maxSteps}, first: ${first}, ${args}) { ${PATH_FIELDS} } }`,
            )
            .join('\n')}
        }`;
        const { data, errors, dbQueries } = await suite.gql.run(query, { to: target });
        expect(errors).toBeUndefined();
        from.forEach((r, i) => {
          const got = (data![`r${i}`] as any).pathsTo.map(asOracle);
          const expected = oracle.ranked(r.id, target, maxSteps, via, rankBy).slice(0, first);
          expect({ from: r.id, to: target, args, maxSteps, first, routes: got }).toEqual({
            from: r.id,
            to: target,
            args,
            maxSteps,
            first,
            routes: expected,
          });
        });
        // The roles (one lookup, which also checks the target) and the routes of all of them.
        expect(dbQueries).toBeLessThanOrEqual(3);
      }
    });
  },
);

describe('route questions asked wrongly', () => {
  const graph = graphs[0];
  const [a, b] = graph.roles.map((r) => r.id);

  it.each([
    [
      'includePivots contradicting via',
      `{ progressionPaths(from: "${a}", to: "${b}", via: [PROMOTION], includePivots: true) { length } }`,
      'includePivots',
    ],
    ['an empty via', `{ progressionPaths(from: "${a}", to: "${b}", via: []) { length } }`, 'via'],
    [
      'routes via related occupations longer than their bound',
      `{ progressionPaths(from: "${a}", to: "${b}", via: [PROMOTION, RELATED], maxSteps: 4) { length } }`,
      'maxSteps',
    ],
    [
      'Role.pathsTo via similar roles longer than their bound',
      `{ role(id: "${a}") { pathsTo(id: "${b}", via: [SIMILAR], maxSteps: 5) { length } } }`,
      'maxSteps',
    ],
    [
      'both a start role and a profile',
      `{ leastEffortRoute(from: "${a}", profile: { currentRole: "${a}" }, to: "${b}") { length } }`,
      'from',
    ],
    ['neither a start role nor a profile', `{ leastEffortRoute(to: "${b}") { length } }`, 'from'],
    [
      'a profile without a current role',
      `{ leastEffortRoute(profile: { skills: ["${graph.skills[0].id}"] }, to: "${b}") { length } }`,
      'profile.currentRole',
    ],
    ['a route to the start itself', `{ leastEffortRoute(from: "${a}", to: "${a}") { length } }`, 'to'],
  ])('when a route question has %s, then it is BAD_USER_INPUT naming the argument', async (_what, query, field) => {
    const { data, errors } = await suite.gql.run(query);
    expect(errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', field]]);
    expect(data === null || data === undefined || Object.values(data).every((v) => v === null)).toBe(true);
  });

  it('when a profile names unknown skills, tools or role, then BAD_USER_INPUT names each of them', async () => {
    const { errors } = await suite.gql.run(
      `query ($profile: ProfileInput!) { leastEffortRoute(profile: $profile, to: "${b}") { length } }`,
      {
        profile: {
          skills: [graph.skills[0].id, 'no-such-skill'],
          tools: [graph.skills[1].id],
          currentRole: 'no-such-role',
        },
      },
    );
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((errors![0].extensions?.problems as any[]).map((p) => p.field)).toEqual([
      'profile.skills[1]',
      'profile.tools[0]',
      'profile.currentRole',
    ]);
  });

  it('when the target does not exist, then the least-effort route is NOT_FOUND', async () => {
    const { errors } = await suite.gql.run(`{ leastEffortRoute(from: "${a}", to: "no-such-role") { length } }`);
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

import { parse, validate, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import {
  disagreement,
  inTurn,
  interleave,
  profilesIn,
  R5_FIRST,
  R5_PROFILES,
  R6_FIRST,
  requestFor,
  targetsOf,
  WORKLOADS,
  type Ranked,
  type Workload,
} from '../../bench/workloads';
import { chartTitle } from '../../bench/chart';
import { loadConfig } from '../../src/config';
import { buildGraphQLSchema } from '../../src/schema';
import { fieldCostEstimator } from '../../src/server/plugins/query-limits.plugin';

const workload = (id: string): Workload => WORKLOADS.find((w) => w.id === id)!;
const ids = (p: (typeof R5_PROFILES)[number]) => [...p.skills, ...p.tools, ...p.frameworks, ...p.languages];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

describe('the fit workloads (R5, R6)', () => {
  it('when their queries are validated, then the schema accepts them', () => {
    for (const id of ['R5', 'R6']) expect(validate(schema, parse(workload(id).api))).toEqual([]);
  });

  it('when their cost is estimated, then they stay below the cost limit of the API', () => {
    const { limits } = loadConfig({});
    const variables = { R5: { profile: R5_PROFILES[0] }, R6: { from: 'software-developers' } };
    for (const id of ['R5', 'R6'] as const) {
      const query = parse(workload(id).api);
      const cost = getComplexity({ schema, query, variables: variables[id], estimators: [fieldCostEstimator(schema)] });
      expect(cost).toBeGreaterThan(R5_FIRST);
      expect(cost).toBeLessThan(limits.cost);
    }
  });

  it('when the peer is asked, then it is not applicable: only the API and the floor answer', () => {
    for (const id of ['R5', 'R6']) {
      expect(targetsOf(workload(id))).toEqual(['api', 'floor']);
      expect(() => requestFor('peer', workload(id), {})).toThrow(/peer cannot answer/);
    }
    expect(targetsOf(workload('R4'))).toEqual(['api', 'peer', 'floor']);
  });

  it('when the floor is sent R5, then its body is the profile the API is sent', () => {
    const vars = { profile: R5_PROFILES[0] };
    const api = JSON.parse(requestFor('api', workload('R5'), vars).body) as { variables: unknown };
    const floor = requestFor('floor', workload('R5'), vars);
    expect(floor.path).toBe('/r5');
    expect(JSON.parse(floor.body)).toEqual(api.variables);
  });

  it('when R5 profiles are listed, then each has ten distinct ids of slug form', () => {
    expect(R5_PROFILES.length).toBeGreaterThanOrEqual(3);
    for (const profile of R5_PROFILES) {
      expect(ids(profile)).toHaveLength(10);
      expect(new Set(ids(profile)).size).toBe(10);
      for (const id of ids(profile)) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(new Set(R5_PROFILES.map((p) => JSON.stringify(p))).size).toBe(R5_PROFILES.length);
  });

  it('when the ranked results are read, then they are the roles in order with their fit or similarity', () => {
    const r5 = {
      matchRoles: {
        matches: [
          { role: { id: 'a' }, fit: 0.5 },
          { role: { id: 'b' }, fit: 0.25 },
        ],
      },
    };
    expect(workload('R5').ranked!(r5)).toEqual([
      { id: 'a', score: 0.5 },
      { id: 'b', score: 0.25 },
    ]);
    const r6 = { transitions: [{ role: { id: 'c' }, similarity: 0.75 }] };
    expect(workload('R6').ranked!(r6)).toEqual([{ id: 'c', score: 0.75 }]);
    expect(R6_FIRST).toBeGreaterThan(1);
  });
});

describe('the chart title', () => {
  it('when some workloads run with fewer clients, then the title names the graphs and those clients', () => {
    const real = WORKLOADS.filter((w) => w.graph === 'real');
    expect(chartTitle(['real'], 16, real)).toBe('requests/s per workload (real graph, 16 connections; R5 2, R6 4)');
    expect(chartTitle(['quick'], 16, [workload('W1')])).toBe('requests/s per workload (quick graph, 16 connections)');
  });
});

describe('rotation of the inputs', () => {
  it('when 10 sets are taken from 4 items, then each comes in turn', () => {
    expect(inTurn(['a', 'b', 'c', 'd'], 10)).toEqual(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd', 'a', 'b']);
    expect(inTurn([], 5)).toEqual([]);
  });

  it('when every profile is taken in turn, then a window of as many sets holds each profile once', () => {
    const taken = inTurn(R5_PROFILES, 200);
    for (let start = 0; start + R5_PROFILES.length <= taken.length; start += 37) {
      const window = taken.slice(start, start + R5_PROFILES.length);
      expect(new Set(window).size).toBe(R5_PROFILES.length);
    }
  });

  it('when sources are interleaved, then they alternate and a shorter one ends early', () => {
    expect(
      interleave([
        ['o1', 'o2', 'o3'],
        ['e1', 'e2', 'e3'],
        ['a1', 'a2'],
      ]),
    ).toEqual(['o1', 'e1', 'a1', 'o2', 'e2', 'a2', 'o3', 'e3']);
  });

  it('when the graph lacks some profile ids, then they are left out and named', () => {
    const all = new Set(R5_PROFILES.flatMap(ids));
    const gone = [ids(R5_PROFILES[0])[0], ids(R5_PROFILES[1])[3]];
    const { profiles, absent } = profilesIn(R5_PROFILES, new Set([...all].filter((id) => !gone.includes(id))));
    expect(absent.sort()).toEqual([...gone].sort());
    expect(profiles.flatMap(ids).filter((id) => gone.includes(id))).toEqual([]);
    expect(profiles.flatMap(ids)).toHaveLength(R5_PROFILES.flatMap(ids).length - gone.length);
    expect(profilesIn(R5_PROFILES, all)).toEqual({ profiles: R5_PROFILES, absent: [] });
  });
});

describe('disagreement (the check before R5 and R6 are timed)', () => {
  const ranked = (...pairs: [string, number][]): Ranked[] => pairs.map(([id, score]) => ({ id, score }));
  const api = ranked(['a', 0.9], ['b', 0.5], ['c', 0.25]);

  it('when the floor ranks the same roles with the same scores, then they agree', () => {
    expect(disagreement(api, ranked(['a', 0.9], ['b', 0.5], ['c', 0.25]))).toBeNull();
  });

  it('when a score differs by less than 1e-6, then they agree; by more, then they do not', () => {
    expect(disagreement(api, ranked(['a', 0.9 + 4e-7], ['b', 0.5], ['c', 0.25]))).toBeNull();
    expect(disagreement(api, ranked(['a', 0.9 + 2e-6], ['b', 0.5], ['c', 0.25]))).toMatch(/^a scores 0.9 in the API/);
  });

  it('when the floor ranks another role, or the same roles in another order, then they do not agree', () => {
    expect(disagreement(api, ranked(['a', 0.9], ['x', 0.5], ['c', 0.25]))).toBe(
      'at rank 2 the API has b (0.5), the floor x (0.5)',
    );
    expect(disagreement(api, ranked(['b', 0.5], ['a', 0.9], ['c', 0.25]))).toMatch(/^at rank 1/);
  });

  it('when the floor ranks more or fewer roles, then they do not agree', () => {
    expect(disagreement(api, api.slice(0, 2))).toBe('the API ranks 3 result(s), the floor 2');
    expect(disagreement([], api)).toBe('the API ranks 0 result(s), the floor 3');
  });

  it('when two roles tie (scores within 1e-6), then either order agrees', () => {
    const tie = ranked(['a', 0.9], ['b', 0.5], ['c', 0.5 - 1e-12]);
    expect(disagreement(tie, ranked(['a', 0.9], ['c', 0.5], ['b', 0.5]))).toBeNull();
  });

  it('when a score is not a number, then they do not agree', () => {
    expect(disagreement(api, ranked(['a', Number.NaN], ['b', 0.5], ['c', 0.25]))).toMatch(/^a scores/);
  });
});

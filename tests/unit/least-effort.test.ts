import { QueryTooComplexError } from '../../src/errors';
import type { RouteCandidate } from '../../src/graph/repositories/routes.repository';
import { ROUTE_SEARCH_LIMITS, leastEffortRoute } from '../../src/services/least-effort';

/*
 * The least-effort search on hand-made candidate graphs: what is learned early is not paid again,
 * and the search refuses to run past its bounds. Its agreement with a brute force on random
 * graphs is checked in tests/integration/route-oracle.test.ts.
 */

const role = (id: string, behind: number, items: string[], moves: string[]): RouteCandidate => ({
  id,
  behind,
  items,
  moves: moves.map((to) => ({ to, type: 'PROGRESSES_TO' })),
});

describe('leastEffortRoute', () => {
  it('when a direct move and a detour ask the same, then fewer steps wins (no detour asks less: the end is on every route)', () => {
    const candidates = [
      role('s', 1, [], ['t', 'm']),
      role('m', 1, ['a', 'b'], ['t']),
      role('t', 0, ['a', 'b', 'c'], []),
    ];
    expect(leastEffortRoute(candidates, 's', 't', 2, new Set())).toEqual({
      roles: ['s', 't'],
      types: ['PROGRESSES_TO'],
      cost: 3,
    });
    expect(leastEffortRoute(candidates, 's', 't', 1, new Set(['c']))?.cost).toBe(2);
  });

  it('when what a step taught is needed again, then it is counted once (a fixed cost per step would count it twice)', () => {
    // s -> x -> t costs {p, q} once; s -> y -> t costs {r} + {p, q}.
    const candidates = [
      role('s', 2, [], ['y', 'x']),
      role('x', 1, ['p', 'q'], ['t']),
      role('y', 1, ['r'], ['t']),
      role('t', 0, ['p', 'q'], []),
    ];
    expect(leastEffortRoute(candidates, 's', 't', 2, new Set())).toEqual({
      roles: ['s', 'x', 't'],
      types: ['PROGRESSES_TO', 'PROGRESSES_TO'],
      cost: 2,
    });
  });

  it('when no route fits in maxSteps, then there is none', () => {
    const candidates = [role('s', 2, [], ['m']), role('m', 1, [], ['t']), role('t', 0, [], [])];
    expect(leastEffortRoute(candidates, 's', 't', 1, new Set())).toBeNull();
    expect(leastEffortRoute([], 's', 't', 4, new Set())).toBeNull();
  });

  it('when more roles lie on the bounded routes than the search takes, then it is QUERY_TOO_COMPLEX', () => {
    const many = Array.from({ length: ROUTE_SEARCH_LIMITS.candidates + 1 }, (_, i) => role(`r${i}`, 1, [], []));
    expect(() => leastEffortRoute(many, 'r0', 'r1', 4, new Set())).toThrow(QueryTooComplexError);
  });

  it('when a dense graph offers more partial routes than the search weighs, then it is QUERY_TOO_COMPLEX', () => {
    // 12 roles all joined to each other; the target is reached only from the last of them.
    const ids = Array.from({ length: 12 }, (_, i) => `r${i}`);
    const last = ids[ids.length - 1];
    const candidates = [
      ...ids.map((id, i) =>
        role(id, id === last ? 1 : 2, [`x${i}`], [...ids.filter((o) => o !== id), ...(id === last ? ['t'] : [])]),
      ),
      role('t', 0, ['y'], []),
    ];
    const limits = { ...ROUTE_SEARCH_LIMITS, extensions: 20 };
    expect(() => leastEffortRoute(candidates, 'r0', 't', 6, new Set(), limits)).toThrow(QueryTooComplexError);
    expect(leastEffortRoute(candidates, 'r0', 't', 6, new Set())).toEqual({
      roles: ['r0', last, 't'],
      types: ['PROGRESSES_TO', 'PROGRESSES_TO'],
      cost: 2,
    });
  });
});

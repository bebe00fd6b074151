import { QueryTooComplexError } from '../errors';
import type { RouteCandidate } from '../graph/repositories/routes.repository';
import type { TransitionType } from '../model/transitions';

/*
 * The least-effort route: the route whose roles ask the fewest skills and tools the traveller
 * does not know, where what one role teaches is known in every later one. A move's cost depends
 * on the roles already passed, so fixed edge weights (Dijkstra) would not be exact; this is an
 * exact depth-first branch and bound over the candidate roles, carrying what has been learned.
 */

/** The most candidate roles one search takes, and the most partial routes it extends. */
export const ROUTE_SEARCH_LIMITS = { candidates: 2_000, extensions: 200_000 };
export type RouteSearchLimits = typeof ROUTE_SEARCH_LIMITS;

export interface LeastEffortRoute {
  roles: string[];
  types: TransitionType[];
  /** Distinct items to learn along the route. */
  cost: number;
}

/** Element-wise comparison of two string lists; a proper prefix first. */
function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

/** Least to learn, then fewer steps, then the roles' ids, then the moves' types, in order. */
export function compareRoutes(a: LeastEffortRoute, b: LeastEffortRoute): number {
  return (
    a.cost - b.cost ||
    a.types.length - b.types.length ||
    compareLists(a.roles, b.roles) ||
    compareLists(a.types, b.types)
  );
}

function tooComplex(what: string, limits: RouteSearchLimits): QueryTooComplexError {
  return new QueryTooComplexError(`leastEffortRoute: ${what}; lower maxSteps or follow fewer kinds of move (via)`, {
    limit: limits,
  });
}

/**
 * The best route of at most `maxSteps` moves from `start` to `target` over `candidates` (each
 * with its distance `behind` to the target), `known` the items known at the start; null when
 * there is none. Throws QUERY_TOO_COMPLEX past the bounds above rather than run on.
 */
export function leastEffortRoute(
  candidates: readonly RouteCandidate[],
  start: string,
  target: string,
  maxSteps: number,
  known: ReadonlySet<string>,
  limits: RouteSearchLimits = ROUTE_SEARCH_LIMITS,
): LeastEffortRoute | null {
  if (candidates.length > limits.candidates) {
    const what = `${candidates.length} roles lie on routes of at most ${maxSteps} steps (at most ${limits.candidates})`;
    throw tooComplex(what, limits);
  }
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const end = byId.get(target);
  if (!byId.has(start) || !end) return null;
  const targetNeeds = end.items.filter((x) => !known.has(x));

  // A holder, not a variable: the walk assigns it from a closure.
  const found: { best: LeastEffortRoute | null } = { best: null };
  let extensions = 0;
  const roles = [start];
  const types: TransitionType[] = [];
  const learned = new Set<string>();

  const walk = (at: RouteCandidate) => {
    const depth = types.length + 1;
    for (const move of at.moves) {
      const next = byId.get(move.to);
      if (!next || roles.includes(next.id) || depth + next.behind > maxSteps) continue;
      if (++extensions > limits.extensions) {
        throw tooComplex(`more than ${limits.extensions} partial routes to weigh`, limits);
      }
      const taught = [...new Set(next.items)].filter((x) => !known.has(x) && !learned.has(x));
      const cost = learned.size + taught.length;
      roles.push(next.id);
      types.push(move.type);
      if (next.id === target) {
        const route = { roles: [...roles], types: [...types], cost };
        if (found.best === null || compareRoutes(route, found.best) < 0) found.best = route;
      } else {
        // The target's items are learned on arrival at the latest: a lower bound on any completion.
        const taughtHere = new Set(taught);
        const bound = cost + targetNeeds.filter((x) => !learned.has(x) && !taughtHere.has(x)).length;
        const shortest = depth + next.behind;
        const { best } = found;
        if (best === null || bound < best.cost || (bound === best.cost && shortest <= best.types.length)) {
          for (const x of taught) learned.add(x);
          walk(next);
          for (const x of taught) learned.delete(x);
        }
      }
      roles.pop();
      types.pop();
    }
  };
  walk(byId.get(start)!);
  return found.best;
}

import type { Executor } from '../../src/graph/executor';

/*
 * Random role graphs and an independent oracle for career routes: a plain depth-first search
 * over the generated edges, ranked as the API promises, with no Cypher involved.
 */

/** A small deterministic PRNG (mulberry32): the same seed always gives the same graph. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

export type TransitionType = 'PROGRESSES_TO' | 'PIVOTS_TO' | 'RELATED_TO' | 'SIMILAR_TO';

export interface Item {
  id: string;
  name: string;
}

export interface Salary {
  min: number;
  max: number;
  currency: string;
  period: 'YEAR' | 'MONTH';
  basis: 'BASE' | 'TOTAL';
}

export interface SalaryChange {
  min: number;
  max: number;
  currency: string;
}

/**
 * The oracle's pay change from one role to another: only like for like (the same currency,
 * period and basis), written out here apart from the code under test.
 */
export function oracleSalaryChange(from: RandomRole, to: RandomRole): SalaryChange | null {
  const [a, b] = [from.salary, to.salary];
  if (!a || !b || a.currency !== b.currency || a.period !== b.period || a.basis !== b.basis) return null;
  return { min: b.min - a.min, max: b.max - a.max, currency: b.currency };
}

export interface RandomRole extends Item {
  salary: Salary | null;
  skills: string[];
  tools: string[];
}

export interface Transition {
  from: string;
  to: string;
  type: TransitionType;
  sources: string[];
  /** RELATED_TO: O*NET's tier and rank. SIMILAR_TO: the stored rank and score. */
  tier?: string;
  rank?: number;
  score?: number;
}

export interface RandomGraph {
  name: string;
  roles: RandomRole[];
  skills: Item[];
  tools: Item[];
  edges: Transition[];
}

export interface GraphOptions {
  /** Expected PROGRESSES_TO edges out of a role. */
  promotionsPerRole: number;
  /** Expected PIVOTS_TO edges out of a role (before back-and-forth pivots are added). */
  pivotsPerRole: number;
  /** Expected RELATED_TO and SIMILAR_TO edges out of a role (none when absent). */
  relatedPerRole?: number;
  similarPerRole?: number;
}

// Two skills share a name so that ordering by name must fall back to the id.
const SKILL_NAMES = ['Alpha', 'Beta', 'Beta', 'Gamma', 'Delta', 'epsilon', 'Zeta'];
const TOOL_NAMES = ['Anvil', 'Hammer', 'Hammer', 'Saw', 'Chisel'];

/**
 * 10 to 14 roles under `prefix`, with random promotions and pivots (cycles, back-and-forth pivots,
 * an occasional self-loop, two dead ends), salaries on about two roles in three (some in another
 * currency, period or basis), and a few required skills and used tools each. Never two transitions between the
 * same ordered pair of roles, so that a route is identified by its roles.
 */
export function randomGraph(rng: Rng, prefix: string, options: GraphOptions): RandomGraph {
  const n = 10 + rng.int(5);
  // Random numbers in the ids: they sort as strings (r10 < r9), not as numbers, nor as created.
  const numbers = rng.shuffle(Array.from({ length: 99 }, (_, i) => i + 1)).slice(0, n);
  const roleIds = numbers.map((k) => `${prefix}-r${k}`);
  const skills = rng.shuffle(SKILL_NAMES).map((name, i) => ({ id: `${prefix}-s${i}`, name }));
  const tools = rng.shuffle(TOOL_NAMES).map((name, i) => ({ id: `${prefix}-t${i}`, name }));

  const roles: RandomRole[] = roleIds.map((id, i) => {
    let salary: Salary | null = null;
    if (rng.chance(0.7)) {
      const min = 80000 + 10000 * rng.int(6);
      salary = {
        min,
        max: min + 10000 * rng.int(5),
        currency: rng.chance(0.85) ? 'USD' : 'EUR',
        period: rng.chance(0.85) ? 'YEAR' : 'MONTH',
        basis: rng.chance(0.85) ? 'BASE' : 'TOTAL',
      };
    }
    return {
      id,
      name: `Role ${i}`,
      salary,
      skills: skills.filter(() => rng.chance(0.3)).map((s) => s.id),
      tools: tools.filter(() => rng.chance(0.25)).map((t) => t.id),
    };
  });

  const edges = new Map<string, Transition>();
  const key = (from: string, to: string) => `${from}>${to}`;
  const sources = () => rng.shuffle(['Career Progression', 'Verdict', 'Pivots', 'Ladders']).slice(0, 1 + rng.int(2));
  const add = (from: string, to: string, type: TransitionType) => {
    if (!edges.has(key(from, to))) edges.set(key(from, to), { from, to, type, sources: sources() });
  };
  const pProm = options.promotionsPerRole / (n - 1);
  const pPivot = options.pivotsPerRole / (n - 1);
  for (const from of roleIds) {
    for (const to of roleIds) {
      if (from === to) continue;
      const r = rng.next();
      if (r < pProm) add(from, to, 'PROGRESSES_TO');
      else if (r < pProm + pPivot) add(from, to, 'PIVOTS_TO');
    }
  }
  // Back-and-forth pivots.
  for (const e of [...edges.values()]) {
    if (e.type === 'PIVOTS_TO' && rng.chance(0.5)) add(e.to, e.from, 'PIVOTS_TO');
  }
  // Two dead ends: roles nothing leads on from.
  const deadEnds = rng.shuffle(roleIds).slice(0, 2);
  for (const deadEnd of deadEnds) {
    for (const [k, e] of edges) if (e.from === deadEnd) edges.delete(k);
  }
  // A self-loop now and then: a cycle no route may use.
  if (rng.chance(0.6)) {
    const r = rng.pick(roleIds);
    add(r, r, rng.chance(0.5) ? 'PROGRESSES_TO' : 'PIVOTS_TO');
  }
  // Related and similar roles, drawn only when asked (so older graphs stay as they were), may
  // join the same two roles as a promotion or a pivot does: routes then differ by their kinds.
  const wide: Transition[] = [];
  for (const [type, perRole] of [
    ['RELATED_TO', options.relatedPerRole ?? 0],
    ['SIMILAR_TO', options.similarPerRole ?? 0],
  ] as const) {
    if (perRole === 0) continue;
    for (const from of roleIds.filter((id) => !deadEnds.includes(id))) {
      const targets = roleIds.filter((to) => to !== from && rng.chance(perRole / (n - 1)));
      targets.forEach((to, i) =>
        wide.push(
          type === 'RELATED_TO'
            ? {
                from,
                to,
                type,
                sources: ['O*NET 29.3'],
                tier: rng.pick(['PRIMARY_SHORT', 'PRIMARY_LONG', 'SUPPLEMENTAL']),
                rank: i + 1,
              }
            : { from, to, type, sources: [], rank: i + 1, score: Math.round(1000 * (0.05 + 0.95 * rng.next())) / 1000 },
        ),
      );
    }
  }
  return { name: prefix, roles, skills, tools, edges: [...edges.values(), ...wide] };
}

/** Writes graphs with a handful of UNWIND statements (one per kind of node and relationship). */
export async function insertGraphs(executor: Executor, graphs: RandomGraph[]): Promise<void> {
  const roles = graphs.flatMap((g) => g.roles);
  const edges = graphs.flatMap((g) => g.edges);
  await executor.write(
    `UNWIND $rows AS row
     CREATE (r:Role {id: row.id, name: row.name, sources: ['Random graph'], updatedAt: datetime()})
     SET r.salaryMin = row.salary.min, r.salaryMax = row.salary.max, r.salaryCurrency = row.salary.currency,
         r.salaryPeriod = row.salary.period, r.salaryBasis = row.salary.basis`,
    { rows: roles },
  );
  for (const [label, items] of [
    ['Skill', graphs.flatMap((g) => g.skills)],
    ['Tool', graphs.flatMap((g) => g.tools)],
  ] as const) {
    await executor.write(
      `UNWIND $rows AS row CREATE (:${label} {id: row.id, name: row.name, sources: ['Random graph'], updatedAt: datetime()})`,
      { rows: items },
    );
  }
  for (const [type, label, list] of [
    ['REQUIRES_SKILL', 'Skill', 'skills'],
    ['USES_TOOL', 'Tool', 'tools'],
  ] as const) {
    await executor.write(
      `UNWIND $rows AS row MATCH (r:Role {id: row.id}) UNWIND row.${list} AS itemId
       MATCH (x:${label} {id: itemId}) CREATE (r)-[:${type} {sources: ['Random graph']}]->(x)`,
      { rows: roles },
    );
  }
  for (const type of ['PROGRESSES_TO', 'PIVOTS_TO', 'RELATED_TO'] as const) {
    await executor.write(
      `UNWIND $rows AS row MATCH (a:Role {id: row.from}), (b:Role {id: row.to})
       CREATE (a)-[r:${type} {sources: row.sources}]->(b) SET r.tier = row.tier, r.rank = row.rank`,
      { rows: edges.filter((e) => e.type === type).map((e) => ({ tier: null, rank: null, ...e })) },
    );
  }
  // Stored transitions as the import writes them: no sources, a score, a rank and the data version.
  await executor.write(
    `UNWIND $rows AS row MATCH (a:Role {id: row.from}), (b:Role {id: row.to})
     CREATE (a)-[:SIMILAR_TO {score: row.score, rank: row.rank, dataVersion: 'random', borrowed: false}]->(b)`,
    { rows: edges.filter((e) => e.type === 'SIMILAR_TO') },
  );
}

export async function deleteByPrefix(executor: Executor, prefix: string): Promise<void> {
  await executor.write('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
}

/** A route as the oracle sees it, in the same shape the tests read from the API. */
export interface OraclePath {
  roles: string[];
  steps: { from: string; to: string; kind: 'PROMOTION' | 'PIVOT'; sources: string[] }[];
  length: number;
  salaryChange: SalaryChange | null;
  skillsToAcquire: string[];
  toolsToLearn: string[];
}

const byNameThenId = (a: Item, b: Item) =>
  a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.id !== b.id ? (a.id < b.id ? -1 : 1) : 0;

/** Element-wise string comparison of two id lists; a proper prefix first. */
export function compareIdLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

/** What a route follows: promotions (and pivots when true), or the relationship types listed. */
export type Follow = boolean | readonly TransitionType[];

export class RouteOracle {
  private readonly roles: Map<string, RandomRole>;
  private readonly out = new Map<string, Transition[]>();
  private readonly skillItems: Map<string, Item>;
  private readonly toolItems: Map<string, Item>;

  constructor(readonly graph: RandomGraph) {
    this.roles = new Map(graph.roles.map((r) => [r.id, r]));
    this.skillItems = new Map(graph.skills.map((s) => [s.id, s]));
    this.toolItems = new Map(graph.tools.map((t) => [t.id, t]));
    for (const r of graph.roles) this.out.set(r.id, []);
    for (const e of graph.edges) this.out.get(e.from)!.push(e);
  }

  /** The moves out of a role of the types followed: promotions, and pivots with `includePivots`, or the types listed. */
  private moves(from: string, follow: Follow): Transition[] {
    const types: readonly TransitionType[] =
      typeof follow === 'boolean' ? (follow ? ['PROGRESSES_TO', 'PIVOTS_TO'] : ['PROGRESSES_TO']) : follow;
    return this.out.get(from)!.filter((e) => types.includes(e.type));
  }

  /** Every simple route from `from` to `to` of 1..maxSteps steps, as edge lists (unranked). */
  routes(from: string, to: string, maxSteps: number, includePivots: Follow): Transition[][] {
    const found: Transition[][] = [];
    const visited = new Set([from]);
    const trail: Transition[] = [];
    const walk = (at: string) => {
      if (trail.length === maxSteps) return;
      for (const e of this.moves(at, includePivots)) {
        if (visited.has(e.to)) continue;
        trail.push(e);
        if (e.to === to) found.push([...trail]);
        else {
          visited.add(e.to);
          walk(e.to);
          visited.delete(e.to);
        }
        trail.pop();
      }
    };
    walk(from);
    return found;
  }

  private describe(route: Transition[]): OraclePath & { gain: number | null } {
    const roleIds = [route[0].from, ...route.map((e) => e.to)];
    const start = this.roles.get(roleIds[0])!;
    const end = this.roles.get(roleIds[roleIds.length - 1])!;
    const salaryChange = oracleSalaryChange(start, end);
    const learn = (of: (r: RandomRole) => string[], items: Map<string, Item>) => {
      const have = new Set(of(start));
      const needed = new Set(roleIds.slice(1).flatMap((id) => of(this.roles.get(id)!)));
      return [...needed]
        .filter((id) => !have.has(id))
        .map((id) => items.get(id)!)
        .sort(byNameThenId)
        .map((x) => x.id);
    };
    return {
      roles: roleIds,
      steps: route.map((e) => ({
        from: e.from,
        to: e.to,
        kind: e.type === 'PIVOTS_TO' ? 'PIVOT' : 'PROMOTION',
        sources: e.sources,
      })),
      length: route.length,
      salaryChange,
      gain: salaryChange ? salaryChange.min + salaryChange.max : null,
      skillsToAcquire: learn((r) => r.skills, this.skillItems),
      toolsToLearn: learn((r) => r.tools, this.toolItems),
    };
  }

  /** Fewer steps, larger gain (unknown last), fewer skills to acquire, then the role ids. */
  private static rank(a: OraclePath & { gain: number | null }, b: OraclePath & { gain: number | null }): number {
    if (a.length !== b.length) return a.length - b.length;
    if (a.gain !== b.gain) {
      if (a.gain === null) return 1;
      if (b.gain === null) return -1;
      return b.gain - a.gain;
    }
    if (a.skillsToAcquire.length !== b.skillsToAcquire.length) {
      return a.skillsToAcquire.length - b.skillsToAcquire.length;
    }
    return compareIdLists(a.roles, b.roles);
  }

  /** All simple routes, ranked best first. */
  ranked(from: string, to: string, maxSteps: number, includePivots: boolean): OraclePath[] {
    return this.routes(from, to, maxSteps, includePivots)
      .map((r) => this.describe(r))
      .sort(RouteOracle.rank)
      .map(({ gain: _gain, ...path }) => path);
  }

  /** Length of the shortest route (breadth-first, unbounded), or null when there is none. */
  distance(from: string, to: string, includePivots: Follow): number | null {
    const dist = new Map([[from, 0]]);
    const queue = [from];
    while (queue.length > 0) {
      const at = queue.shift()!;
      for (const e of this.moves(at, includePivots)) {
        if (dist.has(e.to)) continue;
        dist.set(e.to, dist.get(at)! + 1);
        if (e.to === to) return dist.get(e.to)!;
        queue.push(e.to);
      }
    }
    return null;
  }

  /** The best of the shortest routes, or null. */
  shortest(from: string, to: string, includePivots: boolean): OraclePath | null {
    const d = this.distance(from, to, includePivots);
    return d === null ? null : this.ranked(from, to, d, includePivots)[0];
  }
}

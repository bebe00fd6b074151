import type { Executor } from '../graph/executor';
import {
  newRequirementsVersion,
  TransitionStoreRepository,
  type RequirementRow,
  type TransitionRow,
} from '../graph/repositories/fit.repository';
import { CANDIDATE_MAX_SHARE, TRANSITIONS_PER_ROLE, combinedFit } from '../model/fit-weights';

/** Roles read per statement, and transitions written per transaction: well inside the default heap. */
const ROLES_PER_READ = 500;
const EDGES_PER_WRITE = 5000;

export interface TransitionsReport {
  dataVersion: string;
  roles: number;
  edges: number;
  durationMs: number;
}

export interface Vector {
  items: Map<string, number>;
  /** Σ distinct of the role's items: its weight as a profile. */
  asProfile: number;
  /** Σ need × distinct: its weight as a target. */
  asTarget: number;
  borrowed: boolean;
}

/**
 * Recomputes the stored transitions (the derived TRANSITION_TYPES.SIMILAR) for a new version of the requirements: reads
 * every role's weighted requirements (as fit.cypher weighs them), scores each role against the
 * roles sharing a distinctive item with it (`candidatesOf`) by the fit rule (the first role's requirements as
 * the profile), keeps the best TRANSITIONS_PER_ROLE, and replaces the stored ones.
 */
export async function recomputeTransitions(executor: Executor): Promise<TransitionsReport> {
  const started = performance.now();
  const store = new TransitionStoreRepository(executor);
  const dataVersion = newRequirementsVersion();
  await store.markRequirementsChanged(dataVersion, true);

  const ids = await store.roleIds();
  const rows: RequirementRow[] = [];
  for (let i = 0; i < ids.length; i += ROLES_PER_READ)
    rows.push(...(await store.requirements(ids.slice(i, i + ROLES_PER_READ))));
  const transitions = scoreTransitions(rows, ids.length);

  await store.clear(EDGES_PER_WRITE);
  for (let i = 0; i < transitions.length; i += EDGES_PER_WRITE) {
    await store.write(transitions.slice(i, i + EDGES_PER_WRITE), dataVersion);
  }
  const durationMs = performance.now() - started;
  await store.record(dataVersion, durationMs, transitions.length);
  return { dataVersion, roles: ids.length, edges: transitions.length, durationMs };
}

/**
 * After a load: recomputes the stored transitions when the load changed the graph, else only if
 * they are missing or stale, so a load that changed nothing leaves them (and their version) as
 * they were.
 */
export function transitionsAfterLoad(executor: Executor, changed: boolean): Promise<TransitionsReport | null> {
  return changed ? recomputeTransitions(executor) : refreshTransitionsIfStale(executor);
}

/** Recomputes the stored transitions unless they were computed for the current requirements. */
export async function refreshTransitionsIfStale(executor: Executor): Promise<TransitionsReport | null> {
  const { version, computedFor } = await new TransitionStoreRepository(executor).state();
  return version !== null && version === computedFor ? null : recomputeTransitions(executor);
}

/** The best transitions of every role, by the fit rule, among its candidates (`candidatesOf`). */
export function scoreTransitions(rows: readonly RequirementRow[], roleCount: number): TransitionRow[] {
  const vectors = new Map<string, Vector>();
  const holders = new Map<string, string[]>();
  const distinct = new Map<string, number>();
  for (const row of rows) {
    const v = vectors.get(row.role) ?? { items: new Map(), asProfile: 0, asTarget: 0, borrowed: false };
    v.items.set(row.item, row.need * row.distinct);
    v.asProfile += row.distinct;
    v.asTarget += row.need * row.distinct;
    v.borrowed ||= row.borrowed;
    vectors.set(row.role, v);
    distinct.set(row.item, row.distinct);
    const list = holders.get(row.item);
    if (list === undefined) holders.set(row.item, [row.role]);
    else list.push(row.role);
  }
  const maxHolders = Math.max(1, Math.floor(roleCount * CANDIDATE_MAX_SHARE));

  const result: TransitionRow[] = [];
  for (const [from, a] of vectors) {
    const candidates = candidatesOf(from, a, holders, maxHolders);
    const scored: { to: string; score: number; borrowed: boolean }[] = [];
    for (const to of candidates) {
      const b = vectors.get(to)!;
      // W: the target's weights of the items the profile (the first role) has.
      let covered = 0;
      for (const [item, weight] of b.items) if (a.items.has(item)) covered += weight;
      const score = combinedFit(covered / b.asTarget, covered / a.asProfile);
      if (score > 0) scored.push({ to, score, borrowed: a.borrowed || b.borrowed });
    }
    scored.sort((x, y) => y.score - x.score || (x.to < y.to ? -1 : 1));
    scored.slice(0, TRANSITIONS_PER_ROLE).forEach((s, i) => result.push({ from, ...s, rank: i + 1 }));
  }
  return result;
}

/**
 * The roles `from` is compared with: those sharing a distinctive item with it (held by at most
 * `maxHolders` roles). A role with fewer than TRANSITIONS_PER_ROLE such roles (one whose items
 * are all common, as in a small graph) also takes the holders of its next rarest items, rarest
 * first, until it has that many or has no item left.
 */
export function candidatesOf(
  from: string,
  a: Vector,
  holders: ReadonlyMap<string, readonly string[]>,
  maxHolders: number,
): Set<string> {
  const candidates = new Set<string>();
  const add = (item: string) => {
    for (const role of holders.get(item)!) if (role !== from) candidates.add(role);
  };
  const common: string[] = [];
  for (const item of a.items.keys()) {
    if (holders.get(item)!.length <= maxHolders) add(item);
    else common.push(item);
  }
  if (candidates.size >= TRANSITIONS_PER_ROLE) return candidates;
  common.sort((x, y) => holders.get(x)!.length - holders.get(y)!.length || (x < y ? -1 : 1));
  for (const item of common) {
    if (candidates.size >= TRANSITIONS_PER_ROLE) break;
    add(item);
  }
  return candidates;
}

import { randomUUID } from 'node:crypto';
import type { Executor } from '../graph/executor';
import {
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

interface Vector {
  items: Map<string, number>;
  /** Σ distinct of the role's items: its weight as a profile. */
  asProfile: number;
  /** Σ need × distinct: its weight as a target. */
  asTarget: number;
  borrowed: boolean;
}

/**
 * Recomputes the stored transitions (SIMILAR_TO) for a new version of the requirements: reads
 * every role's weighted requirements (as fit.cypher weighs them), scores each role against the
 * roles sharing a distinctive item with it by the fit rule (the first role's requirements as
 * the profile), keeps the best TRANSITIONS_PER_ROLE, and replaces the stored ones.
 */
export async function recomputeTransitions(executor: Executor): Promise<TransitionsReport> {
  const started = performance.now();
  const store = new TransitionStoreRepository(executor);
  const dataVersion = `${new Date().toISOString()} ${randomUUID().slice(0, 8)}`;
  await store.markRequirementsChanged(dataVersion);

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

/** Recomputes the stored transitions unless they were computed for the current requirements. */
export async function refreshTransitionsIfStale(executor: Executor): Promise<TransitionsReport | null> {
  const { version, computedFor } = await new TransitionStoreRepository(executor).state();
  return version !== null && version === computedFor ? null : recomputeTransitions(executor);
}

/** The best transitions of every role, by the fit rule, among roles sharing a distinctive item. */
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
    const candidates = new Set<string>();
    for (const item of a.items.keys()) {
      const list = holders.get(item)!;
      if (list.length <= maxHolders) for (const role of list) if (role !== from) candidates.add(role);
    }
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

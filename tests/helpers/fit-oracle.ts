import type { Executor } from '../../src/graph/executor';
import {
  BASE_NEED,
  EMPHASIS_NEED,
  ESCO_NEED,
  ESSENTIAL_NEED,
  FLAG_BONUS,
  IMPORTANCE_MAX,
  MIN_REQUIREMENTS,
  RELEVANCE_EMPHASIS,
  TECHNOLOGY_NEED,
} from '../../src/model/fit-weights';

/*
 * A brute-force oracle of the weighted fit, written from the README's formula (only the
 * constants are shared): it reads every role, requirement edge and crosswalk edge once and
 * computes in memory what matchRoles, profileGap and transitions answer.
 */

export interface OracleEdge {
  importance: number | null;
  hot: boolean | null;
  inDemand: boolean | null;
  escoRelation: string | null;
  emphasis: string | null;
}

interface OracleRole {
  id: string;
  name: string;
  escoUri: string | null;
  onetCode: string | null;
  provenance: string[];
}

export interface Requirement {
  need: number;
  borrowed: boolean;
}

export interface OracleFit {
  id: string;
  name: string;
  fit: number;
  coverage: number;
  relevance: number;
  requirements: number;
  /** Covered item ids, heaviest first (ties by name, id). */
  covered: { id: string; weight: number }[];
  essentials: { id: string; weight: number }[];
  missingCount: number;
}

export interface OracleProfile {
  skills?: string[];
  tools?: string[];
  frameworks?: string[];
  languages?: string[];
  currentRole?: string;
}

const TYPES = ['REQUIRES_SKILL', 'USES_TOOL', 'USES_FRAMEWORK', 'USES_LANGUAGE'];

export class FitOracle {
  private constructor(
    readonly roles: Map<string, OracleRole>,
    private readonly own: Map<string, Map<string, number>>,
    private readonly equivalents: Map<string, string[]>,
    private readonly itemNames: Map<string, string>,
    private readonly itemLabels: Map<string, string>,
  ) {}

  static async read(executor: Executor): Promise<FitOracle> {
    const roles = new Map<string, OracleRole>();
    for (const r of await executor.read(
      'MATCH (r:Role) RETURN r.id AS id, r.name AS name, r.escoUri AS escoUri, r.onetCode AS onetCode, coalesce(r.provenance, []) AS provenance',
    )) {
      roles.set(r.id as string, r as unknown as OracleRole);
    }
    const own = new Map<string, Map<string, number>>();
    const itemNames = new Map<string, string>();
    const itemLabels = new Map<string, string>();
    for (const e of await executor.read(
      `MATCH (r:Role)-[e]->(x) WHERE type(e) IN $types
       RETURN r.id AS role, x.id AS item, x.name AS name, labels(x)[0] AS label, e.importance AS importance,
         e.hot AS hot, e.inDemand AS inDemand, e.escoRelation AS escoRelation, e.emphasis AS emphasis`,
      { types: TYPES },
    )) {
      const needs = own.get(e.role as string) ?? new Map<string, number>();
      const need = edgeNeed(e as unknown as OracleEdge);
      needs.set(e.item as string, Math.max(need, needs.get(e.item as string) ?? 0));
      own.set(e.role as string, needs);
      itemNames.set(e.item as string, e.name as string);
      itemLabels.set(e.item as string, e.label as string);
    }
    const equivalents = new Map<string, string[]>();
    for (const e of await executor.read('MATCH (a:Role)-[:EQUIVALENT_TO]->(b:Role) RETURN a.id AS a, b.id AS b')) {
      equivalents.set(e.a as string, [...(equivalents.get(e.a as string) ?? []), e.b as string]);
    }
    return new FitOracle(roles, own, equivalents, itemNames, itemLabels);
  }

  /** How many roles state a requirement on item `id`. */
  statedBy(id: string): number {
    let n = 0;
    for (const needs of this.own.values()) if (needs.has(id)) n += 1;
    return n;
  }

  /** Each item's distinctiveness, counted once: the graph read does not change, and a ranking asks for it per role. */
  private readonly distinctOf = new Map<string, number>();

  distinct(id: string): number {
    let d = this.distinctOf.get(id);
    if (d === undefined) {
      const n = this.roles.size;
      d = Math.log(1 + n / Math.max(1, this.statedBy(id))) / Math.log(1 + n);
      this.distinctOf.set(id, d);
    }
    return d;
  }

  /** A role's requirements: its own, and for an ESCO occupation those of its O*NET counterparts it lacks. */
  requirements(roleId: string): Map<string, Requirement> {
    const result = new Map<string, Requirement>();
    for (const [item, need] of this.own.get(roleId) ?? []) result.set(item, { need, borrowed: false });
    for (const other of this.counterparts(roleId)) {
      for (const [item, need] of this.own.get(other) ?? []) {
        const had = result.get(item);
        if (had?.borrowed === false) continue;
        result.set(item, { need: Math.max(need, had?.need ?? 0), borrowed: true });
      }
    }
    return result;
  }

  /** The O*NET counterparts an ESCO occupation borrows from. */
  counterparts(roleId: string): string[] {
    if (this.roles.get(roleId)!.escoUri === null) return [];
    return (this.equivalents.get(roleId) ?? []).filter((id) => this.roles.get(id)!.onetCode !== null).sort();
  }

  profileItems(profile: OracleProfile): Set<string> {
    const items = new Set<string>(
      [profile.skills, profile.tools, profile.frameworks, profile.languages].flatMap((list) => list ?? []),
    );
    if (profile.currentRole !== undefined)
      for (const item of this.requirements(profile.currentRole).keys()) items.add(item);
    return items;
  }

  fitOf(roleId: string, items: Set<string>): OracleFit {
    const role = this.roles.get(roleId)!;
    const profileWeight = [...items].reduce((s, x) => s + this.distinct(x), 0);
    const weighed = [...this.requirements(roleId)].map(([id, r]) => ({
      id,
      need: r.need,
      weight: r.need * this.distinct(id),
    }));
    const byWeight = (a: { id: string; weight: number }, b: { id: string; weight: number }) =>
      b.weight - a.weight || codepoints(this.itemNames.get(a.id)!, this.itemNames.get(b.id)!) || codepoints(a.id, b.id);
    const total = weighed.reduce((s, r) => s + r.weight, 0);
    const covered = weighed.filter((r) => items.has(r.id)).sort(byWeight);
    const w = covered.reduce((s, r) => s + r.weight, 0);
    const coverage = total === 0 ? 0 : w / total;
    const relevance = profileWeight === 0 ? 0 : w / profileWeight;
    const b2 = RELEVANCE_EMPHASIS ** 2;
    return {
      id: roleId,
      name: role.name,
      fit: coverage === 0 || relevance === 0 ? 0 : ((1 + b2) * coverage * relevance) / (b2 * coverage + relevance),
      coverage,
      relevance,
      requirements: weighed.length,
      covered: covered.map(({ id, weight }) => ({ id, weight })),
      essentials: weighed
        .filter((r) => !items.has(r.id) && r.need >= ESSENTIAL_NEED)
        .sort(byWeight)
        .map(({ id, weight }) => ({ id, weight })),
      missingCount: weighed.length - covered.length,
    };
  }

  /** Every role stated by one of `sources` (provenance prefixes; null: all), ranked. */
  match(profile: OracleProfile, sources: string[] | null = null, minFit = 0) {
    const items = this.profileItems(profile);
    const stated = (r: OracleRole) =>
      sources === null || r.provenance.some((p) => sources.some((s) => p.startsWith(s)));
    const eligible = [...this.roles.values()].filter(stated);
    const unranked = eligible.filter((r) => this.requirements(r.id).size < MIN_REQUIREMENTS).length;
    const ranked = eligible
      .filter((r) => this.requirements(r.id).size >= MIN_REQUIREMENTS)
      .map((r) => this.fitOf(r.id, items))
      .filter((f) => f.fit > 0 && f.fit >= minFit)
      .sort((a, b) => b.fit - a.fit || codepoints(a.name, b.name) || codepoints(a.id, b.id));
    return { ranked, unranked };
  }

  label(id: string): string | undefined {
    return this.itemLabels.get(id);
  }
}

/** need(edge), as the README states it. */
export function edgeNeed(e: OracleEdge): number {
  const signals: number[] = [];
  if (e.hot !== null || e.inDemand !== null) {
    signals.push(TECHNOLOGY_NEED + (e.hot ? FLAG_BONUS.hot : 0) + (e.inDemand ? FLAG_BONUS.inDemand : 0));
  }
  if (e.importance !== null) signals.push(e.importance / IMPORTANCE_MAX);
  if (e.escoRelation === 'essential') signals.push(ESCO_NEED.essential);
  if (e.escoRelation === 'optional') signals.push(ESCO_NEED.optional);
  if (e.emphasis !== null && e.emphasis in EMPHASIS_NEED) signals.push(EMPHASIS_NEED[e.emphasis]);
  return signals.length === 0 ? BASE_NEED : Math.max(...signals);
}

/** Cypher's order of strings. */
const codepoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

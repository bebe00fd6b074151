import type { RelationshipType } from './relationships';

/*
 * How much a role needs each thing it requires, declared once. The ranking of matchRoles and
 * profileGap, the similarity of transitions, similarRoles and compareRoles, and the stored
 * transitions all derive from these constants (the Cypher in graph/cypher/fit.cypher.ts
 * renders them; README "Which roles fit my skills" states the formula).
 *
 *   need(edge)        in (0, 1]: the strongest of what the edge says (below), BASE_NEED when it says nothing
 *   distinct(x)       = ln(1 + N / df(x)) / ln(1 + N), in (0, 1]: N roles, df(x) of them state x (at least 1)
 *   weight(role, x)   = need × distinct(x)
 *   coverage          = Σ weight of the role's requirements the profile has / Σ weight of all of them
 *   relevance         = Σ weight of the role's requirements the profile has / Σ distinct of the profile's items
 *   fit               = weighted harmonic mean (1 + β²)·c·v / (β²·c + v), β = RELEVANCE_EMPHASIS (0 when either is 0)
 */

/** What a role requires: the four kinds of item a profile lists. */
export const REQUIREMENT_TYPES = [
  'REQUIRES_SKILL',
  'USES_TOOL',
  'USES_FRAMEWORK',
  'USES_LANGUAGE',
] as const satisfies readonly RelationshipType[];

/** The need of an edge that says nothing about how much it is needed (and of an unflagged technology). */
export const BASE_NEED = 0.5;

/** O*NET's importance scale is 1..5: need = importance / IMPORTANCE_MAX (0.2 .. 1). */
export const IMPORTANCE_MAX = 5;

/**
 * O*NET's technology flags, added to TECHNOLOGY_NEED: In Demand says employers ask for the
 * technology in this occupation's postings, Hot Technology only that it is asked for often
 * across all postings, so it counts less. Both: 1.
 */
export const TECHNOLOGY_NEED = 0.25;
export const FLAG_BONUS = { hot: 0.25, inDemand: 0.5 } as const;

/** ESCO's relation: essential over optional. */
export const ESCO_NEED = { essential: 1, optional: 0.5 } as const;

/** The article's emphasis, on each of its scales: the central ones highest. */
export const EMPHASIS_NEED: Readonly<Record<string, number>> = {
  PRIMARY: 1,
  CORE: 1,
  IMPORTANT: 0.75,
  SHARED: 0.75,
  COMMON: 0.75,
  SUPPORTING: 0.5,
  ONBOARDING: 0.5,
  ERGONOMICS: 0.5,
};

/** A missing requirement with at least this need is an essential one (profileGap's missingEssentials). */
export const ESSENTIAL_NEED = 0.75;

/**
 * β of the weighted harmonic mean: relevance counts β² times as much as coverage. An occupation
 * O*NET describes lists hundreds of technologies, so what a person knows can only cover a small
 * share of it; β makes a role that uses most of the profile outrank one that merely has a
 * shorter list (see README, "Which roles fit my skills").
 */
export const RELEVANCE_EMPHASIS = 4;

/** Roles with fewer requirements than this are not ranked (too little is known to rank them). */
export const MIN_REQUIREMENTS = 5;

/**
 * The precompute compares a role only with roles that share a distinctive item with it: one
 * that at most this share of the roles require (comparing every pair of about 4,000 roles over
 * items thousands of them share would be tens of millions of pairs).
 */
export const CANDIDATE_MAX_SHARE = 0.05;

/** How many stored transitions (TRANSITION_TYPES.SIMILAR) each role keeps. */
export const TRANSITIONS_PER_ROLE = 25;

/** What a requirement edge says, as stored (absent properties null or undefined). */
export interface RequirementEdge {
  importance?: number | null;
  hot?: boolean | null;
  inDemand?: boolean | null;
  escoRelation?: string | null;
  emphasis?: string | null;
}

/** need(edge): the strongest of the edge's signals; BASE_NEED when it has none. */
export function needOf(edge: RequirementEdge): number {
  const signals: number[] = [];
  if (typeof edge.hot === 'boolean' || typeof edge.inDemand === 'boolean') {
    signals.push(
      TECHNOLOGY_NEED + (edge.hot === true ? FLAG_BONUS.hot : 0) + (edge.inDemand === true ? FLAG_BONUS.inDemand : 0),
    );
  }
  if (typeof edge.importance === 'number') signals.push(edge.importance / IMPORTANCE_MAX);
  if (edge.escoRelation === 'essential' || edge.escoRelation === 'optional') signals.push(ESCO_NEED[edge.escoRelation]);
  if (typeof edge.emphasis === 'string' && Object.hasOwn(EMPHASIS_NEED, edge.emphasis)) {
    signals.push(EMPHASIS_NEED[edge.emphasis]);
  }
  return signals.length === 0 ? BASE_NEED : Math.max(...signals);
}

/** distinct(x): rarer items count more; `required` roles of `roles` state x (an item no role states counts as one). */
export function distinctiveness(required: number, roles: number): number {
  const n = Math.max(roles, 1);
  return Math.log(1 + n / Math.max(required, 1)) / Math.log(1 + n);
}

/** fit: the weighted harmonic mean of coverage and relevance (relevance RELEVANCE_EMPHASIS² times as heavy). */
export function combinedFit(coverage: number, relevance: number): number {
  const b2 = RELEVANCE_EMPHASIS ** 2;
  return coverage === 0 || relevance === 0 ? 0 : ((1 + b2) * coverage * relevance) / (b2 * coverage + relevance);
}

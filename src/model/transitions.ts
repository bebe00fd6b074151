import type { RelationshipType } from './relationships';

/*
 * The moves a career route may take, each declared once with the relationship type that stores
 * it: route statements, the GraphQL enum and the reasons given for each step derive from here.
 */

export const TRANSITION_TYPES = {
  PROMOTION: 'PROGRESSES_TO',
  PIVOT: 'PIVOTS_TO',
  RELATED: 'RELATED_TO',
  // Stored transitions: a derived type of the table, computed by the product, stated by no source.
  SIMILAR: 'SIMILAR_TO',
} as const satisfies Record<string, RelationshipType>;

export type TransitionKindName = keyof typeof TRANSITION_TYPES;
export type TransitionType = (typeof TRANSITION_TYPES)[TransitionKindName];

export const TRANSITION_KIND_NAMES = Object.keys(TRANSITION_TYPES) as TransitionKindName[];

/** Which way the stated edges of one kind go between the two roles of a stored transition. */
export const STATED_DIRECTIONS = ['FORWARD', 'BACKWARD', 'BOTH'] as const;
export type StatedDirectionName = (typeof STATED_DIRECTIONS)[number];

/** What a route follows when the question does not say. */
export const DEFAULT_VIA: readonly TransitionKindName[] = ['PROMOTION'];

/** How many moves a route may take when the question does not say. */
export const DEFAULT_MAX_STEPS = 4;

/** The kind a stored relationship type is a move of. */
export function kindOfType(type: TransitionType): TransitionKindName {
  return TRANSITION_KIND_NAMES.find((kind) => TRANSITION_TYPES[kind] === type)!;
}

/** How routes may be ordered; each falls back on FEWEST_STEPS's order for its ties. */
export const ROUTE_RANKS = ['FEWEST_STEPS', 'LEAST_TO_LEARN', 'MOST_PAY_GAIN'] as const;
export type RouteRankName = (typeof ROUTE_RANKS)[number];

/** What a traveller learns on entering a role: the skills it requires and the tools it uses. */
export const LEARNED = ['REQUIRES_SKILL', 'USES_TOOL'] as const satisfies readonly RelationshipType[];

/**
 * Kinds that give a role tens of moves (O*NET lists about 20 related occupations, stored
 * transitions 25): routes over them are enumerated only up to WIDE_ROUTE_MAX_STEPS steps.
 */
export const WIDE_KINDS: readonly TransitionKindName[] = ['RELATED', 'SIMILAR'];
export const WIDE_ROUTE_MAX_STEPS = 3;

/** The edge of one step as read: its type and the properties a reason is built from. */
export interface StepEdge {
  type: TransitionType;
  sources: string[];
  tier: string | null;
  rank: number | null;
  score: number | null;
}

export interface StepReasonRecord {
  kind: TransitionKindName;
  sources: string[];
  similarity: number | null;
  tier: string | null;
  rank: number | null;
  text: string;
}

const listed = (sources: readonly string[], fallback: string) => (sources.length === 0 ? fallback : sources.join(', '));

/** Why a step exists, for people: which source states it, or how similar the two roles are. */
export function stepReason(edge: StepEdge): StepReasonRecord {
  const kind = kindOfType(edge.type);
  const { sources, tier, rank, score } = edge;
  const where = [tier?.toLowerCase().replace(/_/g, '-'), rank === null ? null : `rank ${rank}`].filter(Boolean);
  const detail = where.length === 0 ? '' : ` (${where.join(', ')})`;
  const text = {
    PROMOTION: `A promotion, as stated in: ${listed(sources, 'an unnamed source')}`,
    PIVOT: `A pivot into an adjacent role, as stated in: ${listed(sources, 'an unnamed source')}`,
    RELATED: `${listed(sources, 'O*NET')} lists it as a related occupation${detail}`,
    SIMILAR: `Similar in what the two roles require: score ${score === null ? 'unknown' : score.toFixed(2)}${
      rank === null ? '' : `, rank ${rank} of the stored list`
    }`,
  }[kind];
  return { kind, sources, similarity: kind === 'SIMILAR' ? score : null, tier, rank, text };
}

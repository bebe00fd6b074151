import type { NodeKind } from './kinds';

export interface RelationshipSpec {
  from: NodeKind;
  to: NodeKind;
  /** What the edge means, for people (README, GraphQL descriptions). */
  meaning: string;
  /** Allowed `emphasis` values; `text` means a free phrase in the data's own words. */
  emphasis?: readonly string[] | 'text';
}

/**
 * Every relationship type of the model with the kinds at each end. Relationship types in
 * Cypher come only from these keys.
 */
export const RELATIONSHIPS = {
  USES_TOOL: {
    from: 'ROLE',
    to: 'TOOL',
    meaning: 'The role works with the tool; emphasis says how central it is.',
    emphasis: ['PRIMARY', 'SHARED', 'ONBOARDING', 'ERGONOMICS', 'SUPPORTING'],
  },
  REQUIRES_SKILL: {
    from: 'ROLE',
    to: 'SKILL',
    meaning: 'The role needs the skill; emphasis says how strongly.',
    emphasis: ['CORE', 'IMPORTANT', 'SUPPORTING'],
  },
  USES_FRAMEWORK: {
    from: 'ROLE',
    to: 'FRAMEWORK',
    meaning: 'The role builds with the framework; the note says what for.',
    emphasis: ['PRIMARY', 'ONBOARDING', 'COMMON'],
  },
  USES_LANGUAGE: {
    from: 'ROLE',
    to: 'LANGUAGE',
    meaning: 'The role programs in the language.',
  },
  PRACTICES: {
    from: 'ROLE',
    to: 'WORKFLOW',
    meaning: 'The role follows the workflow; emphasis says what the workflow means for that role.',
    emphasis: 'text',
  },
  PROGRESSES_TO: {
    from: 'ROLE',
    to: 'ROLE',
    meaning: 'A promotion: the next step up the ladder from the role.',
  },
  PIVOTS_TO: {
    from: 'ROLE',
    to: 'ROLE',
    meaning: 'A move sideways into an adjacent role.',
  },
  HIRES: {
    from: 'EMPLOYER',
    to: 'ROLE',
    meaning: 'The employer is known to hire for the role.',
  },
  RUNS_ON: {
    from: 'FRAMEWORK',
    to: 'TOOL',
    meaning: 'The framework runs on the runtime or platform.',
  },
  WRITTEN_IN: {
    from: 'FRAMEWORK',
    to: 'LANGUAGE',
    meaning: 'The framework is written in, and used from, the language.',
  },
  IN_CATEGORY: {
    from: 'TOOL',
    to: 'CATEGORY',
    meaning: 'The tool belongs to the category.',
  },
} as const satisfies Record<string, RelationshipSpec>;

export type RelationshipType = keyof typeof RELATIONSHIPS;

export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as RelationshipType[];

import { labelOf, type NodeKind } from './kinds';

/*
 * The relationship table: every relationship type of the model, declared once. The GraphQL
 * fields of both ends, their link types, counts, list filters, the write rules of `link` and
 * of data files, and the tests' relationship table are all derived from it (see `RELATION_ENDS`).
 * Adding a relationship type is one entry here plus data (a derived type, `derived`, plus the code
 * that computes it).
 */

/** One property a relationship of a type may carry, besides `note` and `sources` (every type has those). */
export type PropertySpec =
  | { type: 'string'; description: string; values: readonly string[] }
  | { type: 'text'; description: string }
  | { type: 'int'; description: string; min: number; max: number; orderable?: boolean }
  | { type: 'float'; description: string; min: number; max: number }
  | { type: 'bool'; description: string };

/**
 * One end's GraphQL names: `field` lists the nodes at the other end; the links field, the count
 * field and the list filter are derived from it by `namesOf`. `deprecated` keeps older names
 * for one release.
 */
export interface EndSpec {
  field: string;
  description: string;
  deprecated?: { nodes?: string; links?: string; filter?: string };
}

export interface RelationshipSpec {
  from: NodeKind;
  to: NodeKind;
  /** What the edge means, for people (README, GraphQL descriptions). */
  meaning: string;
  properties: Readonly<Record<string, PropertySpec>>;
  /** Seen from `from` (outgoing) and from `to` (incoming). */
  out: EndSpec;
  in: EndSpec;
  /** A node may not be joined to itself (a role cannot lead to itself). */
  noSelfLoops?: boolean;
  /**
   * Computed by the product, not stated by a source: `from` says from what. Read like any other
   * type (fields, links, counts, filters), but never written by `link`, `unlink` or a data file,
   * never exported (an import recomputes it) and never counted among the sourced facts. Its
   * link types have no `note`, `sources` or `provenance` (nor the old always-null `emphasis`):
   * nothing states a computed edge or notes on it, so those fields would only ever read empty.
   */
  derived?: { from: string };
}

/** O*NET's flags on a technology an occupation uses (also on the frameworks and languages they became). */
const technologyFlags = {
  hot: { type: 'bool', description: 'O*NET: a hot technology (frequently named in employers’ job postings).' },
  inDemand: { type: 'bool', description: 'O*NET: in demand (named in many job postings for this occupation).' },
} as const satisfies Record<string, PropertySpec>;

/** ESCO's occupation–skill relation, also on the tools, languages and frameworks its concepts became. */
const escoRelation = {
  // Not `relation`: a link result (`Relationship.relation`) already names its type so.
  escoRelation: {
    type: 'string',
    description: 'ESCO: whether the skill is essential or optional for the occupation.',
    values: ['essential', 'optional'],
  },
} as const satisfies Record<string, PropertySpec>;

/** A position in a ranked list: the source's (RELATED_TO) or the stored transitions' (SIMILAR_TO). */
const rank = {
  type: 'int',
  description: 'Position in the source’s or the stored list, 1 first.',
  min: 1,
  max: 1000,
  orderable: true,
} as const satisfies PropertySpec;

const emphasis = (values: readonly string[], description: string): PropertySpec => ({
  type: 'string',
  description: `${description} One of ${values.join(', ')}.`,
  values,
});

export const RELATIONSHIPS = {
  USES_TOOL: {
    from: 'ROLE',
    to: 'TOOL',
    meaning: 'The role works with the tool; emphasis says how central it is.',
    properties: {
      emphasis: emphasis(['PRIMARY', 'SHARED', 'ONBOARDING', 'ERGONOMICS', 'SUPPORTING'], 'How central the tool is.'),
      ...technologyFlags,
      ...escoRelation,
    },
    out: {
      field: 'tools',
      description: 'Tools the role uses.',
      deprecated: { links: 'toolUsages', filter: 'usesTool' },
    },
    in: {
      field: 'usedBy',
      description: 'Roles that use the tool.',
      deprecated: { links: 'usages', filter: 'usedByRole' },
    },
  },
  REQUIRES_SKILL: {
    from: 'ROLE',
    to: 'SKILL',
    meaning: 'The role needs the skill; emphasis says how strongly.',
    properties: {
      emphasis: emphasis(['CORE', 'IMPORTANT', 'SUPPORTING'], 'How strongly the skill is needed.'),
      importance: {
        type: 'float',
        description: 'O*NET importance, 1 (not important) to 5 (extremely).',
        min: 1,
        max: 5,
      },
      level: {
        type: 'float',
        description: 'O*NET level, 0 to 7: how much of the skill the work needs.',
        min: 0,
        max: 7,
      },
      ...escoRelation,
      ...technologyFlags,
    },
    out: {
      field: 'skills',
      description: 'Skills the role requires.',
      deprecated: { links: 'skillRequirements', filter: 'requiresSkill' },
    },
    in: {
      field: 'requiredBy',
      description: 'Roles that require the skill.',
      deprecated: { links: 'requirements', filter: 'requiredByRole' },
    },
  },
  USES_FRAMEWORK: {
    from: 'ROLE',
    to: 'FRAMEWORK',
    meaning: 'The role builds with the framework; the note says what for.',
    properties: {
      emphasis: emphasis(['PRIMARY', 'ONBOARDING', 'COMMON'], 'How central the framework is.'),
      ...technologyFlags,
      ...escoRelation,
    },
    out: {
      field: 'frameworks',
      description: 'Frameworks the role builds with.',
      deprecated: { links: 'frameworkUsages', filter: 'usesFramework' },
    },
    in: {
      field: 'usedBy',
      description: 'Roles that build with the framework.',
      deprecated: { links: 'usages', filter: 'usedByRole' },
    },
  },
  USES_LANGUAGE: {
    from: 'ROLE',
    to: 'LANGUAGE',
    meaning: 'The role programs in the language.',
    properties: { ...technologyFlags, ...escoRelation },
    out: {
      field: 'languages',
      description: 'Programming languages the role uses.',
      deprecated: { links: 'languageUsages' },
    },
    in: { field: 'usedBy', description: 'Roles that program in the language.', deprecated: { filter: 'usedByRole' } },
  },
  PRACTICES: {
    from: 'ROLE',
    to: 'WORKFLOW',
    meaning: 'The role follows the workflow; emphasis says what the workflow means for that role.',
    properties: {
      emphasis: { type: 'text', description: 'What the workflow means for the role, in the source’s words.' },
      ...escoRelation,
    },
    out: { field: 'workflows', description: 'Workflows the role follows.', deprecated: { links: 'workflowPractices' } },
    in: {
      field: 'practicedBy',
      description: 'Roles that follow the workflow.',
      deprecated: { links: 'practices', filter: 'practicedByRole' },
    },
  },
  PROGRESSES_TO: {
    from: 'ROLE',
    to: 'ROLE',
    meaning: 'A promotion: the next step up the ladder from the role.',
    properties: {},
    noSelfLoops: true,
    out: { field: 'nextRoles', description: 'Promotions from this role.', deprecated: { links: 'promotions' } },
    in: { field: 'previousRoles', description: 'Roles that are promoted into this one.' },
  },
  PIVOTS_TO: {
    from: 'ROLE',
    to: 'ROLE',
    meaning: 'A move sideways into an adjacent role.',
    properties: {},
    noSelfLoops: true,
    out: {
      field: 'adjacentRoles',
      description: 'Adjacent roles this one can pivot to.',
      deprecated: { links: 'pivots' },
    },
    in: { field: 'pivotsFrom', description: 'Roles that can pivot into this one.' },
  },
  RELATED_TO: {
    from: 'ROLE',
    to: 'ROLE',
    meaning: 'An occupation related to the role, as O*NET relates occupations: by tier, then rank.',
    properties: {
      tier: {
        type: 'string',
        description: 'How closely related: PRIMARY_SHORT, PRIMARY_LONG or SUPPLEMENTAL.',
        values: ['PRIMARY_SHORT', 'PRIMARY_LONG', 'SUPPLEMENTAL'],
      },
      rank,
    },
    noSelfLoops: true,
    out: { field: 'relatedRoles', description: 'Roles related to this one.' },
    in: { field: 'relatedFrom', description: 'Roles this one is related to.' },
  },
  SIMILAR_TO: {
    from: 'ROLE',
    to: 'ROLE',
    meaning:
      'A stored transition: one of the role’s most similar roles by what the two require, with its score and rank, computed after every import.',
    properties: {
      score: {
        type: 'float',
        description: 'How similar: the far role’s fit to this role’s requirements taken as a profile, 0 to 1.',
        min: 0,
        max: 1,
      },
      rank,
      borrowed: {
        type: 'bool',
        description: 'Whether either role’s requirements are borrowed from its crosswalk counterpart (EQUIVALENT_TO).',
      },
      dataVersion: { type: 'text', description: 'The version of the requirements the transition was computed for.' },
    },
    noSelfLoops: true,
    derived: { from: 'the roles’ requirements, after every import' },
    out: { field: 'similarTo', description: 'The most similar roles by what they require (stored transitions).' },
    in: { field: 'similarFrom', description: 'Roles that have this one among their stored transitions.' },
  },
  EQUIVALENT_TO: {
    from: 'ROLE',
    to: 'ROLE',
    meaning:
      'The same occupation as another source describes it (an ESCO occupation and its O*NET counterpart, an article role and its O*NET or ESCO counterparts).',
    properties: {
      confidence: {
        type: 'float',
        description: 'Nesta crosswalk: how sure the match is, 0.5, 1 or 2 (highest).',
        min: 0,
        max: 2,
      },
      semanticSimilarity: {
        type: 'float',
        description: 'Nesta crosswalk: similarity of the two descriptions, 0 to 1.',
        min: 0,
        max: 1,
      },
      onetCode2010: { type: 'text', description: 'Nesta crosswalk: the O*NET-SOC 2010 code translated to this one.' },
      reason: { type: 'text', description: 'Why the article role maps to this occupation.' },
    },
    noSelfLoops: true,
    out: { field: 'equivalentRoles', description: 'The same occupation in other sources.' },
    in: { field: 'equivalentFrom', description: 'Roles of other sources mapped to this one.' },
  },
  BROADER_ROLE: {
    from: 'ROLE',
    to: 'ROLE',
    meaning: 'ESCO’s occupation hierarchy: the role is a narrower kind of the broader one.',
    properties: {},
    noSelfLoops: true,
    out: { field: 'broaderRoles', description: 'Broader occupations this one is a kind of.' },
    in: { field: 'narrowerRoles', description: 'Narrower occupations that are kinds of this one.' },
  },
  BROADER_SKILL: {
    from: 'SKILL',
    to: 'SKILL',
    meaning: 'ESCO’s skill hierarchy: the skill is a narrower kind of the broader one.',
    properties: {},
    noSelfLoops: true,
    out: { field: 'broaderSkills', description: 'Broader skills this one is a kind of.' },
    in: { field: 'narrowerSkills', description: 'Narrower skills that are kinds of this one.' },
  },
  HIRES: {
    from: 'EMPLOYER',
    to: 'ROLE',
    meaning: 'The employer is known to hire for the role.',
    properties: {},
    out: {
      field: 'roles',
      description: 'Roles the employer hires for.',
      deprecated: { nodes: 'hires', links: 'hiringLinks', filter: 'hiresRole' },
    },
    in: {
      field: 'employers',
      description: 'Employers known to hire for the role.',
      deprecated: { links: 'hirings', filter: 'hiredBy' },
    },
  },
  RUNS_ON: {
    from: 'FRAMEWORK',
    to: 'TOOL',
    meaning: 'The framework runs on the runtime or platform.',
    properties: {},
    out: { field: 'runsOn', description: 'Runtimes or platforms the framework runs on.' },
    in: { field: 'frameworks', description: 'Frameworks that run on the tool (for runtimes).' },
  },
  WRITTEN_IN: {
    from: 'FRAMEWORK',
    to: 'LANGUAGE',
    meaning: 'The framework is written in, and used from, the language.',
    properties: {},
    out: { field: 'writtenIn', description: 'Languages the framework is written in and used from.' },
    in: { field: 'frameworks', description: 'Frameworks written in the language.' },
  },
  IN_CATEGORY: {
    from: 'TOOL',
    to: 'CATEGORY',
    meaning: 'The tool belongs to the category.',
    properties: {},
    out: { field: 'categories', description: 'Categories the tool belongs to.', deprecated: { filter: 'category' } },
    in: { field: 'tools', description: 'Tools in the category.' },
  },
} as const satisfies Record<string, RelationshipSpec>;

export type RelationshipType = keyof typeof RELATIONSHIPS;

export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as RelationshipType[];

export type Direction = 'OUT' | 'IN';

export function specOf(type: RelationshipType): RelationshipSpec {
  return RELATIONSHIPS[type];
}

/** Whether the product computes the type rather than a source stating it (see `RelationshipSpec.derived`). */
export const isDerived = (type: RelationshipType): boolean => specOf(type).derived !== undefined;

/** The types sources state: what files, `link` and an export hold, and what counts as a fact. */
export const STATED_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPES.filter((t) => !isDerived(t));

/** The types the product computes (none of them is stated, written or exported). */
export const DERIVED_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPES.filter(isDerived);

/** Why a relationship of `type` cannot be written, or null when it can. */
export function writeRefusal(type: RelationshipType): string | null {
  const derived = specOf(type).derived;
  return derived === undefined
    ? null
    : `${type} is derived: the product computes it from ${derived.from}; no source states it, so it cannot be written`;
}

/** The properties every relationship carries, whatever its type. */
export const COMMON_PROPERTIES = ['note', 'sources'] as const;

/** Every property name the table declares, each with its spec (a name means the same in every type). */
export const PROPERTY_SPECS: ReadonlyMap<string, PropertySpec> = new Map(
  RELATIONSHIP_TYPES.flatMap((type) => Object.entries(specOf(type).properties)),
);

/** The properties a write may give: those of the stated types. */
export const STATED_PROPERTY_SPECS: ReadonlyMap<string, PropertySpec> = new Map(
  STATED_TYPES.flatMap((type) => Object.entries(specOf(type).properties)),
);

/**
 * The order by weight, strongest first: a value of `orderBy` beside the orderable properties'
 * names, for the lists of what a role requires, whose links weigh how much the role needs the
 * far end (need, src/model/fit-weights.ts).
 */
export const ORDER_BY_WEIGHT = 'weight';

/** The orderable properties of a type (`rank`); lists of that type can be ordered by them. */
export function orderableProperties(type: RelationshipType): string[] {
  return Object.entries(specOf(type).properties)
    .filter(([, p]) => p.type === 'int' && p.orderable === true)
    .map(([name]) => name);
}

const singular = (field: string) =>
  field.endsWith('ies') ? `${field.slice(0, -3)}y` : field.endsWith('s') ? field.slice(0, -1) : field;
const capitalise = (s: string) => `${s[0].toUpperCase()}${s.slice(1)}`;

/**
 * The naming rule. From a nodes field `tools` on Role: links `toolLinks` (of type `RoleToolLink`),
 * count `toolsCount`, list filter `tools`. A verb phrase keeps its form: `usedBy` → `usedByLinks`.
 */
export function namesOf(owner: NodeKind, field: string) {
  const link = `${singular(field)}Links`;
  return {
    nodes: field,
    links: link,
    count: `${field}Count`,
    filter: field,
    linkType: `${labelOf(owner)}${capitalise(link.slice(0, -1))}`,
  };
}

/** One end of a relationship type as its owner sees it. */
export interface RelationEnd {
  type: RelationshipType;
  direction: Direction;
  /** The kind that has the fields, and the kind at the other end. */
  owner: NodeKind;
  far: NodeKind;
  description: string;
  names: ReturnType<typeof namesOf>;
  deprecated: NonNullable<EndSpec['deprecated']>;
}

/** Both ends of every relationship type, outgoing first. */
export const RELATION_ENDS: readonly RelationEnd[] = RELATIONSHIP_TYPES.flatMap((type) => {
  const spec = specOf(type);
  return (['OUT', 'IN'] as const).map((direction) => {
    const [owner, far, end] = direction === 'OUT' ? [spec.from, spec.to, spec.out] : [spec.to, spec.from, spec.in];
    return {
      type,
      direction,
      owner,
      far,
      description: end.description,
      names: namesOf(owner, end.field),
      deprecated: end.deprecated ?? {},
    };
  });
});

/** The ends a kind of node has fields for. */
export const endsOf = (kind: NodeKind) => RELATION_ENDS.filter((end) => end.owner === kind);

/** The relationship end behind a list filter key of a kind (its current or its deprecated name). */
export function endOfFilter(kind: NodeKind, key: string): RelationEnd | undefined {
  return endsOf(kind).find((end) => end.names.filter === key || end.deprecated.filter === key);
}

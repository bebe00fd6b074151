import { NODE_KIND_NAMES, labelOf, type NodeKind } from '../../model/kinds';
import { COMMON_PROPERTIES, specOf, type RelationshipType } from '../../model/relationships';
import { MAX_FIRST, splitField } from '../read-plan';
import { SALARY_PARTS, salaryProjection } from './salary.cypher';

/**
 * The properties of each kind of node as its GraphQL type names them, each as a Cypher
 * expression of the variable read, so that rows need no reshaping above the graph layer.
 */
type Expressions = Record<string, (v: string, parts?: readonly string[]) => string>;

const COMMON: Expressions = {
  name: (v) => `${v}.name`,
  aliases: (v) => `coalesce(${v}.aliases, [])`,
  description: (v) => `${v}.description`,
  sources: (v) => `coalesce(${v}.sources, [])`,
  provenance: (v) => `coalesce(${v}.provenance, [])`,
  updatedAt: (v) =>
    `CASE WHEN ${v}.updatedAt IS NULL THEN null ELSE toString(datetime.truncate('millisecond', ${v}.updatedAt)) END`,
};

const ROLE: Expressions = {
  ...COMMON,
  seniority: (v) => `${v}.seniority`,
  level: (v) => `${v}.level`,
  track: (v) => `${v}.track`,
  summary: (v) => `${v}.summary`,
  bestFor: (v) => `${v}.bestFor`,
  responsibilities: (v) => `coalesce(${v}.responsibilities, [])`,
  onboardingFocus: (v) => `${v}.onboardingFocus`,
  documentationNeeds: (v) => `${v}.documentationNeeds`,
  ergonomics: (v) => `${v}.ergonomics`,
  salary: salaryProjection,
  salaryMissing: (v) => `${v}.salaryMissing`,
  onetCode: (v) => `${v}.onetCode`,
  escoUri: (v) => `${v}.escoUri`,
  escoCode: (v) => `${v}.escoCode`,
  iscoGroup: (v) => `${v}.iscoGroup`,
  jobZone: (v) => `${v}.jobZone`,
  // Uncapped in storage (up to thousands per occupation): never more than one page is read.
  alternateTitles: (v) => `coalesce(${v}.alternateTitles, [])[0..${MAX_FIRST}]`,
  alternateTitlesCount: (v) => `size(coalesce(${v}.alternateTitles, []))`,
};

const WITH_ESCO_URI: Expressions = { ...COMMON, escoUri: (v) => `${v}.escoUri` };

const EXPRESSIONS: Record<NodeKind, Expressions> = {
  ROLE,
  TOOL: WITH_ESCO_URI,
  FRAMEWORK: WITH_ESCO_URI,
  LANGUAGE: WITH_ESCO_URI,
  SKILL: { ...WITH_ESCO_URI, skillKind: (v) => `${v}.skillKind`, onetElementId: (v) => `${v}.onetElementId` },
  CATEGORY: { ...COMMON, unspscCode: (v) => `${v}.unspscCode` },
  EMPLOYER: COMMON,
  WORKFLOW: COMMON,
};

/** The object-valued fields whose expression can read only some of their parts, with those parts. */
const PARTS: Partial<Record<NodeKind, Record<string, readonly string[]>>> = { ROLE: { salary: SALARY_PARTS } };

/** Whether `field` is a stored property of nodes of `kind` (a field a projection can read). */
export function isStoredField(kind: NodeKind, field: string): boolean {
  return Object.hasOwn(EXPRESSIONS[kind], field);
}

/** The parts a projection can read one by one of a stored object-valued field, or undefined. */
export function storedParts(kind: NodeKind, field: string): readonly string[] | undefined {
  return PARTS[kind]?.[field];
}

/**
 * A map projection of `v` with `__typename` (for the Node interface), `id` (unless `identity`
 * is false) and the fields named (`field.part` reads only the parts named of an object-valued
 * field, unless it is also named whole); `extra` entries are appended as they are.
 */
export function fieldsProjection(
  kind: NodeKind,
  v: string,
  fields: readonly string[],
  extra: string[] = [],
  identity = true,
): string {
  const parts = new Map<string, string[] | null>();
  for (const planned of fields) {
    const [field, part] = splitField(planned);
    if (!isStoredField(kind, field)) continue;
    const known = parts.get(field);
    if (part === null || known === null) parts.set(field, null);
    else parts.set(field, [...(known ?? []), part]);
  }
  const entries = [...parts].map(([f, only]) => `${f}: ${EXPRESSIONS[kind][f](v, only ?? undefined)}`);
  const own = identity ? [`__typename: '${labelOf(kind)}'`, `id: ${v}.id`] : [];
  return `{ ${[...own, ...entries, ...extra].join(', ')} }`;
}

/** The value of one planned field (`field`, or `field.part` of an object-valued one) of `v`. */
export function fieldValue(kind: NodeKind, v: string, planned: string): string {
  const [field, part] = splitField(planned);
  return EXPRESSIONS[kind][field](v, part === null ? undefined : [part]);
}

const ALL_FIELDS = (kind: NodeKind) => Object.keys(EXPRESSIONS[kind]);

/**
 * The node's whole projection, or with `lean` only its `__typename`, `id` and `name`. Which one
 * is chosen in the text, not by a parameter: the statement then carries only what it reads (a
 * lean route statement is under half the characters), and each shape gets its own cached plan.
 */
export function projection(kind: NodeKind, v: string, lean = false): string {
  return fieldsProjection(kind, v, lean ? ['name'] : ALL_FIELDS(kind));
}

/** Which nodes of a traversal's answer are projected lean (see `projection`). */
export interface LeanShape {
  /** The roles of routes, similarity lists and comparisons. */
  leanRoles: boolean;
  /** The tools, skills, frameworks... of the answer. */
  lean: boolean;
}

/**
 * A shape's choices as part of a statement's cache key: the names of those turned on, of
 * `names` (a shape extending LeanShape names its own choices too).
 */
export const shapeKey = <S extends LeanShape>(shape: S, names: readonly (keyof S & string)[] = ['leanRoles', 'lean']) =>
  names.filter((name) => shape[name]).join(',');

/** For nodes whose kind is known only at run time: the label picks the shape. */
export function anyNodeProjection(v: string, shapeOf: (kind: NodeKind) => string): string {
  return `CASE ${NODE_KIND_NAMES.map((kind) => `WHEN ${v}:${labelOf(kind)} THEN ${shapeOf(kind)}`).join(' ')} END`;
}

/**
 * The properties of a relationship of `type` bound to `r`, every one its type declares (absent
 * as null); `extra` entries are appended as they are.
 */
export function relationshipProperties(type: RelationshipType, r: string, extra: string[] = []): string {
  const names = [...COMMON_PROPERTIES, ...Object.keys(specOf(type).properties)];
  const entries = names.map((p) => (p === 'sources' ? `sources: coalesce(${r}.sources, [])` : `${p}: ${r}.${p}`));
  return `{ ${[...entries, `provenance: coalesce(${r}.provenance, [])`, ...extra].join(', ')} }`;
}

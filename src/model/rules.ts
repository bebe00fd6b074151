import { z } from 'zod';
import type { NodeKind } from './kinds';
import {
  PROPERTY_SPECS,
  RELATIONSHIP_TYPES,
  specOf,
  writeRefusal,
  type PropertySpec,
  type RelationshipType,
} from './relationships';
import { SLUG_PATTERN, slugify } from './slug';

/**
 * What a valid fact is: the one definition used by the file loader and by the API's writes.
 */
export const LIMITS = {
  idLength: 100,
  nameLength: 120,
  textLength: 2000,
  shortTextLength: 200,
  listItems: 50,
  sources: 20,
} as const;

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** "is required" for a missing field, "expected <what>" for a present one of the wrong type. */
const expected = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `expected ${what}`),
});

export const idSchema = z
  .string(expected('a string id'))
  .max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`)
  .regex(SLUG_PATTERN, 'must be a slug: lowercase letters and digits separated by single "-"');

const nameSchema = z
  .string(expected('a string'))
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`);

const text = (max: number = LIMITS.textLength) =>
  z.string(expected('a string')).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const list = <T extends z.ZodType>(item: T, max: number = LIMITS.listItems) =>
  z.array(item, expected('a list')).max(max, `must have at most ${max} items`);

export const sourcesSchema = list(text(LIMITS.shortTextLength), LIMITS.sources).min(
  1,
  'must name at least one source section',
);

const amount = z.number(expected('a number')).nonnegative('must not be negative');

/** The percentiles a salary may state besides its range. */
export const SALARY_PERCENTILES = ['p10', 'p25', 'median', 'p75', 'p90'] as const;

const isAscending = (values: readonly (number | undefined)[]) => {
  const given = values.filter((v) => v !== undefined);
  return given.every((v, i) => i === 0 || given[i - 1] <= v);
};

export const currencySchema = z
  .string(expected('a string'))
  .refine((c) => ISO_CURRENCIES.has(c), 'must be an ISO 4217 currency code such as USD');

/** The figures of a salary: whole units, or cents for hourly pay. */
export const SALARY_AMOUNTS = ['min', 'max', ...SALARY_PERCENTILES] as const;

export const salarySchema = z
  .strictObject({
    min: amount,
    max: amount,
    currency: currencySchema,
    period: z.enum(['YEAR', 'MONTH', 'HOUR']),
    basis: z.enum(['BASE', 'TOTAL']),
    region: text(LIMITS.shortTextLength).optional(),
    caveat: text().optional(),
    p10: amount.optional(),
    p25: amount.optional(),
    median: amount.optional(),
    p75: amount.optional(),
    p90: amount.optional(),
    // A published "at least" figure (BLS marks pay above its ceiling with #): which percentiles it caps.
    topCoded: z.array(z.enum(SALARY_PERCENTILES), expected('a list')).optional(),
    source: text(LIMITS.shortTextLength).optional(),
    borrowedFrom: text(LIMITS.shortTextLength).optional(),
  })
  // Whole units, except that hourly pay is published in cents (BLS: $15.98 an hour).
  .superRefine((s, ctx) => {
    const cents = s.period === 'HOUR' ? 100 : 1;
    for (const key of SALARY_AMOUNTS) {
      const value = s[key];
      if (value !== undefined && !Number.isInteger(Math.round(value * cents * 1e6) / 1e6)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: s.period === 'HOUR' ? 'must be an amount with at most two decimals' : 'must be a whole number',
        });
      }
    }
  })
  .refine((s) => s.min <= s.max, { message: 'min must not be greater than max', path: ['min'] })
  // A reversed range is reported above, once.
  .refine((s) => s.min > s.max || isAscending([s.min, s.p10, s.p25, s.median, s.p75, s.p90, s.max]), {
    message: 'percentiles must not decrease from min through p10, p25, median, p75 and p90 to max',
    path: ['median'],
  });

/**
 * Two salaries are comparable (a difference between them means something) only like for like:
 * the same currency, period and basis.
 */
export const COMPARABLE_SALARY_KEYS = ['currency', 'period', 'basis'] as const satisfies readonly (keyof z.infer<
  typeof salarySchema
>)[];

/**
 * Which sources state a fact, each entry the JSON text of `{source, version, sourceId}` (see
 * src/graph/codecs.ts). Uncapped: a fact may be stated by many publisher rows.
 */
export const provenanceSchema = z.array(
  z.string(expected('a string')).refine((s) => {
    try {
      const p: unknown = JSON.parse(s);
      return typeof p === 'object' && p !== null && ['source', 'version', 'sourceId'].every((k) => k in p);
    } catch {
      return false;
    }
  }, 'must be the JSON text of {"source","version","sourceId"}'),
  expected('a list'),
);

const baseNodeShape = {
  id: idSchema,
  name: nameSchema,
  aliases: list(text(LIMITS.shortTextLength)).optional(),
  description: text().optional(),
  sources: sourcesSchema,
  provenance: provenanceSchema.optional(),
};

/** The kind of a skill as its source states it. */
export const SKILL_KINDS = ['skill', 'knowledge', 'transversal', 'unspecified'] as const;

const uncapped = <T extends z.ZodType>(item: T) => z.array(item, expected('a list'));

/**
 * Why an id does not name its node, if it does not: a data file's id must be the slug of the
 * node's name or of one of its aliases, so that a reader can tell what an id refers to.
 */
export function idMismatch(fact: { id: string; name: string; aliases?: string[] }): string | undefined {
  const slugs = [fact.name, ...(fact.aliases ?? [])].map(slugify);
  if (slugs.includes(fact.id)) return undefined;
  return `"${fact.id}" is not the slug of the name ("${slugs[0]}") or of an alias`;
}

export const TRACKS = ['IC', 'MANAGEMENT'] as const;

export const roleSchema = z.strictObject({
  ...baseNodeShape,
  seniority: text(LIMITS.shortTextLength).optional(),
  level: z.number(expected('a number')).int('must be a whole number').min(1).max(10).optional(),
  track: z.enum(TRACKS).optional(),
  summary: text().optional(),
  bestFor: text().optional(),
  responsibilities: list(text()).optional(),
  onboardingFocus: text().optional(),
  documentationNeeds: text().optional(),
  ergonomics: text().optional(),
  salary: salarySchema.optional(),
  /* Publishers' identities and facts (see docs/data.md). */
  onetCode: z
    .string(expected('a string'))
    .regex(/^\d{2}-\d{4}\.\d{2}$/, 'must be an O*NET-SOC code such as 15-1252.00')
    .optional(),
  escoUri: text(LIMITS.shortTextLength).optional(),
  escoCode: text(LIMITS.shortTextLength).optional(),
  iscoGroup: text(LIMITS.shortTextLength).optional(),
  jobZone: z.number(expected('a number')).int('must be a whole number').min(1).max(5).optional(),
  /** Every title a publisher lists (O*NET has up to 2,750 for one occupation): searchable, never capped. */
  alternateTitles: uncapped(text(LIMITS.shortTextLength)).optional(),
  /** Why the role has no salary, where a publisher gives none. */
  salaryMissing: text(LIMITS.shortTextLength).optional(),
});

export const entitySchema = z.strictObject({
  ...baseNodeShape,
  /* Skills: the source's kind and ids. Categories: the UNSPSC commodity. Tools, languages, frameworks: an ESCO concept. */
  skillKind: z.enum(SKILL_KINDS, { error: `must be one of ${SKILL_KINDS.join(', ')}` }).optional(),
  onetElementId: text(LIMITS.shortTextLength).optional(),
  escoUri: text(LIMITS.shortTextLength).optional(),
  unspscCode: text(LIMITS.shortTextLength).optional(),
});

export type RoleFact = z.infer<typeof roleSchema>;
export type EntityFact = z.infer<typeof entitySchema>;
export type Salary = z.infer<typeof salarySchema>;

/**
 * What a publisher states is kept whole: the 50-item cap on lists (`aliases`, `responsibilities`)
 * is a rule for data people write, so facts carrying a publisher's provenance are checked
 * without it. Every other rule (lengths, codes, ranges) applies to both.
 */
export const importedRoleSchema = roleSchema.extend({
  aliases: uncapped(text(LIMITS.shortTextLength)).optional(),
  responsibilities: uncapped(text()).optional(),
});
export const importedEntitySchema = entitySchema.extend({ aliases: uncapped(text(LIMITS.shortTextLength)).optional() });

export function nodeSchemaFor(kind: NodeKind, imported = false) {
  if (imported) return kind === 'ROLE' ? importedRoleSchema : importedEntitySchema;
  return kind === 'ROLE' ? roleSchema : entitySchema;
}

/** A relationship property's value as the table declares it (its allowed values are checked per type). */
function propertySchema(spec: PropertySpec): z.ZodType<string | number | boolean> {
  if (spec.type === 'bool') return z.boolean(expected('true or false'));
  if (spec.type === 'float') {
    return z
      .number(expected('a number'))
      .min(spec.min, `must be at least ${spec.min}`)
      .max(spec.max, `must be at most ${spec.max}`);
  }
  if (spec.type === 'int') {
    return z
      .number(expected('a number'))
      .int('must be a whole number')
      .min(spec.min, `must be at least ${spec.min}`)
      .max(spec.max, `must be at most ${spec.max}`);
  }
  return text(LIMITS.shortTextLength);
}

/** Every property any relationship type declares, and `note`; which type takes which is checked below. */
const declaredProperties: Record<string, z.ZodOptional<z.ZodType<string | number | boolean>>> = Object.fromEntries(
  [...PROPERTY_SPECS].map(([name, spec]) => [name, propertySchema(spec).optional()]),
);
/** A relationship's own properties: `note` and those its type declares (see the table). */
export type RelationshipProperties = { note?: string } & Partial<Record<string, string | number | boolean>>;
export const relationshipPropertiesSchema: z.ZodType<RelationshipProperties> = z.strictObject({
  ...declaredProperties,
  note: text().optional(),
});

export const relationshipSchema = z
  .strictObject({
    type: z.enum(RELATIONSHIP_TYPES as [RelationshipType, ...RelationshipType[]], {
      error: `must be one of ${RELATIONSHIP_TYPES.join(', ')}`,
    }),
    from: idSchema,
    to: idSchema,
    properties: relationshipPropertiesSchema.optional(),
    sources: sourcesSchema,
    provenance: provenanceSchema.optional(),
  })
  .superRefine((rel, ctx) => {
    const refused = writeRefusal(rel.type);
    if (refused !== null) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: refused });
      return;
    }
    const spec = specOf(rel.type);
    if (spec.noSelfLoops === true && rel.from === rel.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'a role cannot lead to itself' });
    }
    for (const [name, value] of Object.entries(rel.properties ?? {})) {
      if (name === 'note' || value === undefined) continue;
      const property: PropertySpec | undefined = (spec.properties as Record<string, PropertySpec>)[name];
      if (!property) {
        ctx.addIssue({ code: 'custom', path: ['properties', name], message: `${rel.type} takes no ${name}` });
      } else if (property.type === 'string' && !property.values.includes(value as string)) {
        ctx.addIssue({
          code: 'custom',
          path: ['properties', name],
          message: `must be one of ${property.values.join(', ')} for ${rel.type}`,
        });
      }
    }
  });

export type RelationshipFact = z.infer<typeof relationshipSchema>;

/** One data file: every key optional except the format version. */
export type GraphFile = {
  version: 1;
  roles?: RoleFact[];
  tools?: EntityFact[];
  skills?: EntityFact[];
  frameworks?: EntityFact[];
  employers?: EntityFact[];
  workflows?: EntityFact[];
  languages?: EntityFact[];
  categories?: EntityFact[];
  relationships?: RelationshipFact[];
};

/**
 * What a write through the API may send: the same rules, but only id and name are required
 * (an update names just the fields it changes).
 */
export const roleUpsertSchema = roleSchema.partial().required({ id: true, name: true });
export const entityUpsertSchema = entitySchema.partial().required({ id: true, name: true });

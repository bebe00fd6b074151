import type { NodeKind } from '../model/kinds';
import { PROPERTY_SPECS } from '../model/relationships';
import { nodeSchemaFor, type EntityFact, type RelationshipFact, type RoleFact, type Salary } from '../model/rules';
import { PUBLISHERS, type Provenance } from '../sources/publishers';
import { cypherInt } from './mapping';

/**
 * How facts are stored: Neo4j properties cannot hold maps, so a role's salary is kept as flat
 * `salary*` properties. This module is the only place that knows it: the Cypher that reads
 * salaries (cypher/salary.cypher.ts) is derived from `salaryProperty`.
 */
export type StoredProps = Record<string, unknown>;

export type SalaryKey = keyof Salary;
export const SALARY_KEYS = [
  'min',
  'max',
  'currency',
  'period',
  'basis',
  'region',
  'caveat',
  'p10',
  'p25',
  'median',
  'p75',
  'p90',
  'topCoded',
  'source',
  'borrowedFrom',
] as const satisfies readonly SalaryKey[];
/** The stored property holding one part of a role's salary. */
export const salaryProperty = (key: SalaryKey) => `salary${key[0].toUpperCase()}${key.slice(1)}`;

const STORED_SALARY_PROPERTIES = new Set<string>(SALARY_KEYS.map(salaryProperty));

export type { Provenance };

/**
 * Neo4j lists cannot hold maps, so each provenance entry is stored as JSON text with its keys in
 * this order: equal entries are equal strings, which lets Cypher deduplicate and compare them.
 */
export function encodeProvenance(p: Provenance): string {
  return JSON.stringify({ source: p.source, version: p.version, sourceId: p.sourceId });
}

export function decodeProvenance(s: string): Provenance {
  const { source, version, sourceId } = JSON.parse(s) as Provenance;
  return { source, version, sourceId };
}

/**
 * The provenance of a fact from a data file that states none: the article's, one entry per
 * section it names (the `sources` list), so every fact in the graph says where it comes from.
 */
export function sectionProvenance(sources: readonly string[]): string[] {
  const { source, version } = PUBLISHERS.article;
  return sources.map((section) => encodeProvenance({ source, version, sourceId: section }));
}

export function factToProps(kind: NodeKind, fact: RoleFact | EntityFact): StoredProps {
  const { salary, ...rest } = fact as RoleFact;
  const props: StoredProps = { ...rest };
  if (kind === 'ROLE' && salary) {
    // Every part of the salary, also those an imported salary adds to SALARY_KEYS (percentiles, source).
    for (const [key, value] of Object.entries(salary)) props[salaryProperty(key as SalaryKey)] = value;
  }
  return dropEmpty(props);
}

/**
 * Properties for a partial write: the given fields (a salary flattened as above) and, for each
 * cleared field, null, which removes the property.
 */
export function partialToProps(kind: NodeKind, fields: Partial<RoleFact>, cleared: readonly string[]): StoredProps {
  const props: StoredProps = factToProps(kind, fields as RoleFact);
  for (const key of cleared) {
    if (key === 'salary') for (const k of SALARY_KEYS) props[salaryProperty(k)] = null;
    else props[key] = null;
  }
  if (fields.salary) for (const k of SALARY_KEYS) props[salaryProperty(k)] ??= null;
  return props;
}

export function propsToFact(kind: 'ROLE', props: StoredProps): RoleFact;
export function propsToFact(kind: Exclude<NodeKind, 'ROLE'>, props: StoredProps): EntityFact;
export function propsToFact(kind: NodeKind, props: StoredProps): RoleFact | EntityFact {
  const fact: StoredProps = {};
  for (const [key, value] of Object.entries(props)) {
    if (STORED_SALARY_PROPERTIES.has(key) || key === 'updatedAt') continue;
    fact[key] = value;
  }
  if (kind === 'ROLE' && props.salaryMin !== undefined && props.salaryMin !== null) {
    const parts = Object.entries(props).filter(([k]) => k.startsWith('salary') && k !== 'salaryMissing');
    fact.salary = dropEmpty(Object.fromEntries(parts.map(([k, v]) => [`${k[6].toLowerCase()}${k.slice(7)}`, v])));
  }
  return nodeSchemaFor(kind, Array.isArray(props.provenance)).parse(dropEmpty(fact));
}

export function relationshipToProps(rel: RelationshipFact): StoredProps {
  return storedRelationshipProps(dropEmpty({ ...rel.properties, sources: rel.sources, provenance: rel.provenance }));
}

/** A relationship's properties as stored: whole-number properties (`rank`) as Neo4j integers, not floats. */
export function storedRelationshipProps(props: StoredProps): StoredProps {
  return Object.fromEntries(
    Object.entries(props).map(([k, v]) => [
      k,
      PROPERTY_SPECS.get(k)?.type === 'int' && typeof v === 'number' ? cypherInt(v) : v,
    ]),
  );
}

function dropEmpty(obj: StoredProps): StoredProps {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== null));
}

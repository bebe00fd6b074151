import { decodeProvenance, SALARY_KEYS, salaryProperty } from '../graph/codecs';
import { PUBLISHERS } from '../sources/publishers';

/**
 * How an import's statement of a fact merges with what the graph holds. Pure, so the rules are
 * tested without a database:
 *
 * - Provenance: the entries of the sources this import read are replaced by what it states now;
 *   every other source's entries stay. `sources` (the people-facing labels) is derived from the
 *   provenance: "<source> <version>" for a publisher, the section name for the article.
 * - A fact only the import's sources state is what they state now. A fact another source (the
 *   article, an API write) also states keeps its name and description; codes and figures the
 *   import states are set; aliases are the union.
 * - `updatedAt` is not compared: a fact whose merged properties equal the stored ones is unchanged.
 */
export type Stored = Record<string, unknown>;

/** The start of the JSON text of every provenance entry of a source (see encodeProvenance). */
export const provenancePrefix = (source: string) => `{"source":${JSON.stringify(source)},`;

/** The `sources` label of a provenance entry. */
export function sourceLabel(entry: string): string {
  const p = decodeProvenance(entry);
  return p.source === PUBLISHERS.article.source ? p.sourceId : `${p.source} ${p.version}`;
}

const unique = <T>(items: readonly T[]) => [...new Set(items)];

/** The stated-by test of the sources an import reads. */
export function ownedBy(sources: readonly string[]): (entry: string) => boolean {
  const prefixes = sources.map(provenancePrefix);
  return (entry) => prefixes.some((prefix) => entry.startsWith(prefix));
}

/**
 * Properties one source alone states on facts that others state too (BLS: the pay of an
 * occupation O*NET states). When that source's import no longer states them they go, rather than
 * linger under the other sources' names.
 */
const OWNED_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  [PUBLISHERS.bls.source]: [...SALARY_KEYS.map(salaryProperty), 'salaryMissing'],
};

/** The properties the sources an import reads own (see OWNED_PROPERTIES). */
export const ownedProperties = (sources: readonly string[]): string[] =>
  sources.flatMap((source) => OWNED_PROPERTIES[source] ?? []);

/**
 * The merge of a data file's fact (seed format): it speaks for the sources its provenance names
 * (the article's sections, or every source of an exported fact); what other sources state of
 * the same fact stays, as with a publisher import.
 */
export function mergeFileFact(existing: Stored | undefined, incoming: Stored): Stored {
  const stated = (incoming.provenance as string[] | undefined) ?? [];
  return mergeProps(
    existing,
    { ...incoming, provenance: stated },
    ownedBy(unique(stated.map((e) => decodeProvenance(e).source))),
  );
}

/** Properties another source's statement keeps when the import states the fact too. */
const KEPT_WHEN_SHARED = new Set(['name', 'description']);
const LISTS_UNITED = new Set(['aliases']);

/**
 * The merged property map of a node or edge: `incoming` (with its `provenance`, of the import's
 * sources only) over `existing` (as stored, or undefined when new).
 */
export function mergeProps(
  existing: Stored | undefined,
  incoming: Stored,
  ours: (entry: string) => boolean,
  owned: readonly string[] = [],
): Stored {
  const stated = incoming.provenance as string[];
  if (existing === undefined) return withSources({ ...incoming });
  const stored = withoutUpdatedAt(existing);
  const storedProvenance = Array.isArray(stored.provenance) ? (stored.provenance as string[]) : undefined;
  // A fact without provenance was written by hand or through the API: it is someone else's.
  const others = storedProvenance === undefined ? undefined : storedProvenance.filter((p) => !ours(p));
  // Entries keep their stored order (a re-import that states the same writes nothing), new ones last.
  const kept = (storedProvenance ?? []).filter((p) => !ours(p) || stated.includes(p));
  const provenance = [...kept, ...stated.filter((p) => !kept.includes(p))];
  if (others !== undefined && others.length === 0) return withSources({ ...incoming, provenance });
  const merged: Stored = { ...stored };
  for (const [key, value] of Object.entries(incoming)) {
    if (key === 'provenance' || key === 'sources') continue;
    if (LISTS_UNITED.has(key)) merged[key] = unique([...((stored[key] as string[]) ?? []), ...(value as string[])]);
    else if (!KEPT_WHEN_SHARED.has(key) || merged[key] === undefined) merged[key] = value;
  }
  for (const key of owned) if (!(key in incoming)) delete merged[key];
  merged.provenance = provenance;
  const handWritten = (stored.sources as string[] | undefined) ?? [];
  return withSources(merged, others === undefined ? handWritten : []);
}

function withSources(props: Stored, extra: readonly string[] = []): Stored {
  props.sources = unique([...extra, ...(props.provenance as string[]).map(sourceLabel)]);
  return props;
}

/**
 * What is left of a fact the import's sources no longer state: the other sources' entries (the
 * fact is deleted when none is left), and `cleared`, the properties those sources owned, as nulls.
 */
export function retire(provenance: readonly string[], ours: (entry: string) => boolean, owned: readonly string[] = []) {
  const left = provenance.filter((p) => !ours(p));
  const cleared = Object.fromEntries(owned.map((key) => [key, null]));
  return { provenance: left, sources: unique(left.map(sourceLabel)), cleared };
}

/** Equal as stored: same keys and values, `updatedAt` aside. */
export function sameProps(a: Stored | undefined, b: Stored): boolean {
  if (a === undefined) return false;
  return canonical(withoutUpdatedAt(a)) === canonical(b);
}

/** The write time is the graph's note, not a stated fact. */
export function withoutUpdatedAt(props: Stored): Stored {
  return Object.fromEntries(Object.entries(props).filter(([k]) => k !== 'updatedAt'));
}

function canonical(props: Stored): string {
  return JSON.stringify(
    Object.keys(props)
      .filter((k) => props[k] !== undefined && props[k] !== null)
      .sort()
      .map((k) => [k, props[k]]),
  );
}

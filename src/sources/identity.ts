import { slugify } from '../model/slug';

/**
 * The identity rule: two names denote the same thing when their normalised forms are equal,
 * after the committed alias table has mapped each to its canonical name.
 *
 * Normalisation: Unicode NFKC (full-width and compatibility forms folded), every run of
 * whitespace including non-breaking spaces (U+00A0, U+2007, U+202F) becomes one space, trimmed,
 * lower-cased. Punctuation is kept: "+", "#" and "." tell "C", "C++", "C#" and ".NET" apart.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u00a0\u2007\u202f]+/gu, ' ')
    .trim()
    .toLowerCase();
}

/**
 * A looser key used only to report near-misses for review, never to merge: accents
 * transliterated and everything but letters, digits, "+" and "#" removed, so "Node.js" and
 * "NodeJS" or "Back-End" and "Backend" meet here.
 */
export function looseKey(name: string): string {
  return transliterate(normaliseName(name)).replace(/[^a-z0-9+#]+/g, '');
}

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Latin letters with accents become their base letters (é -> e, ß -> ss); other text is kept. */
export function transliterate(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/gi, (c) => {
      const lower = SPECIAL_LETTERS[c.toLowerCase()];
      return c === c.toLowerCase() ? lower : lower.toUpperCase();
    });
}

const MAX_ID_LENGTH = 100;

/**
 * The id a name gets: the project's slug rule (src/model/slug.ts) applied after transliteration,
 * with the characters that carry meaning spelled out first, because the slug rule drops them:
 * "+" -> "plus", "#" -> "sharp", a leading "." -> "dot" ("C++" -> c-plus-plus, "C#" -> c-sharp,
 * ".NET" -> dot-net, "Node.js" -> node-js). Cut at a word boundary to fit the id length limit.
 */
export function idSlug(name: string): string {
  const spelled = transliterate(name.normalize('NFKC'))
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/(^|\s)\.(?=\w)/g, '$1dot ');
  const slug = slugify(spelled);
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-'));
}

/** One group of the committed alias table: names that denote the same thing, and why. */
export interface AliasGroup {
  canonical: string;
  same: string[];
  reason: string;
}

/** Normalised alias -> normalised canonical name. */
export type AliasTable = ReadonlyMap<string, string>;

export function aliasTable(groups: readonly AliasGroup[]): AliasTable {
  const table = new Map<string, string>();
  for (const group of groups) {
    const canonical = normaliseName(group.canonical);
    for (const name of [group.canonical, ...group.same]) {
      const key = normaliseName(name);
      const previous = table.get(key);
      if (previous !== undefined && previous !== canonical) {
        throw new Error(`alias table: "${name}" is listed under both "${previous}" and "${canonical}"`);
      }
      table.set(key, canonical);
    }
  }
  return table;
}

/** The identity key of one name: its normalised form, mapped through the alias table. */
export function identityKey(name: string, aliases: AliasTable): string {
  const key = normaliseName(name);
  return aliases.get(key) ?? key;
}

export interface IdentityCandidate {
  name: string;
  /** Other names the source gives; matched against existing names only (see findIdentity). */
  aliases?: readonly string[];
}

export interface KnownThing {
  id: string;
  name: string;
  aliases?: readonly string[];
}

export type IdentityMatch =
  { id: string; by: 'name' | 'alias-table' | 'alias' } | { id: undefined; ambiguous?: string[] };

/**
 * An index of things already known (already in the graph, or read earlier in this run) by
 * their identity keys. Part of the rule: a candidate's name is matched against known names and
 * aliases; a candidate's aliases only against known names, because sources' synonym lists are
 * looser than names ("communication" is a synonym of many ESCO skills). A key held by two
 * different things is ambiguous and merges nothing.
 */
export class IdentityIndex {
  private readonly byName = new Map<string, Set<string>>();
  private readonly byAlias = new Map<string, Set<string>>();

  constructor(private readonly aliases: AliasTable) {}

  static of(things: Iterable<KnownThing>, aliases: AliasTable): IdentityIndex {
    const index = new IdentityIndex(aliases);
    for (const thing of things) index.add(thing);
    return index;
  }

  add(thing: KnownThing): void {
    put(this.byName, identityKey(thing.name, this.aliases), thing.id);
    for (const alias of thing.aliases ?? []) put(this.byAlias, identityKey(alias, this.aliases), thing.id);
  }

  find(candidate: IdentityCandidate): IdentityMatch {
    const nameKey = identityKey(candidate.name, this.aliases);
    const byTable = nameKey !== normaliseName(candidate.name);
    const direct = union(this.byName.get(nameKey), this.byAlias.get(nameKey));
    if (direct.length === 1) return { id: direct[0], by: byTable ? 'alias-table' : 'name' };
    if (direct.length > 1) return { id: undefined, ambiguous: direct };
    const viaAliases = union(...(candidate.aliases ?? []).map((a) => this.byName.get(identityKey(a, this.aliases))));
    if (viaAliases.length === 1) return { id: viaAliases[0], by: 'alias' };
    return viaAliases.length > 1 ? { id: undefined, ambiguous: viaAliases } : { id: undefined };
  }
}

function put(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key) ?? new Set<string>();
  ids.add(id);
  map.set(key, ids);
}

function union(...sets: (Set<string> | undefined)[]): string[] {
  return [...new Set(sets.flatMap((s) => (s ? [...s] : [])))];
}

/**
 * Ids are unique across kinds. A new thing takes its slug when free; when the slug already
 * belongs to something else it takes `<slug>-<qualifier>` (the kind, e.g. "-category", or the
 * source for occupations), then `<slug>-<qualifier>-2`, -3... An id once given never changes,
 * so the first thing to claim a slug keeps it.
 */
export class IdRegistry {
  private readonly taken = new Set<string>();

  constructor(existing: Iterable<string> = []) {
    for (const id of existing) this.taken.add(id);
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  /** Takes an id a source fixes (the article's own ids). */
  reserve(id: string): string {
    this.taken.add(id);
    return id;
  }

  claim(slug: string, qualifier: string): string {
    const base = slug === '' ? qualifier : slug;
    // The base is cut so that a qualified id still fits the id length limit.
    const room = base.slice(0, MAX_ID_LENGTH - qualifier.length - 5).replace(/-+$/, '');
    let id = base;
    if (this.taken.has(id)) id = `${room}-${qualifier}`;
    for (let n = 2; this.taken.has(id); n += 1) id = `${room}-${qualifier}-${n}`;
    this.taken.add(id);
    return id;
  }
}

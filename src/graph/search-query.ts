/** At most this many words of what is typed are searched. */
const MAX_WORDS = 16;
/** Words this long or longer are also tried as two words ("backend" as "back end"). */
const SPLIT_FROM = 7;
/** Neither part of a split word is shorter than this (no "b ackend"). */
const MIN_PART = 3;
/**
 * At most this many spellings: the index expands every clause per indexed property, and Lucene
 * refuses a query of more than 1,024 clauses.
 */
const MAX_SPELLINGS = 24;

/**
 * Turns what a person types into a Lucene query that cannot fail to parse: only runs of letters
 * and digits survive (query-syntax characters are dropped, not searched for), each term matches
 * as a whole word or, from two characters on, as a prefix (so "kube" finds Kubernetes); whole
 * words weigh more.
 *
 * Several words also match as a phrase and all together, which weigh most: titles are short, and
 * a node naming "back end developer" must not sink under nodes that say "back" and "end"
 * separately many times. People write compounds three ways ("back end", "back-end",
 * "backend"), so the phrase is also tried with each pair of adjacent words joined and with each
 * long word split in two at every place that leaves two real-looking parts. Of several words,
 * the last weighs most on its own: titles name what someone is last ("back end developer" is a
 * developer), so a node matching only it beats one matching only the qualifiers (an "End Loader
 * Operator" or an "END Technologist"). No fuzzy terms: on
 * short words they match unrelated titles ("end" ~ "and"), which is the noise this avoids.
 * Returns null when nothing searchable is left (for example "((" or "~").
 */
export function toLuceneQuery(text: string): string | null {
  return (
    luceneClauses(text)
      ?.map((c) => c.clause)
      .join(' OR ') ?? null
  );
}

/**
 * Where a clause of the query comes from: the words as typed, two adjacent words joined, a long
 * word split, all the words together, one word whole or as a prefix. The bench measures what
 * each kind costs the index (bench/search-cost.ts).
 */
export type ClauseKind = 'typed' | 'joined' | 'split' | 'together' | 'word' | 'prefix';

/** The clauses of toLuceneQuery's query, in its order, each with its kind; null as there. */
export function luceneClauses(text: string): { kind: ClauseKind; clause: string }[] | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  const terms = [...new Set(words)];
  if (terms.length === 0) return null;
  const head = words[words.length - 1];
  const each = terms.flatMap((t) => {
    const [whole, prefix] = terms.length === 1 ? ['^2', ''] : t === head ? ['^4', '^2'] : ['', '^0.5'];
    const word = { kind: 'word' as const, clause: `${t}${whole}` };
    return t.length > 1 ? [word, { kind: 'prefix' as const, clause: `${t}*${prefix}` }] : [word];
  });
  const together =
    terms.length > 1 ? [{ kind: 'together' as const, clause: `(${terms.map((t) => `+${t}`).join(' ')})^4` }] : [];
  const spellings = [...spellingsOf(words)]
    .slice(0, MAX_SPELLINGS)
    .map(([s, kind]) => ({ kind, clause: s.includes(' ') ? `"${s}"^8` : `${s}^6` }));
  return [...spellings, ...together, ...each];
}

/** The words as typed (when several), with adjacent words joined, and with long words split. */
function spellingsOf(words: readonly string[]): Map<string, ClauseKind> {
  const out = new Map<string, ClauseKind>();
  const add = (spelling: string, kind: ClauseKind) => out.has(spelling) || out.set(spelling, kind);
  if (words.length > 1) add(words.join(' '), 'typed');
  words.forEach((word, i) => {
    const before = words.slice(0, i);
    if (i + 1 < words.length) add([...before, word + words[i + 1], ...words.slice(i + 2)].join(' '), 'joined');
    if (word.length < SPLIT_FROM) return;
    for (let at = MIN_PART; at <= word.length - MIN_PART; at++) {
      add([...before, word.slice(0, at), word.slice(at), ...words.slice(i + 1)].join(' '), 'split');
    }
  });
  return out;
}

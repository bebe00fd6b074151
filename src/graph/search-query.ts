/**
 * Turns what a person types into a Lucene query that cannot fail to parse: only runs of letters
 * and digits survive (query-syntax characters are dropped, not searched for), each term matches
 * as a whole word or, from two characters on, as a prefix (so "kube" finds Kubernetes); whole
 * words weigh more.
 * Returns null when nothing searchable is left (for example "((" or "~").
 */
export function toLuceneQuery(text: string): string | null {
  const terms = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 16);
  if (terms.length === 0) return null;
  return terms.map((t) => (t.length > 1 ? `${t}^2 OR ${t}*` : `${t}^2`)).join(' OR ');
}

/** The items starting from the `by`-th (wrapping): A B C rotated by 1 is B C A. */
export function rotated<T>(items: readonly T[], by: number): T[] {
  const n = items.length;
  return items.map((_, i) => items[(((i + by) % n) + n) % n]);
}

/**
 * Nearest-rank percentile `p` (0-100] of ascending latencies in ms, rounded to whole ms as
 * autocannon reports its own; 0 for no latencies.
 */
export function percentile(ascending: readonly number[], p: number): number {
  if (ascending.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p * ascending.length) / 100));
  return Math.round(ascending[Math.min(ascending.length, rank) - 1]);
}

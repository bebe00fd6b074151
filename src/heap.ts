import v8 from 'node:v8';

/** What the process runs with: the configured growth, a node flag's own, or V8's default factor. */
export type HeapGrowth = { percent: number; from: 'config' } | { from: 'node-flag' | 'v8-default' };

const FLAG = /^--heap[-_]growing[-_]percent(=|$)/;

/**
 * How far V8 lets the old generation grow past what the last full collection kept
 * (HEAP_GROWING_PERCENT, 50 by default; 0 keeps V8's own factor of up to 4x). With V8's factor
 * the API kept 110-150 MB of dead request data there and peaked at 381 MB over every workload;
 * with 50% (and npm start's 16 MB semi-space) it peaked at 243 MB
 * (bench/results/2026-12-03-semi16-growth50.json), at the price of more full collections.
 * It is no size limit: the heap still grows as far as live data needs, so no request fails for
 * it. V8 reads the flag at each collection, so setting it once the process runs takes effect; a
 * `--heap-growing-percent` given to node itself wins.
 */
export function applyHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv): HeapGrowth {
  if (execArgv.some((arg) => FLAG.test(arg))) return { from: 'node-flag' };
  if (percent === 0) return { from: 'v8-default' };
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  return { percent, from: 'config' };
}

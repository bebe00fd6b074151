import v8 from 'node:v8';

/** What the process runs with: the configured growth, a node flag's own, or V8's default factor. */
export type HeapGrowth = { percent: number; from: 'config' } | { from: 'node-flag' | 'v8-default' };

const FLAG = /^--heap[-_]growing[-_]percent(=|$)/;

/**
 * How far V8 lets the old generation grow past what the last full collection kept
 * (HEAP_GROWING_PERCENT; 0, the default, keeps V8's own factor of up to 4x). Under load that
 * factor let the API keep 110-150 MB of dead request data there; 50% keeps the peak about
 * 100 MB lower but runs a full collection four to seven times as often, and those pauses reach
 * the tail: W6's p99 rose 25-30% (bench/results/2026-12-02-heap-growth-pairs.txt). So it is a
 * deployment's choice of memory over tail latency, not the default. It is no size limit: the heap
 * still grows as far as live data needs, so no request fails for it. V8 reads the flag at each
 * collection, so setting it once the process runs takes effect; a `--heap-growing-percent` given
 * to node itself wins.
 */
export function applyHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv): HeapGrowth {
  if (execArgv.some((arg) => FLAG.test(arg))) return { from: 'node-flag' };
  if (percent === 0) return { from: 'v8-default' };
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  return { percent, from: 'config' };
}

/*
 * neo4j-driver ships ES5 output, and the generator helper TypeScript inlines in each of its modules
 * gives every generator object a closure of its own as `[Symbol.iterator]`. Under V8 that keeps
 * what each generator touched (sessions, observers, records) reachable to scavenges until the next
 * full collection, so every driver request was copied and promoted, and the API's scavenge pauses
 * were made of it (bench/results/2026-12-02-gc-retention.txt). One shared function does the same
 * job; src/driver-load-hook.ts applies it to the driver's modules as they load. A module without
 * that exact helper text is left as it is.
 */

/** The files of the driver's packages, as module URLs. */
export const DRIVER_MODULE = /\/node_modules\/neo4j-driver(?:-core|-bolt-connection)?\/lib\/.*\.js$/;
const HELPER = 'typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; })';
const SHARED = '__sharedGeneratorIterator';
const REPLACEMENT = `typeof Symbol === "function" && (g[Symbol.iterator] = ${SHARED})`;
// Appended, not prepended, so that line numbers in the driver's stack traces stay true.
const DECLARATION = `\nfunction ${SHARED}() { return this; }\n`;

/** The source with the helper's per-object closure replaced by the shared one; unchanged if absent. */
export function shareGeneratorIterator(source: string): string {
  if (!source.includes(HELPER)) return source;
  return source.split(HELPER).join(REPLACEMENT) + DECLARATION;
}

import path from 'node:path';

/** The checkout the bench scripts belong to (they run from dist/bench/bench). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The value after `flag` in `args` (`--rounds 3` gives "3"), undefined when the flag is absent. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

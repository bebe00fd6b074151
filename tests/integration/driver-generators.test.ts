import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** Runs `script` in a fresh Node process from the project's root, after `npm run build`. */
const run = (script: string) =>
  JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as Record<
    string,
    unknown
  >;

const PROBE = `
const { Record } = require('neo4j-driver');
const a = new Record(['x', 'y'], [1, 2]);
const b = new Record(['x'], [3]);
process.stdout.write(JSON.stringify({
  rewritten: typeof rewritten === 'function' ? rewritten() : 0,
  shared: a.entries()[Symbol.iterator] === b.entries()[Symbol.iterator],
  entries: [...a.entries()],
  object: a.toObject(),
}));`;

describe('the driver generator rewrite', () => {
  it("when the API's first import has run, then the driver's generators share one iterator and still iterate", () => {
    const result = run(`const { driverModulesRewritten: rewritten } = require('./dist/driver-load-hook');${PROBE}`);
    expect(result.rewritten).toBeGreaterThan(0);
    expect(result.shared).toBe(true);
    expect(result.entries).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
    expect(result.object).toEqual({ x: 1, y: 2 });
  });

  it('when it has not, then each generator has its own, which is what the rewrite removes', () => {
    const result = run(PROBE);
    expect(result.shared).toBe(false);
    expect(result.object).toEqual({ x: 1, y: 2 });
  });

  it('when Node lacks module hooks (older than 22.15), then importing the rewrite loads the driver as shipped instead of failing', () => {
    const result = run(
      `require('node:module').registerHooks = undefined;` +
        `const hook = require('./dist/driver-load-hook'); const rewritten = hook.driverModulesRewritten;` +
        `if (hook.driverRewriteAvailable !== false) throw new Error('available');${PROBE}`,
    );
    expect(result.rewritten).toBe(0);
    expect(result.shared).toBe(false);
    expect(result.object).toEqual({ x: 1, y: 2 });
  });

  it('when the API is built, then its entry point imports the rewrite before anything else', () => {
    const entry = fs.readFileSync(path.join(ROOT, 'dist', 'index.js'), 'utf8');
    const requires = [...entry.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(requires[0]).toBe('./driver-load-hook');
  });
});

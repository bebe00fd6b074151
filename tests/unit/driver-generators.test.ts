import fs from 'node:fs';
import path from 'node:path';
import { shareGeneratorIterator } from '../../src/driver-generators';

const driverFile = (relative: string) =>
  fs.readFileSync(path.join(__dirname, '..', '..', 'node_modules', relative), 'utf8');

describe('shareGeneratorIterator', () => {
  it("when a driver module inlines TypeScript's generator helper, then its per-object iterator closure becomes one shared function", () => {
    const source = driverFile('neo4j-driver-core/lib/record.js');
    const shared = shareGeneratorIterator(source);
    expect(source).toContain('(g[Symbol.iterator] = function() { return this; })');
    expect(shared).not.toContain('(g[Symbol.iterator] = function() { return this; })');
    expect(shared).toContain('(g[Symbol.iterator] = __sharedGeneratorIterator)');
    expect(shared.endsWith('\nfunction __sharedGeneratorIterator() { return this; }\n')).toBe(true);
    // Nothing before the end moves, so the driver's stack traces keep their line numbers.
    expect(shared.split('\n').length).toBe(source.split('\n').length + 2);
  });

  it('when a module has no such helper, then it is returned unchanged', () => {
    const source = 'module.exports = function () { return 1; };\n';
    expect(shareGeneratorIterator(source)).toBe(source);
  });
});

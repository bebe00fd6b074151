import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFlags } from '../../bench/processes';

const ROOT = path.resolve(__dirname, '..', '..');

// npm start declares the API's Node flags; the image and the bench must run the API the same way.
describe("the API's Node flags", () => {
  it('are the ones the image starts the API with', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
    expect(cmd).not.toBeNull();
    expect(JSON.parse(cmd![1])).toEqual(['node', ...startFlags(ROOT), 'dist/index.js']);
  });

  it('size the young generation, which Node cannot change once the process runs', () => {
    expect(startFlags(ROOT)).toContainEqual(expect.stringMatching(/^--max-semi-space-size=\d+$/));
  });

  it('are refused, naming the file, when the start script is not node [flags] dist/index.js', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'start-flags-'));
    try {
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { start: 'ts-node src/index.ts' } }));
      expect(() => startFlags(dir)).toThrow(/package\.json: the start script "ts-node src\/index\.ts" is not node/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

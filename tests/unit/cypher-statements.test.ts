import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCypherStatements } from '../../src/graph/schema-setup';

describe('parseCypherStatements', () => {
  it('when a file has comments and multi-line statements, then each statement comes out whole', () => {
    const text = '// a comment\nCREATE INDEX a IF NOT EXISTS\nFOR (n:A) ON (n.x);\n\n// another\nRETURN 1;\n';
    expect(parseCypherStatements(text)).toEqual(['CREATE INDEX a IF NOT EXISTS\nFOR (n:A) ON (n.x)', 'RETURN 1']);
  });

  it('when reading the committed schema file, then every statement is idempotent', () => {
    const text = readFileSync(path.join(__dirname, '../../schema/constraints.cypher'), 'utf8');
    const statements = parseCypherStatements(text);
    expect(statements.length).toBeGreaterThan(8);
    for (const s of statements) expect(s).toMatch(/IF NOT EXISTS/);
  });
});

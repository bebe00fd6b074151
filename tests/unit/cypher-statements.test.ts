import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCypherStatements, parseSchemaDefinitions } from '../../src/graph/schema-setup';

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

describe('parseSchemaDefinitions', () => {
  it('when statements create named constraints and indexes, then each comes out with its kind, name and one-line text', () => {
    const text =
      'CREATE CONSTRAINT a_id IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;\n' +
      'CREATE FULLTEXT INDEX a_search IF NOT EXISTS\nFOR (n:A)\n  ON EACH [n.name];';
    expect(parseSchemaDefinitions(text)).toEqual([
      {
        kind: 'CONSTRAINT',
        name: 'a_id',
        statement: 'CREATE CONSTRAINT a_id IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE',
      },
      {
        kind: 'INDEX',
        name: 'a_search',
        statement: 'CREATE FULLTEXT INDEX a_search IF NOT EXISTS FOR (n:A) ON EACH [n.name]',
      },
    ]);
  });

  it('when a statement creates nothing named, then the file is refused naming it', () => {
    expect(() => parseSchemaDefinitions('CREATE INDEX FOR (n:A) ON (n.x);', 'x.cypher')).toThrow(
      'x.cypher: every statement must create a named constraint or index: CREATE INDEX FOR (n:A) ON (n.x)',
    );
  });

  it('when reading the committed schema file, then every definition has its own name', () => {
    const text = readFileSync(path.join(__dirname, '../../schema/constraints.cypher'), 'utf8');
    const names = parseSchemaDefinitions(text).map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['role_id', 'meta_key', 'node_search']));
  });
});

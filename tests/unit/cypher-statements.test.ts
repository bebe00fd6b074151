import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCypherStatements, parseSchemaDefinitions } from '../../src/graph/schema-setup';
import { progressionPaths, type RouteShape } from '../../src/graph/cypher/routes.cypher';
import {
  checkingRoles,
  COMPARISON_DIMENSIONS,
  compareRoles,
  similarRoles,
  type ComparisonDimension,
} from '../../src/graph/cypher/traversal.cypher';

const FULL = { leanRoles: false, lean: false };
const LEAN = { leanRoles: true, lean: true };
/** A field only the full projection of a node reads. */
const FULL_ONLY = 'aliases: coalesce(';

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

describe('compareRoles statement', () => {
  const ALL = Object.keys(COMPARISON_DIMENSIONS) as ComparisonDimension[];

  it('when a comparison reads the tools overlap only, then its text reads no other overlap and no fit', () => {
    const text = compareRoles(['tools'], false, FULL);
    expect(text).toContain('(a)-[:USES_TOOL]->(x:Tool)');
    for (const d of ALL.filter((x) => x !== 'tools')) {
      expect(text).not.toContain(COMPARISON_DIMENSIONS[d]('a', 'x'));
      expect(text).toContain(`${d}: { shared: [], onlyA: [], onlyB: [], jaccard: 0.0 }`);
    }
    expect(text).not.toContain('OPTIONAL CALL');
  });

  it('when it reads every overlap and the similarity, then every overlap and the fit are in its text', () => {
    const text = compareRoles(ALL, true, FULL);
    for (const d of ALL) expect(text).toContain(COMPARISON_DIMENSIONS[d]('a', 'x'));
    expect(text).toContain('OPTIONAL CALL (a, b)');
  });

  it('when the same overlaps are named in another order, then the text is the same one', () => {
    expect(compareRoles(['skills', 'tools'], true, FULL)).toBe(compareRoles(['tools', 'skills'], true, FULL));
    expect(compareRoles(['skills', 'tools'], true, FULL)).not.toBe(compareRoles(['tools', 'skills'], false, FULL));
  });

  it('when the feature Jaccard is built, then each of its three counts appears once', () => {
    const text = compareRoles([], false, FULL);
    expect(text.match(/COUNT \{ \(a\)-\[:USES_TOOL\|REQUIRES_SKILL\|USES_FRAMEWORK\]->\(x\)</g)).toHaveLength(1);
    expect(text.match(/COUNT \{ \(a\)-\[:USES_TOOL\|REQUIRES_SKILL\|USES_FRAMEWORK\]->\(\) \}/g)).toHaveLength(1);
  });
});

describe('lean and full texts', () => {
  const route = (shape: Partial<RouteShape>) =>
    progressionPaths(4, ['PROMOTION'], 'FEWEST_STEPS', { ...LEAN, tools: false, learnCount: false, ...shape });

  it('when an answer reads only names, then its text projects nothing more and chooses nothing by a parameter', () => {
    for (const text of [route({}), compareRoles(['tools'], false, LEAN), similarRoles(LEAN)]) {
      expect(text).not.toContain(FULL_ONLY);
      expect(text).not.toMatch(/\$lean|\$leanRoles|\$tools|\$learnCount/);
    }
    expect(route({})).not.toContain('USES_TOOL]->(x:Tool)');
    expect(route({}).length).toBeLessThan(route({ leanRoles: false, lean: false }).length / 2);
  });

  it('when the roles are read in full and the items lean, then only the roles carry every field', () => {
    const text = route({ leanRoles: false });
    expect(text).toContain(`roles: [n IN ns | { __typename: 'Role', id: n.id, name: n.name, ${FULL_ONLY}`);
    expect(text).toContain("RETURN { __typename: 'Skill', id: x.id, name: x.name }");
  });

  it('when the tools to learn and their count are asked, then the text reads them', () => {
    const text = route({ tools: true, learnCount: true });
    expect(text).toContain('MATCH (n)-[:USES_TOOL]->(x:Tool)');
    expect(text).toContain('CASE WHEN learnCount IS NOT NULL THEN learnCount ELSE size(COLLECT');
  });

  it('when the same shape is asked again, then the same text comes back, and so does its check of the roles', () => {
    expect(route({})).toBe(route({}));
    expect(route({})).not.toBe(route({ lean: false }));
    expect(checkingRoles(route({}))).toBe(checkingRoles(route({})));
    expect(checkingRoles(route({}))).toContain(route({}));
  });
});

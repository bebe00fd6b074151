import type { NodeKind } from '../../src/model/kinds';
import { NODE_KINDS } from '../../src/model/kinds';
import { RELATION_ENDS, STATED_TYPES, specOf, type RelationshipType } from '../../src/model/relationships';
import { uniquePrefix, type TestDatabase } from '../helpers/database';
import type { TestGraphQL } from '../helpers/graphql';
import { closeSeededApi, openSeededApi, QUERY_NAMES, SeedIndex } from './read-api.seed';

let db: TestDatabase;
let gql: TestGraphQL;
let seed: SeedIndex;

beforeAll(async () => {
  ({ db, gql, seed } = await openSeededApi());
});
afterAll(() => closeSeededApi({ db, gql }));

/** One end's view of a relationship: the nodes field, the links field and the far end's name in a link. */
interface Side {
  kind: NodeKind;
  nodes: string;
  links: { field: string; node: string };
}

/**
 * Every stated relationship of the model with the fields that expose it from each end, from the
 * model's table. The seed holds stated facts only; the derived type (stored transitions) is read
 * against the edges its recomputation stores, in similar-to.test.ts.
 */
const RELATIONSHIP_FIELDS: { type: RelationshipType; from: Side; to: Side }[] = STATED_TYPES.map((type) => {
  const side = (direction: 'OUT' | 'IN'): Side => {
    const end = RELATION_ENDS.find((e) => e.type === type && e.direction === direction)!;
    return {
      kind: end.owner,
      nodes: end.names.nodes,
      links: { field: end.names.links, node: NODE_KINDS[end.far].label.toLowerCase() },
    };
  };
  return { type, from: side('OUT'), to: side('IN') };
});

type LinkRow = { sources: string[] } & Record<string, unknown>;
type SideRow = { id: string } & Record<string, unknown>;

/** The properties a link of `type` carries besides its sources, as the model declares them. */
const propertiesOf = (type: RelationshipType) => ['note', ...Object.keys(specOf(type).properties)];

/** Every node of the side's kind with the side's fields: nodes, links with every property, count. */
async function readSide(type: RelationshipType, side: Side): Promise<SideRow[]> {
  const links = `${side.links.field} { ${side.links.node} { id } ${propertiesOf(type).join(' ')} sources }`;
  const { data, errors } = await gql.run(
    `{ list: ${QUERY_NAMES[side.kind].plural}(first: 100) { totalCount edges { node { id ${side.nodes} { id } ${links} ${side.nodes}Count } } } }`,
  );
  expect(errors).toBeUndefined();
  const list = data!.list as { totalCount: number; edges: { node: SideRow }[] };
  expect(list.edges).toHaveLength(list.totalCount);
  return list.edges.map((e) => e.node);
}

/** "a>b" for each edge, seen from `a` (outgoing) or from `b` (incoming). */
function pairsOf(rows: SideRow[], field: string, outgoing: boolean, pick: (item: never) => string): string[] {
  return rows
    .flatMap((row) =>
      (row[field] as never[]).map((item) => (outgoing ? `${row.id}>${pick(item)}` : `${pick(item)}>${row.id}`)),
    )
    .sort();
}

/** Each link read from one side, with its properties, and the same from the seed facts. */
function linksAndFacts(type: RelationshipType, side: Side, rows: SideRow[], outgoing: boolean) {
  const node = side.links.node;
  const read = rows.flatMap((row) =>
    (row[side.links.field] as LinkRow[]).map((link) => {
      const far = (link[node] as { id: string }).id;
      const edge = outgoing ? `${row.id}>${far}` : `${far}>${row.id}`;
      return { edge, ...Object.fromEntries(propertiesOf(type).map((p) => [p, link[p]])), sources: link.sources };
    }),
  );
  const facts = seed.rels(type).map((fact) => ({
    edge: `${fact.from}>${fact.to}`,
    ...Object.fromEntries(propertiesOf(type).map((p) => [p, fact.properties?.[p] ?? null])),
    sources: fact.sources,
  }));
  const byEdge = (a: { edge: string }, b: { edge: string }) => a.edge.localeCompare(b.edge);
  return { read: read.sort(byEdge), facts: facts.sort(byEdge) };
}

describe('both directions of every relationship', () => {
  it.each(RELATIONSHIP_FIELDS.map((r) => [r.type, r] as const))(
    'when %s is read from each end, then both ends list exactly the seed edges, with their properties and counts',
    async (type, { from, to }) => {
      const expected = seed.pairs(type);
      for (const [side, outgoing] of [
        [from, true],
        [to, false],
      ] as const) {
        const rows = await readSide(type, side);
        const pairs = pairsOf(rows, side.nodes, outgoing, (n: { id: string }) => n.id);
        expect(pairs).toEqual(expected);
        // No duplicates: every edge once, whatever the path.
        expect(new Set(pairs).size).toBe(pairs.length);
        const { read, facts } = linksAndFacts(type, side, rows, outgoing);
        expect(read).toEqual(facts);
        expect(rows.map((row) => row[`${side.nodes}Count`])).toEqual(
          rows.map((row) => (row[side.nodes] as unknown[]).length),
        );
      }
    },
  );

  it('when every link field of the API is read, then every edge names at least one source', async () => {
    const empty: string[] = [];
    for (const { type, from, to } of RELATIONSHIP_FIELDS) {
      for (const side of [from, to]) {
        for (const row of await readSide(type, side)) {
          for (const link of row[side.links.field] as LinkRow[]) {
            if (link.sources.length === 0 || link.sources.some((s) => s.trim() === '')) empty.push(`${type} ${row.id}`);
          }
        }
      }
    }
    expect(empty).toEqual([]);
  });

  it('when the seed facts about backend-engineer are asked for, then the named tools, frameworks and routes are there', async () => {
    const { data, errors } = await gql.run(`{
      role(id: "backend-engineer") {
        tools { id } frameworks { id } languages { id } nextRoles { id } adjacentRoles { id } previousRoles { id }
        toolUsages { tool { id } emphasis }
      }
      tool(id: "node-js") { frameworks { id } categories { id } }
      framework(id: "express-js") { runsOn { id } usedBy { id } }
    }`);
    expect(errors).toBeUndefined();
    const ids = (list: { id: string }[]) => list.map((n) => n.id);
    expect(ids(data!.role.tools)).toEqual(expect.arrayContaining(['kubernetes', 'postgresql', 'node-js']));
    expect(ids(data!.role.frameworks)).toEqual(expect.arrayContaining(['spring-boot', 'django', 'express-js']));
    expect(ids(data!.role.nextRoles)).toEqual(expect.arrayContaining(['senior-backend-engineer']));
    expect(ids(data!.role.adjacentRoles)).toEqual(expect.arrayContaining(['devops-engineer']));
    expect(data!.role.toolUsages).toContainEqual({ tool: { id: 'kubernetes' }, emphasis: 'PRIMARY' });
    expect(ids(data!.tool.frameworks)).toEqual(['express-js']);
    expect(ids(data!.framework.runsOn)).toEqual(['node-js']);
    expect(ids(data!.framework.usedBy).sort()).toEqual(seed.in('USES_FRAMEWORK', 'express-js').sort());
  });

  it('when a node has none of a relationship, then the field is an empty list, not null', async () => {
    const { data, errors } = await gql.run(`{
      role(id: "frontend-engineer") { tools { id } skills { id } employers { id } nextRoles { id } pivots { role { id } } }
      language(id: "java") { frameworks { id } }
      category(id: "database") { tools { id } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.role).toEqual({ tools: [], skills: [], employers: [], nextRoles: [], pivots: [] });
    expect(data!.language.frameworks).toEqual([]);
    expect(data!.category.tools.map((t: { id: string }) => t.id)).toEqual(seed.in('IN_CATEGORY', 'database'));
  });

  it('when a promotion route is followed forward then back, then it returns to where it started', async () => {
    const { data, errors } = await gql.run(`{
      role(id: "senior-engineer") { nextRoles { id previousRoles { id } } previousRoles { id nextRoles { id } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.role.nextRoles.length).toBeGreaterThan(0);
    for (const next of data!.role.nextRoles) {
      expect(next.previousRoles.map((r: { id: string }) => r.id)).toContain('senior-engineer');
    }
    expect(data!.role.previousRoles.map((r: { id: string }) => r.id)).toEqual(
      seed.in('PROGRESSES_TO', 'senior-engineer'),
    );
    for (const prev of data!.role.previousRoles) {
      expect(prev.nextRoles.map((r: { id: string }) => r.id)).toContain('senior-engineer');
    }
  });
});

describe('relationships the seed does not hold', () => {
  it('when a framework is written in a language, then Framework.writtenIn, writtenInLinks and Language.frameworks agree', async () => {
    const prefix = uniquePrefix('written-in');
    const fw = `${prefix}-fw`;
    const lang = `${prefix}-lang`;
    try {
      await db.executor.write(
        `CREATE (f:Framework {id: $fw, name: 'Test Framework', sources: ['Test section']})
         CREATE (l:Language {id: $lang, name: 'Test Language', sources: ['Test section']})
         CREATE (f)-[:WRITTEN_IN {note: 'Written in it', sources: ['Test section']}]->(l)
         WITH f
         MATCH (java:Language {id: 'java'})
         CREATE (f)-[:WRITTEN_IN {sources: ['Other section']}]->(java)`,
        { fw, lang },
      );
      const { data, errors } = await gql.run(
        `query ($fw: ID!, $lang: ID!) {
          framework(id: $fw) { writtenIn { id } writtenInLinks { language { id } emphasis note sources } }
          language(id: $lang) { frameworks { id } }
          java: language(id: "java") { frameworks { id } }
        }`,
        { fw, lang },
      );
      expect(errors).toBeUndefined();
      expect(data!.framework.writtenIn.map((l: { id: string }) => l.id).sort()).toEqual(['java', lang].sort());
      expect(data!.framework.writtenInLinks).toContainEqual({
        language: { id: lang },
        emphasis: null,
        note: 'Written in it',
        sources: ['Test section'],
      });
      expect(data!.framework.writtenInLinks).toContainEqual({
        language: { id: 'java' },
        emphasis: null,
        note: null,
        sources: ['Other section'],
      });
      expect(data!.language.frameworks).toEqual([{ id: fw }]);
      expect(data!.java.frameworks).toEqual([{ id: fw }]);
    } finally {
      await db.executor.write('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    }
  });
});

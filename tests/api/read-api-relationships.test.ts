import type { NodeKind } from '../../src/model/kinds';
import type { RelationshipType } from '../../src/model/relationships';
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

/** One end's view of a relationship: the plain list field and, where there is one, the link field. */
interface Side {
  kind: NodeKind;
  nodes: string;
  links?: { field: string; node: string };
}

/** Every relationship of the model with the fields that expose it from each end. */
const RELATIONSHIP_FIELDS: { type: RelationshipType; from: Side; to?: Side }[] = [
  {
    type: 'USES_TOOL',
    from: { kind: 'ROLE', nodes: 'tools', links: { field: 'toolUsages', node: 'tool' } },
    to: { kind: 'TOOL', nodes: 'usedBy', links: { field: 'usages', node: 'role' } },
  },
  {
    type: 'REQUIRES_SKILL',
    from: { kind: 'ROLE', nodes: 'skills', links: { field: 'skillRequirements', node: 'skill' } },
    to: { kind: 'SKILL', nodes: 'requiredBy', links: { field: 'requirements', node: 'role' } },
  },
  {
    type: 'USES_FRAMEWORK',
    from: { kind: 'ROLE', nodes: 'frameworks', links: { field: 'frameworkUsages', node: 'framework' } },
    to: { kind: 'FRAMEWORK', nodes: 'usedBy', links: { field: 'usages', node: 'role' } },
  },
  {
    type: 'USES_LANGUAGE',
    from: { kind: 'ROLE', nodes: 'languages', links: { field: 'languageUsages', node: 'language' } },
    to: { kind: 'LANGUAGE', nodes: 'usedBy' },
  },
  {
    type: 'PRACTICES',
    from: { kind: 'ROLE', nodes: 'workflows', links: { field: 'workflowPractices', node: 'workflow' } },
    to: { kind: 'WORKFLOW', nodes: 'practicedBy', links: { field: 'practices', node: 'role' } },
  },
  {
    type: 'PROGRESSES_TO',
    from: { kind: 'ROLE', nodes: 'nextRoles', links: { field: 'promotions', node: 'role' } },
    to: { kind: 'ROLE', nodes: 'previousRoles' },
  },
  {
    type: 'PIVOTS_TO',
    from: { kind: 'ROLE', nodes: 'adjacentRoles', links: { field: 'pivots', node: 'role' } },
  },
  {
    type: 'HIRES',
    from: { kind: 'EMPLOYER', nodes: 'hires', links: { field: 'hiringLinks', node: 'role' } },
    to: { kind: 'ROLE', nodes: 'employers', links: { field: 'hirings', node: 'employer' } },
  },
  {
    type: 'RUNS_ON',
    from: { kind: 'FRAMEWORK', nodes: 'runsOn', links: { field: 'runsOnLinks', node: 'tool' } },
    to: { kind: 'TOOL', nodes: 'frameworks' },
  },
  {
    type: 'WRITTEN_IN',
    from: { kind: 'FRAMEWORK', nodes: 'writtenIn', links: { field: 'writtenInLinks', node: 'language' } },
    to: { kind: 'LANGUAGE', nodes: 'frameworks' },
  },
  {
    type: 'IN_CATEGORY',
    from: { kind: 'TOOL', nodes: 'categories', links: { field: 'categoryLinks', node: 'category' } },
    to: { kind: 'CATEGORY', nodes: 'tools' },
  },
];

type LinkRow = { emphasis: string | null; note: string | null; sources: string[] } & Record<string, { id: string }>;
type SideRow = { id: string } & Record<string, unknown>;

/** Every node of the side's kind with the side's fields. */
async function readSide(side: Side): Promise<SideRow[]> {
  const links = side.links ? `${side.links.field} { ${side.links.node} { id } emphasis note sources }` : '';
  const { data, errors } = await gql.run(
    `{ list: ${QUERY_NAMES[side.kind].plural}(first: 100) { totalCount edges { node { id ${side.nodes} { id } ${links} } } } }`,
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

describe('both directions of every relationship', () => {
  it.each(RELATIONSHIP_FIELDS.map((r) => [r.type, r] as const))(
    'when %s is read from each end, then both ends list exactly the seed edges, with their properties',
    async (type, { from, to }) => {
      const expected = seed.pairs(type);
      const fromRows = await readSide(from);
      const forward = pairsOf(fromRows, from.nodes, true, (n: { id: string }) => n.id);
      expect(forward).toEqual(expected);
      // No duplicates: every edge once, whatever the path.
      expect(new Set(forward).size).toBe(forward.length);

      if (from.links) {
        const linkNode = from.links.node;
        expect(pairsOf(fromRows, from.links.field, true, (l: LinkRow) => l[linkNode].id)).toEqual(expected);
        for (const row of fromRows) {
          for (const link of row[from.links.field] as LinkRow[]) {
            const fact = seed.rels(type).find((r) => r.from === row.id && r.to === link[linkNode].id)!;
            expect({
              edge: `${row.id}>${link[linkNode].id}`,
              emphasis: link.emphasis,
              note: link.note,
              sources: link.sources,
            }).toEqual({
              edge: `${fact.from}>${fact.to}`,
              emphasis: fact.properties?.emphasis ?? null,
              note: fact.properties?.note ?? null,
              sources: fact.sources,
            });
          }
        }
      }

      if (to) {
        const toRows = await readSide(to);
        expect(pairsOf(toRows, to.nodes, false, (n: { id: string }) => n.id)).toEqual(expected);
        if (to.links) {
          const linkNode = to.links.node;
          expect(pairsOf(toRows, to.links.field, false, (l: LinkRow) => l[linkNode].id)).toEqual(expected);
          for (const row of toRows) {
            for (const link of row[to.links.field] as LinkRow[]) {
              const fact = seed.rels(type).find((r) => r.from === link[linkNode].id && r.to === row.id)!;
              expect({ emphasis: link.emphasis, note: link.note, sources: link.sources }).toEqual({
                emphasis: fact.properties?.emphasis ?? null,
                note: fact.properties?.note ?? null,
                sources: fact.sources,
              });
            }
          }
        }
      }
    },
  );

  it('when every link field of the API is read, then every edge names at least one source', async () => {
    const empty: string[] = [];
    for (const { type, from, to } of RELATIONSHIP_FIELDS) {
      for (const side of [from, to]) {
        if (!side?.links) continue;
        for (const row of await readSide(side)) {
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

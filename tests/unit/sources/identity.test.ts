import path from 'node:path';
import { idSchema } from '../../../src/model/rules';
import {
  aliasTable,
  GraphBuilder,
  IdentityIndex,
  IdRegistry,
  idSlug,
  loadMatchTables,
  normaliseName,
  readSources,
  type SourceGraph,
} from '../../../src/sources';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'sources');
const SEED = path.join(__dirname, '..', '..', '..', 'seed');

describe('the normalisation rule', () => {
  it('folds NFKC forms, non-breaking spaces and case, and keeps + # .', () => {
    expect(normaliseName('Ｄｏｃｋｅｒ')).toBe('docker');
    expect(normaliseName('Spring\u00a0 Boot ')).toBe('spring boot');
    expect(new Set(['C', 'C++', 'C#', '.NET'].map(normaliseName)).size).toBe(4);
  });

  it('gives C, C++, C# and .NET distinct readable ids, and transliterates accents', () => {
    expect(['C', 'C++', 'C#', '.NET', 'Node.js'].map(idSlug)).toEqual([
      'c',
      'c-plus-plus',
      'c-sharp',
      'dot-net',
      'node-js',
    ]);
    expect(idSlug('Gestión de Straße')).toBe('gestion-de-strasse');
  });
});

describe('IdentityIndex', () => {
  const aliases = aliasTable([{ canonical: 'Jira', same: ['Atlassian JIRA'], reason: 'vendor prefix' }]);

  it('matches names, alias-table entries and known aliases, and refuses ambiguous keys', () => {
    const index = IdentityIndex.of(
      [
        { id: 'jira', name: 'Jira' },
        { id: 'aws', name: 'AWS', aliases: ['Amazon Web Services'] },
        { id: 'a1', name: 'Shared' },
        { id: 'a2', name: 'Other', aliases: ['shared'] },
      ],
      aliases,
    );
    expect(index.find({ name: 'atlassian jira' })).toEqual({ id: 'jira', by: 'alias-table' });
    expect(index.find({ name: 'amazon web services' })).toEqual({ id: 'aws', by: 'name' });
    expect(index.find({ name: 'Something', aliases: ['AWS'] })).toEqual({ id: 'aws', by: 'alias' });
    expect(index.find({ name: 'Shared' })).toEqual({ id: undefined, ambiguous: ['a1', 'a2'] });
  });
});

describe('GraphBuilder ids', () => {
  it('when two different things share a slug, then the later one takes a qualified id', async () => {
    const tables = await loadMatchTables();
    const builder = new GraphBuilder({ aliases: tables.aliases, kindTable: tables.kindTable });
    const p = { source: 'test', version: '1', sourceId: 'x' };
    const tool = builder.node({ kind: 'TOOL', kindBy: 'source', name: 'Spreadsheet software', provenance: p });
    const category = builder.node({ kind: 'CATEGORY', kindBy: 'source', name: 'Spreadsheet software', provenance: p });
    expect([tool, category]).toEqual(['spreadsheet-software', 'spreadsheet-software-category']);
  });

  it('when a long slug is taken, then the qualified id still fits the id length limit', () => {
    const registry = new IdRegistry();
    const long = idSlug('word '.repeat(40));
    const ids = [registry.claim(long, 'category'), registry.claim(long, 'category'), registry.claim(long, 'category')];
    expect(new Set(ids).size).toBe(3);
    expect(ids.filter((id) => !idSchema.safeParse(id).success)).toEqual([]);
  });
});

describe('GraphBuilder identity', () => {
  it('when a name is only a synonym of another thing, then it stays a thing of its own, but synonyms stay searchable', async () => {
    const tables = await loadMatchTables();
    const builder = new GraphBuilder({ aliases: tables.aliases, kindTable: tables.kindTable });
    const p = { source: 'ESCO', version: '1.1.1', sourceId: 'x' };
    const ml = builder.node({
      kind: 'SKILL',
      kindBy: 'default',
      name: 'machine learning',
      synonyms: ['ML'],
      provenance: p,
    });
    const lang = builder.node({
      kind: 'LANGUAGE',
      kindBy: 'rule',
      name: 'ML',
      aliases: ['ML (computer programming)'],
      provenance: p,
    });
    expect([ml, lang]).toEqual(['machine-learning', 'ml']);
    expect(builder.nodeById(ml)?.aliases).toEqual(['ML']);
  });
});

describe('the merge report', () => {
  it('lists as near-misses names that differ only by punctuation or a leading vendor word', async () => {
    const tables = await loadMatchTables();
    const builder = new GraphBuilder({ aliases: tables.aliases, kindTable: tables.kindTable });
    const p = { source: 'O*NET', version: '29.3', sourceId: 'x' };
    for (const name of ['NodeJS', 'Node.js', 'Acme Widget', 'Widget', 'Gadget']) {
      builder.node({ kind: 'TOOL', kindBy: 'source', name, provenance: p });
    }
    const { nearMisses } = builder.build().merges;
    expect(nearMisses.map((m) => m.names.sort())).toEqual([
      ['Node.js', 'NodeJS'],
      ['Acme Widget', 'Widget'],
    ]);
  });
});

describe('the SourceGraph of the committed slices', () => {
  let graph: SourceGraph;
  let merges: Awaited<ReturnType<typeof readSources>>['merges'];
  beforeAll(async () => {
    ({ graph, merges } = await readSources({
      article: [SEED],
      onet: [path.join(FIXTURES, 'onet')],
      esco: [path.join(FIXTURES, 'esco')],
      crosswalk: [path.join(FIXTURES, 'crosswalk')],
      bls: [path.join(FIXTURES, 'bls')],
    }));
  });
  const node = (id: string) => graph.nodes.find((n) => n.id === id);
  const sourcesOf = (id: string) => [...new Set(node(id)?.provenance.map((p) => p.source))].sort();

  it("gives every node an id valid by the project's rules, unique across kinds", () => {
    expect(graph.nodes.filter((n) => !idSchema.safeParse(n.id).success)).toEqual([]);
  });

  it('gives provenance to every node and edge', () => {
    expect(graph.nodes.filter((n) => n.provenance.length === 0)).toEqual([]);
    expect(graph.edges.filter((e) => e.provenance.length === 0)).toEqual([]);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(ids.size).toBe(graph.nodes.length);
    expect(graph.edges.filter((e) => !ids.has(e.from) || !ids.has(e.to))).toEqual([]);
  });

  it("makes O*NET's Docker the article's docker node, keeping both sources", () => {
    expect(graph.nodes.filter((n) => n.name.toLowerCase() === 'docker').map((n) => n.id)).toEqual(['docker']);
    expect(sourcesOf('docker')).toEqual(['O*NET', 'the article']);
    const usedBy = graph.edges.filter((e) => e.to === 'docker' && e.type === 'USES_TOOL');
    expect(usedBy.map((e) => e.from)).toEqual(expect.arrayContaining(['backend-engineer', 'software-developers']));
  });

  it.each([
    ['jira', 'Atlassian JIRA'],
    ['angular', 'Google Angular'],
    ['jenkins', 'Jenkins CI'],
    ['aws', 'Amazon Web Services AWS software'],
  ])('merges %s with %s through the alias table', (id, name) => {
    expect(node(id)?.aliases).toContain(name);
    expect(sourcesOf(id)).toContain('O*NET');
    expect(merges.merges).toContainEqual(expect.objectContaining({ id, name, by: 'alias-table' }));
  });

  it("joins ESCO's qualified labels: Python (computer programming) and Jenkins (tools ...)", () => {
    expect(sourcesOf('python')).toEqual(['ESCO', 'O*NET', 'the article']);
    expect(node('python')?.kind).toBe('LANGUAGE');
    expect(sourcesOf('jenkins')).toContain('ESCO');
    expect(node('postgresql')?.kind).toBe('TOOL');
  });

  it('gives Django, React and Spring Boot the article kind FRAMEWORK, and O*NET edges to them USES_FRAMEWORK', () => {
    for (const id of ['django', 'react', 'spring-boot']) {
      expect(node(id)?.kind).toBe('FRAMEWORK');
      expect(sourcesOf(id)).toContain('O*NET');
    }
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ type: 'USES_FRAMEWORK', from: 'software-developers', to: 'react' }),
    );
  });

  it('keeps C, C++ and C# apart', () => {
    expect(['c', 'c-plus-plus', 'c-sharp'].map((id) => node(id)?.name)).toEqual(['C', 'C++', 'C#']);
  });

  it('keeps O*NET and ESCO occupations as separate roles with their codes, alternate titles and pay', () => {
    const onet = node('software-developers')!;
    expect(onet.properties).toMatchObject({ onetCode: '15-1252.00', jobZone: 4, salary: { median: 132270 } });
    expect(node('web-developers')?.properties.alternateTitles).toContain('Back End Developer');
    const esco = node('software-developer-esco')!;
    expect(esco.properties).toMatchObject({ iscoGroup: '2512', salary: { borrowedFrom: '15-1251.00' } });
    expect(node('buyers-and-purchasing-agents-farm-products')?.properties.salaryMissing).toBe(
      'no detailed BLS row for SOC 13-1021',
    );
  });

  it('links article roles through the role mapping, and keeps the crosswalk edge that disagrees', () => {
    const equivalents = (from: string) => graph.edges.filter((e) => e.type === 'EQUIVALENT_TO' && e.from === from);
    expect(equivalents('backend-engineer').map((e) => [e.to, e.provenance[0].source])).toEqual([
      ['software-developers', 'the article mapping'],
      ['software-developer-esco', 'the article mapping'],
    ]);
    expect(equivalents('software-developer-esco')).toEqual([
      expect.objectContaining({
        to: 'computer-programmers',
        properties: expect.objectContaining({ confidence: 1, onetCode2010: '15-1131.00' }),
      }),
    ]);
  });

  it('types O*NET related occupations with tier and rank, and ESCO skill links with essential/optional', () => {
    const related = graph.edges.filter((e) => e.type === 'RELATED_TO');
    expect(related.length).toBeGreaterThan(0);
    for (const e of related)
      expect(e.properties).toEqual({
        tier: expect.stringMatching(/^(PRIMARY_SHORT|PRIMARY_LONG|SUPPLEMENTAL)$/),
        rank: expect.any(Number),
      });
    const escoSkills = graph.edges.filter((e) => e.from === 'software-developer-esco' && e.type === 'REQUIRES_SKILL');
    expect(new Set(escoSkills.map((e) => e.properties.escoRelation))).toEqual(new Set(['essential', 'optional']));
  });

  it('reports near-misses for review', () => {
    expect(merges.nearMisses.every((m) => m.ids.length >= 2 && m.why.length > 0)).toBe(true);
  });
});

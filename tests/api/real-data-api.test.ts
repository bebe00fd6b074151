import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encodeProvenance, type Provenance } from '../../src/graph/codecs';
import { openTestDatabase, uniquePrefix, type TestDatabase } from '../helpers/database';
import { postGraphQL } from '../helpers/http-client';
import { deleteByPrefix } from '../helpers/random-graph';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * The API over imported data, before any importer runs: each test graph holds exactly the
 * properties the importers store (codes, alternate titles, percentiles, encoded provenance,
 * DataSource nodes), written here with Cypher. Occupation titles are O*NET 29.3's own.
 */

const prefix = uniquePrefix('real-data');
const id = (suffix: string) => `${prefix}-${suffix}`;

const ONET: Provenance = { source: 'O*NET', version: '29.3', sourceId: '15-1254.00' };
const ARTICLE: Provenance = { source: 'the article', version: '1', sourceId: 'Backend Engineer' };

/** O*NET's alternate title rows of the committed default slice: [code, occupation, title]. */
const TITLE_ROWS = readFileSync(
  path.join(__dirname, '..', '..', 'data', 'default', 'onet', 'Alternate Titles.txt'),
  'utf8',
)
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => line.split('\t'));

/** O*NET's alternate titles of one occupation. */
const onetTitles = (code: string): string[] => TITLE_ROWS.filter((cells) => cells[0] === code).map((cells) => cells[2]);

// Not in the default slice (not computing occupations): their O*NET 29.3 titles that share words
// with "back end developer", which made them outrank Web Developers before.
const NEURODIAGNOSTIC_TITLES = [
  'Electroneurodiagnostic Technologist (END Technologist)',
  'Registered Electroneurodiagnostic Technologist (Registered END Tech)',
  'EEG Technologist (Electroencephalogram Technologist)',
  'Neurodiagnostic Technologist',
];
const EXCAVATING_TITLES = [
  'Back Digger Operator',
  'Back Filler Operator',
  'Back Hoe Machine Operator',
  'Back Hoe Operator',
  'Backhoe Operator',
  'End Loader Operator',
  'Excavator Backhoe Operator',
  'Horseback Excavator',
  'Mining Backhoe Operator',
  'Mining End Loader Operator',
];

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  // compareRoles's statement takes seconds to plan the first time on a busy machine.
  db = await openTestDatabase();
  server = await startTestServer(db);
  const roles = [
    {
      id: id('web-developers'),
      name: 'Web Developers',
      onetCode: '15-1254.00',
      jobZone: 4,
      alternateTitles: onetTitles('15-1254.00'),
      provenance: [encodeProvenance(ONET)],
      sources: ['O*NET 29.3'],
      salaryMin: 45_080,
      salaryMax: 150_000,
      salaryP10: 45_080,
      salaryP25: 60_000,
      salaryMedian: 84_960,
      salaryP75: 115_000,
      salaryP90: 150_000,
      salaryTopCoded: ['p90'],
      salaryCurrency: 'USD',
      salaryPeriod: 'YEAR',
      salaryBasis: 'BASE',
      salarySource: 'BLS OEWS May 2023, US national, all industries',
    },
    {
      id: id('software-developers'),
      name: 'Software Developers',
      onetCode: '15-1252.00',
      alternateTitles: onetTitles('15-1252.00'),
      sources: ['O*NET 29.3'],
    },
    {
      id: id('neurodiagnostic'),
      name: 'Neurodiagnostic Technologists',
      onetCode: '29-2099.01',
      alternateTitles: NEURODIAGNOSTIC_TITLES,
      description:
        'Conduct electroneurodiagnostic (END) tests such as electroencephalograms, evoked potentials, polysomnograms, or electronystagmograms.',
      sources: ['O*NET 29.3'],
      salaryMissing: 'BLS OEWS May 2023 has no detailed row for 29-2099.01',
    },
    {
      // BLS publishes only hourly figures for actors, in dollars and cents.
      id: id('actors'),
      name: 'Actors',
      onetCode: '27-2011.00',
      sources: ['O*NET 29.3'],
      salaryMin: 13.0,
      salaryMax: 100.01,
      salaryP10: 13.0,
      salaryP25: 15.98,
      salaryMedian: 20.5,
      salaryP75: 36.54,
      salaryP90: 100.01,
      salaryCurrency: 'USD',
      salaryPeriod: 'HOUR',
      salaryBasis: 'BASE',
      salarySource: 'BLS OEWS May 2023, US national, all industries',
    },
    {
      id: id('excavating'),
      name: 'Excavating and Loading Machine and Dragline Operators, Surface Mining',
      onetCode: '47-5022.00',
      alternateTitles: EXCAVATING_TITLES,
      sources: ['O*NET 29.3'],
    },
    {
      id: id('esco-web-developer'),
      name: 'web developer',
      escoUri: 'http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d',
      escoCode: '2513.2',
      iscoGroup: '2513',
      sources: ['ESCO 1.1.1'],
    },
    {
      id: id('backend-engineer'),
      name: 'Backend Engineer Test',
      provenance: [encodeProvenance(ARTICLE)],
      sources: ['Backend Engineer'],
      salaryMin: 90_000,
      salaryMax: 180_000,
      salaryCurrency: 'USD',
      salaryPeriod: 'YEAR',
      salaryBasis: 'BASE',
    },
  ];
  await db.executor.write(`UNWIND $roles AS r CREATE (n:Role) SET n = r`, { roles });
  await db.executor.write(
    `CREATE (:Tool {id: $docker, name: 'Docker', sources: ['Tools'], escoUri: 'http://data.europa.eu/esco/skill/docker'})
     CREATE (:Tool {id: $git, name: 'Git', sources: ['Tools']})
     CREATE (:Tool {id: $jquery, name: 'jQuery', sources: ['O*NET 29.3']})
     CREATE (:Skill {id: $programming, name: 'Programming', skillKind: 'skill', onetElementId: '2.B.3.e', sources: ['O*NET 29.3']})
     CREATE (:Skill {id: $apis, name: 'API design', sources: ['Skills']})
     CREATE (:Category {id: $category, name: 'Web platform development software', unspscCode: '43232100', sources: ['O*NET 29.3']})`,
    {
      docker: id('docker'),
      git: id('git'),
      jquery: id('jquery'),
      programming: id('programming'),
      apis: id('apis'),
      category: id('category'),
    },
  );
  const uses = [
    ['web-developers', 'docker', [ONET]],
    ['web-developers', 'jquery', [ONET]],
    ['backend-engineer', 'docker', [ARTICLE]],
    ['backend-engineer', 'git', [ARTICLE]],
  ] as const;
  await db.executor.write(
    `UNWIND $uses AS u MATCH (r:Role {id: u.role}), (t:Tool {id: u.tool})
     CREATE (r)-[:USES_TOOL {sources: u.sources, provenance: u.provenance}]->(t)`,
    {
      uses: uses.map(([role, tool, provenance]) => ({
        role: id(role),
        tool: id(tool),
        sources: provenance.map((p) => (p.source === 'O*NET' ? 'O*NET 29.3' : p.sourceId)),
        provenance: provenance.map(encodeProvenance),
      })),
    },
  );
  await db.executor.write(
    `MATCH (w:Role {id: $web}), (b:Role {id: $backend}), (p:Skill {id: $programming}), (a:Skill {id: $apis})
     CREATE (w)-[:REQUIRES_SKILL {sources: ['O*NET 29.3']}]->(p)
     CREATE (b)-[:REQUIRES_SKILL {sources: ['Skills']}]->(p)
     CREATE (b)-[:REQUIRES_SKILL {sources: ['Skills']}]->(a)`,
    { web: id('web-developers'), backend: id('backend-engineer'), programming: id('programming'), apis: id('apis') },
  );
  await db.executor.write(
    `UNWIND $sources AS s CREATE (d:DataSource) SET d = s, d.loadedAt = datetime('2026-11-30T10:00:00Z')`,
    {
      sources: [
        {
          key: id('onet'),
          source: 'O*NET',
          version: '29.3',
          licence: 'CC BY 4.0',
          attribution: 'O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration',
          state: 'COMPLETE',
          counts: JSON.stringify({ ROLE: 1016, TOOL: 8775 }),
          facts: JSON.stringify({ nodes: 9791 }),
        },
        {
          key: id('esco'),
          source: 'ESCO',
          version: '1.1.1',
          licence: 'CC BY 4.0',
          attribution: 'ESCO, European Commission',
          state: 'INCOMPLETE',
          counts: JSON.stringify({ ROLE: 3007 }),
          facts: JSON.stringify({}),
        },
      ],
    },
  );
});

afterAll(async () => {
  await server?.stop();
  if (db) {
    await deleteByPrefix(db.executor, prefix);
    await db.executor.write('MATCH (d:DataSource) WHERE d.key STARTS WITH $prefix DELETE d', { prefix });
    await db.close();
  }
});

async function ok(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await postGraphQL(server.url, query, variables);
  expect(answer.body?.errors).toBeUndefined();
  return answer.body!.data;
}

describe('imported occupations', () => {
  it('when an O*NET occupation is read, then its code, job zone, percentiles and top-coding come back', async () => {
    const { role } = await ok(
      `query ($id: ID!) { role(id: $id) {
        onetCode escoUri jobZone salaryMissing
        salary { min max median p10 p25 p75 p90 topCoded source borrowedFrom currency period basis }
      } }`,
      { id: id('web-developers') },
    );
    expect(role).toEqual({
      onetCode: '15-1254.00',
      escoUri: null,
      jobZone: 4,
      salaryMissing: null,
      salary: {
        min: 45_080,
        max: 150_000,
        median: 84_960,
        p10: 45_080,
        p25: 60_000,
        p75: 115_000,
        p90: 150_000,
        topCoded: ['p90'],
        source: 'BLS OEWS May 2023, US national, all industries',
        borrowedFrom: null,
        currency: 'USD',
        period: 'YEAR',
        basis: 'BASE',
      },
    });
  });

  it('when an occupation is paid by the hour, then the whole-unit fields are rounded and `amounts` keeps the cents', async () => {
    const { role } = await ok(
      `query ($id: ID!) { role(id: $id) {
        salary { min max p25 median period amounts { min max p10 p25 median p75 p90 } }
      } }`,
      { id: id('actors') },
    );
    expect(role.salary).toEqual({
      min: 13,
      max: 100,
      p25: 16,
      median: 21,
      period: 'HOUR',
      amounts: { min: 13, max: 100.01, p10: 13, p25: 15.98, median: 20.5, p75: 36.54, p90: 100.01 },
    });
  });

  it('when an hourly role is compared with a yearly one, then there is no pay difference', async () => {
    const { compareRoles } = await ok(
      `query ($a: ID!, $b: ID!) { compareRoles(a: $a, b: $b) { salaryDifference { min } } }`,
      {
        a: id('actors'),
        b: id('web-developers'),
      },
    );
    expect(compareRoles).toEqual({ salaryDifference: null });
  });

  it('when an occupation has no pay figure, then salary is null and salaryMissing says why', async () => {
    const { role } = await ok(`query ($id: ID!) { role(id: $id) { salary { min } salaryMissing } }`, {
      id: id('neurodiagnostic'),
    });
    expect(role).toEqual({ salary: null, salaryMissing: 'BLS OEWS May 2023 has no detailed row for 29-2099.01' });
  });

  it('when an ESCO occupation is read, then its URI, code and ISCO group come back', async () => {
    const { role } = await ok(`query ($id: ID!) { role(id: $id) { escoUri escoCode iscoGroup onetCode jobZone } }`, {
      id: id('esco-web-developer'),
    });
    expect(role).toEqual({
      escoUri: 'http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d',
      escoCode: '2513.2',
      iscoGroup: '2513',
      onetCode: null,
      jobZone: null,
    });
  });

  it('when alternate titles are read with `first`, then a page comes back and the count covers them all', async () => {
    const titles = onetTitles('15-1254.00');
    expect(titles.length).toBeGreaterThan(10);
    const { role } = await ok(
      `query ($id: ID!) { role(id: $id) { few: alternateTitles(first: 3) all: alternateTitles alternateTitlesCount } }`,
      { id: id('web-developers') },
    );
    expect(role.few).toEqual(titles.slice(0, 3));
    expect(role.all).toEqual(titles.slice(0, 100));
    expect(role.alternateTitlesCount).toBe(titles.length);
  });

  it('when a skill and a category are read, then their publisher ids come back', async () => {
    const data = await ok(
      `query ($skill: ID!, $category: ID!, $tool: ID!) {
        skill(id: $skill) { skillKind onetElementId escoUri }
        category(id: $category) { unspscCode }
        tool(id: $tool) { escoUri }
      }`,
      { skill: id('programming'), category: id('category'), tool: id('docker') },
    );
    expect(data).toEqual({
      skill: { skillKind: 'skill', onetElementId: '2.B.3.e', escoUri: null },
      category: { unspscCode: '43232100' },
      tool: { escoUri: 'http://data.europa.eu/esco/skill/docker' },
    });
  });
});

describe('provenance', () => {
  it('when a node and its links are read, then each names its sources with their own ids', async () => {
    const { tool } = await ok(
      `query ($id: ID!) { tool(id: $id) {
        provenance { source }
        usedByLinks { role { id } sources provenance { source version sourceId } }
      } }`,
      { id: id('docker') },
    );
    expect(tool.provenance).toEqual([]);
    const byRole = Object.fromEntries(
      (tool.usedByLinks as { role: { id: string }; provenance: unknown }[]).map((l) => [l.role.id, l.provenance]),
    );
    expect(byRole).toEqual({ [id('web-developers')]: [ONET], [id('backend-engineer')]: [ARTICLE] });
    const { role } = await ok(`query ($id: ID!) { role(id: $id) { sources provenance { source version sourceId } } }`, {
      id: id('web-developers'),
    });
    expect(role).toEqual({ sources: ['O*NET 29.3'], provenance: [ONET] });
  });
});

describe('dataSources', () => {
  it('when imports have run, then each source lists its release, licence, state and distinct ids per kind', async () => {
    const { dataSources } = await ok(
      `{ dataSources { key name version licence attribution loadedAt state counts { kind count } } }`,
    );
    const mine = (dataSources as { key: string }[]).filter((d) => d.key.startsWith(prefix));
    expect(mine).toEqual([
      {
        key: id('esco'),
        name: 'ESCO',
        version: '1.1.1',
        licence: 'CC BY 4.0',
        attribution: 'ESCO, European Commission',
        loadedAt: '2026-11-30T10:00:00Z',
        state: 'INCOMPLETE',
        counts: [{ kind: 'ROLE', count: 3007 }],
      },
      {
        key: id('onet'),
        name: 'O*NET',
        version: '29.3',
        licence: 'CC BY 4.0',
        attribution: 'O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration',
        loadedAt: '2026-11-30T10:00:00Z',
        state: 'COMPLETE',
        counts: [
          { kind: 'ROLE', count: 1016 },
          { kind: 'TOOL', count: 8775 },
        ],
      },
    ]);
  });
});

describe('search by alternate title', () => {
  const SEARCH = `query ($text: String!) { search(text: $text, first: 50, kinds: [ROLE]) { node { id } } }`;
  const others = (code: string) => id(`onet-${code}`);
  const mine = new Set(['web-developers', 'software-developers', 'neurodiagnostic', 'excavating'].map(id));

  // Every other occupation of the slice with all its titles, so that words are as common as in O*NET.
  beforeAll(async () => {
    const codes = [...new Set(TITLE_ROWS.map((cells) => cells[0]))].filter(
      (c) => !['15-1254.00', '15-1252.00'].includes(c),
    );
    const roles = codes.map((code) => ({
      id: others(code),
      name: TITLE_ROWS.find((cells) => cells[0] === code)![1],
      alternateTitles: onetTitles(code),
      sources: ['O*NET 29.3'],
    }));
    expect(roles.length).toBeGreaterThan(100);
    await db.executor.write('UNWIND $roles AS r CREATE (n:Role) SET n = r', { roles });
    for (const code of codes) mine.add(others(code));
  });

  it.each(['back end developer', 'back-end developer', 'backend developer', 'Back End Developer'])(
    'when %p is searched, then Web Developers comes first of the occupations and the look-alikes trail',
    async (text) => {
      const { search } = await ok(SEARCH, { text });
      const ranked = (search as { node: { id: string } }[]).map((h) => h.node.id).filter((hit) => mine.has(hit));
      const rank = (hit: string) => (ranked.includes(hit) ? ranked.indexOf(hit) : Infinity);
      expect(ranked[0]).toBe(id('web-developers'));
      expect(rank(id('neurodiagnostic'))).toBeGreaterThanOrEqual(5);
      expect(rank(id('excavating'))).toBeGreaterThanOrEqual(5);
    },
  );
});

describe('the questions across article roles and imported occupations', () => {
  it('when an article role and an O*NET occupation are compared, then what they share and their pay difference come back', async () => {
    const a = id('backend-engineer');
    const b = id('web-developers');
    const data = await ok(
      `query ($a: ID!, $b: ID!) {
        sharedTools(roleIds: [$a, $b]) { id }
        compareRoles(a: $a, b: $b) { tools { shared { id } onlyA { id } onlyB { id } } salaryDifference { min max currency } }
        skillGap(from: $b, to: $a) { missingSkills { id } sharedSkills { id } newTools { id } coverage }
        similarRoles(id: $a, first: 50) { role { id } sharedTools { id } }
      }`,
      { a, b },
    );
    expect(data.sharedTools).toEqual([{ id: id('docker') }]);
    expect(data.compareRoles).toEqual({
      tools: { shared: [{ id: id('docker') }], onlyA: [{ id: id('git') }], onlyB: [{ id: id('jquery') }] },
      salaryDifference: { min: 45_080 - 90_000, max: 150_000 - 180_000, currency: 'USD' },
    });
    expect(data.skillGap).toEqual({
      missingSkills: [{ id: id('apis') }],
      sharedSkills: [{ id: id('programming') }],
      newTools: [{ id: id('git') }],
      coverage: 0.5,
    });
    expect(data.similarRoles).toContainEqual({ role: { id: b }, sharedTools: [{ id: id('docker') }] });
  });
});

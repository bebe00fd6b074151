import neo4j from 'neo4j-driver';
import { SEARCH_PROBE_FACTOR } from '../../src/graph/cypher/read.cypher';
import { toLuceneQuery } from '../../src/graph/search-query';
import { type TestDatabase } from '../helpers/database';
import type { TestGraphQL } from '../helpers/graphql';
import { startTestServer } from '../helpers/server';
import { closeSeededApi, codesOf, openSeededApi, SeedIndex } from './read-api.seed';

let db: TestDatabase;
let gql: TestGraphQL;
let seed: SeedIndex;

beforeAll(async () => {
  ({ db, gql, seed } = await openSeededApi());
});
afterAll(() => closeSeededApi({ db, gql }));

interface Hit {
  score: number;
  node: { __typename: string; id: string; name: string };
}

const SEARCH = `query ($text: String!, $first: Int, $kinds: [NodeKind!]) {
  search(text: $text, first: $first, kinds: $kinds) { score node { __typename id name } }
}`;

async function search(text: string, options: { first?: number; kinds?: string[] } = {}): Promise<Hit[]> {
  const { data, errors } = await gql.run(SEARCH, { text, first: options.first ?? 10, kinds: options.kinds ?? null });
  expect({ text, errors }).toEqual({ text, errors: undefined });
  const hits = data!.search as Hit[];
  expectRanked(hits);
  return hits;
}

function expectRanked(hits: Hit[]) {
  for (const h of hits) expect(h.score).toBeGreaterThan(0);
  for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
  const keys = hits.map((h) => `${h.node.__typename}:${h.node.id}`);
  expect(new Set(keys).size).toBe(keys.length);
}

const ids = (hits: Hit[]) => hits.map((h) => h.node.id);

describe('ranking', () => {
  it('when "kubernetes" is searched, then the first hit is the Kubernetes tool and scores go down', async () => {
    const hits = await search('kubernetes');
    expect(hits[0].node).toEqual({ __typename: 'Tool', id: 'kubernetes', name: 'Kubernetes' });
    expect(hits.length).toBeGreaterThan(0);
  });

  it.each([
    ['PostgreSQL', 'postgresql'],
    ['Grafana', 'grafana'],
    ['Django', 'django'],
    ['Coinbase', 'coinbase'],
    ['Jira', 'jira'],
  ])('when the exact name "%s" is searched, then that node is the first hit', async (text, id) => {
    const hits = await search(text);
    expect(hits[0].node.id).toBe(id);
  });

  it('when a term matches a name and only descriptions elsewhere, then the name match ranks above them', async () => {
    const hits = await search('grafana');
    const top = hits[0];
    expect(top.node.id).toBe('grafana');
    for (const other of hits.slice(1)) expect(other.score).toBeLessThan(top.score);
  });

  it('when a common word is searched, then at most `first` hits come back, 10 by default', async () => {
    const { data, errors } = await gql.run('{ search(text: "engineer") { score node { id } } }');
    expect(errors).toBeUndefined();
    expect(data!.search.length).toBeGreaterThan(1);
    expect(data!.search.length).toBeLessThanOrEqual(10);
    expect(await search('engineer', { first: 3 })).toHaveLength(3);
    expect(await search('engineer', { first: 1 })).toHaveLength(1);
    const many = await search('engineer', { first: 50 });
    expect(many.length).toBeGreaterThan(10);
  });

  it('when the same text is searched twice, then the hits and their order are identical', async () => {
    expect(await search('senior engineer', { first: 50 })).toEqual(await search('senior engineer', { first: 50 }));
  });
});

describe('partial words and aliases', () => {
  it.each([
    ['kube', 'kubernetes'],
    ['Kuber', 'kubernetes'],
    ['postgres', 'postgresql'],
    ['graf', 'grafana'],
    ['mentor', 'mentoring'],
    ['micro', 'microsoft'],
    ['spring', 'spring-boot'],
  ])('when the partial word "%s" is searched, then %s is among the hits', async (text, id) => {
    expect(ids(await search(text))).toContain(id);
  });

  it('when an alias only ("K8s") is searched, then the node it names is the first hit', async () => {
    const hits = await search('K8s');
    expect(hits[0].node.id).toBe('kubernetes');
  });

  it.each([
    ['Postgres', 'postgresql'],
    ['Amazon Web Services', 'aws'],
    ['Visual Studio Code', 'vs-code'],
    ['NodeJS', 'node-js'],
    ['Mentorship', 'mentoring'],
    ['Software Architect', 'architect'],
  ])('when the alias "%s" is searched, then %s is among the hits', async (text, id) => {
    expect(ids(await search(text))).toContain(id);
  });

  it('when a word from a description only is searched, then the node it describes is found', async () => {
    // "orchestration" is in Kubernetes' description, not its name or aliases.
    expect(seed.node('kubernetes').description).toMatch(/orchestration/i);
    expect(ids(await search('orchestration'))).toContain('kubernetes');
  });

  it('when "CI/CD" is searched, then the CI/CD workflow is found', async () => {
    expect(ids(await search('CI/CD', { first: 20 }))).toContain('ci-cd-pipelines');
  });
});

describe('text with query syntax', () => {
  const TRICKY = [
    'C++',
    'CI/CD',
    '"',
    '"unbalanced',
    '(',
    ')',
    '((',
    '~',
    'kubernetes~',
    'AND',
    'OR',
    'NOT',
    'kubernetes AND',
    'AND OR NOT',
    '\\',
    'kube\\',
    ':',
    'name:kubernetes',
    '*',
    '?',
    'kube*',
    '[a TO z]',
    '{',
    '}',
    '^2',
    '!',
    '&&',
    '||',
    '-',
    '+',
    '/regex/',
    '/',
    "'",
    '`',
    '$',
    '%',
    'Node.js',
    'the',
    'a',
    'ü',
    '日本',
    '🚀',
  ];
  it.each(TRICKY)('when %j is searched, then there is no error and the hits are a ranked list', async (text) => {
    const hits = await search(text);
    expect(Array.isArray(hits)).toBe(true);
  });

  it('when "C++" is searched, then it answers like the letter it holds would, without a parse error', async () => {
    const hits = await search('C++');
    expect(Array.isArray(hits)).toBe(true);
  });

  it('when a quoted phrase or an operator surrounds a real word, then the word is still found', async () => {
    expect(ids(await search('"kubernetes"'))).toContain('kubernetes');
    expect(ids(await search('(kubernetes)'))).toContain('kubernetes');
    expect(ids(await search('name:grafana'))).toContain('grafana');
    expect(ids(await search('NOT docker'))).toContain('docker');
  });
});

describe('bad search input', () => {
  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['200 characters', 'k'.repeat(200)],
    ['500 characters of words', 'kubernetes '.repeat(50)],
  ])('when the text is %s, then the answer is BAD_USER_INPUT', async (_what, text) => {
    const { data, errors } = await gql.run(SEARCH, { text });
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors![0].message).toMatch(/\btext\b/);
    expect(data ?? null).toBeNull();
  });

  it('when the text is 199 characters, then it is accepted', async () => {
    const text = `kubernetes ${'x'.repeat(188)}`;
    expect(text).toHaveLength(199);
    expect(ids(await search(text))).toContain('kubernetes');
  });

  it.each([0, -1, 51])('when first is %i, then the answer is BAD_USER_INPUT naming `first`', async (first) => {
    const { errors } = await gql.run(SEARCH, { text: 'kubernetes', first });
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors![0].message).toMatch(/\bfirst\b/);
  });

  it('when kinds names a kind that does not exist, then GraphQL rejects it as bad input', async () => {
    const { errors } = await gql.run(SEARCH, { text: 'kubernetes', kinds: ['PLANET'] });
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('kinds', () => {
  it('when kinds is [ROLE], then only roles come back', async () => {
    const hits = await search('backend', { kinds: ['ROLE'], first: 50 });
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.node.__typename))).toEqual(new Set(['Role']));
    expect(ids(hits)).toContain('backend-engineer');
  });

  it('when kinds is [TOOL, CATEGORY], then only tools and categories come back, both of them', async () => {
    const hits = await search('cloud', { kinds: ['TOOL', 'CATEGORY'], first: 50 });
    expect(new Set(hits.map((h) => h.node.__typename))).toEqual(new Set(['Tool', 'Category']));
    expect(ids(hits)).toEqual(expect.arrayContaining(['aws', 'cloud-platform']));
  });

  it('when kinds excludes the only matches, then the list is empty', async () => {
    expect(await search('kubernetes', { kinds: ['EMPLOYER'] })).toEqual([]);
  });

  it('when kinds narrows a search, then the hits are the unrestricted hits of those kinds, in the same order', async () => {
    const all = await search('engineer', { first: 50 });
    const roles = await search('engineer', { kinds: ['ROLE'], first: 50 });
    expect(ids(roles)).toEqual(ids(all.filter((h) => h.node.__typename === 'Role')));
  });

  it.each([
    ['SKILL', 'Skill', 'design'],
    ['FRAMEWORK', 'Framework', 'framework'],
    ['EMPLOYER', 'Employer', 'company'],
    ['WORKFLOW', 'Workflow', 'code'],
    ['LANGUAGE', 'Language', 'programming'],
  ])('when kinds is [%s], then every hit is a %s', async (kind, typename, text) => {
    const hits = await search(text, { kinds: [kind], first: 50 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.node.__typename).toBe(typename);
  });
});

describe('hits as nodes', () => {
  it('when hits are read through type fragments, then each kind shows its own fields and relationships', async () => {
    const { data, errors } = await gql.run(`{
      search(text: "backend kubernetes", first: 20) {
        score
        node {
          __typename id name aliases sources
          ... on Role { level track tools { id } }
          ... on Tool { categories { id } usedBy { id } }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    const role = data!.search.find((h: Hit) => h.node.id === 'backend-engineer');
    const tool = data!.search.find((h: Hit) => h.node.id === 'kubernetes');
    expect(role.node).toMatchObject({ __typename: 'Role', level: 2, track: 'IC' });
    expect(role.node.tools.map((t: { id: string }) => t.id).sort()).toEqual(
      seed.out('USES_TOOL', 'backend-engineer').sort(),
    );
    expect(tool.node.categories.map((c: { id: string }) => c.id)).toEqual(seed.out('IN_CATEGORY', 'kubernetes'));
    expect(tool.node.usedBy.map((r: { id: string }) => r.id).sort()).toEqual(seed.in('USES_TOOL', 'kubernetes').sort());
  });

  it('when search is called over HTTP, then it answers with ranked hits', async () => {
    const server = await startTestServer(db);
    try {
      const { status, body } = await server.post({
        query: 'query ($t: String!) { search(text: $t, first: 5) { score node { __typename id } } }',
        variables: { t: 'K8s' },
      });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const hits = (body.data as { search: Hit[] }).search;
      expect(hits[0].node).toEqual({ __typename: 'Tool', id: 'kubernetes' });

      const bad = await server.post({ query: '{ search(text: "") { score } }' });
      expect((bad.body.errors as { extensions: { code: string } }[])[0].extensions.code).toBe('BAD_USER_INPUT');
    } finally {
      await server.stop();
    }
  });
});

describe("a page taken from the index's best hits", () => {
  it('when names, words and letters are searched at every page size, then each page is the first of every hit ranked by score, name and id, whether the best hits were enough or not', async () => {
    const names = Object.values(seed.facts.nodes).flatMap((nodes) => nodes.map((n) => n.name));
    const texts = [...names, 'engineer', 'senior engineer', 'data', 'cloud', 'developer tools', 'a', 'e', 's'];
    const session = db.driver.session({ database: db.config.neo4j.database, defaultAccessMode: neo4j.session.READ });
    const taken = { enough: 0, notEnough: 0 };
    try {
      for (const text of texts) {
        const query = toLuceneQuery(text);
        if (query === null) continue;
        const every = (
          await session.run(
            `CALL db.index.fulltext.queryNodes('node_search', $query) YIELD node AS n, score
             RETURN score, n.id AS id ORDER BY score DESC, n.name, n.id`,
            { query },
          )
        ).records.map((r) => ({ score: r.get('score') as number, id: r.get('id') as string }));
        for (const first of [1, 2, 3, 5, 10, 50]) {
          const hits = await search(text, { first });
          expect({ text, first, hits: hits.map((h) => ({ score: h.score, id: h.node.id })) }).toEqual({
            text,
            first,
            hits: every.slice(0, first),
          });
          // What the statement decides from the index's best `probe` hits, worked out from all of them.
          const probe = first * SEARCH_PROBE_FACTOR;
          const enough = every.length < probe || every[first - 1].score > every[probe - 1].score;
          taken[enough ? 'enough' : 'notEnough']++;
        }
      }
    } finally {
      await session.close();
    }
    // Both ways of answering were checked.
    expect(taken.enough).toBeGreaterThan(0);
    expect(taken.notEnough).toBeGreaterThan(0);
  });
});

import type { TestDatabase } from '../helpers/database';
import type { TestGraphQL } from '../helpers/graphql';
import { closeSeededApi, openSeededApi, type SeedIndex } from './read-api.seed';

/*
 * Lean reads: nodes a query asks only for `__typename`, `id` and `name` (and relationship or
 * traversal fields, which need only the id) are read without their other properties. Each case
 * below is run twice: once asking its nodes only for names, once asking some of them for fields
 * that need the full record. The full answer, cut down to what the names-only query asked, must
 * be the names-only answer (same nodes, same order), and every full field must be what Neo4j
 * holds — a full field answered from a lean record would come back null or fail as non-null.
 */

let db: TestDatabase;
let gql: TestGraphQL;
let seed: SeedIndex;

/** Roles and other nodes the cases are about, chosen from the seed so that what they read is not empty. */
interface Ids {
  /** Start of a promotion to `mid`; both state a salary and a seniority. */
  from: string;
  mid: string;
  /** A promotion of `mid`: reachable from `from` in two steps, not one. */
  far: string;
  /** A level below far's: a page of roles up to it never holds far (pathsTo to itself is an error). */
  belowFar: number;
  /** The tool most roles use, the category with most tools, the framework that runs on most tools. */
  tool: string;
  category: string;
  framework: string;
}
let ids: Ids;

beforeAll(async () => {
  ({ db, gql, seed } = await openSeededApi());
  const roles = seed.facts.nodes.ROLE as { id: string; salary?: unknown; seniority?: string }[];
  const described = (id: string) => roles.some((r) => r.id === id && r.salary && r.seniority);
  const promotion = seed.rels('PROGRESSES_TO').find((r) => described(r.from) && described(r.to));
  if (!promotion) throw new Error('The seed has no promotion between two roles with salary and seniority');
  const far = seed
    .ordered(seed.out('PROGRESSES_TO', promotion.to))
    .find((id) => !seed.out('PROGRESSES_TO', promotion.from).includes(id) && id !== promotion.from);
  if (!far) throw new Error(`The seed has no promotion from ${promotion.to} two steps from ${promotion.from}`);
  const farLevel = (roles.find((r) => r.id === far) as { level?: number }).level;
  if (farLevel === undefined) throw new Error(`The seed gives ${far} no level`);
  ids = {
    from: promotion.from,
    mid: promotion.to,
    far,
    belowFar: farLevel - 1,
    tool: seed.busiestTo('USES_TOOL'),
    category: seed.busiestTo('IN_CATEGORY'),
    framework: seed.busiestFrom('RUNS_ON'),
  };
});
afterAll(() => closeSeededApi({ db, gql }));

// ---- What Neo4j holds --------------------------------------------------------------------------

const NODE_TYPES = new Set(['Role', 'Tool', 'Skill', 'Framework', 'Employer', 'Workflow', 'Language', 'Category']);

/** Fields of a node that a lean record does not carry, as the API names them. */
const FULL_FIELDS = [
  'description',
  'aliases',
  'sources',
  'updatedAt',
  'seniority',
  'level',
  'track',
  'summary',
  'bestFor',
  'responsibilities',
  'onboardingFocus',
  'documentationNeeds',
  'ergonomics',
  'salary',
] as const;
type FullField = (typeof FULL_FIELDS)[number];

type Stored = Record<'name' | FullField, unknown>;

/** The nodes' properties read with Cypher, keyed "Label:id", in the API's terms. */
async function stored(keys: { label: string; id: string }[]): Promise<Map<string, Stored>> {
  const rows = await db.executor.read(
    `UNWIND $keys AS k
     MATCH (n {id: k.id}) WHERE k.label IN labels(n)
     RETURN k.label AS label, n.id AS id, n.name AS name, n.description AS description,
       n.aliases AS aliases, n.sources AS sources, n.updatedAt.epochMillis AS updatedAt,
       n.seniority AS seniority, n.level AS level, n.track AS track, n.summary AS summary,
       n.bestFor AS bestFor, n.responsibilities AS responsibilities, n.onboardingFocus AS onboardingFocus,
       n.documentationNeeds AS documentationNeeds, n.ergonomics AS ergonomics,
       n.salaryMin AS salaryMin, n.salaryMax AS salaryMax, n.salaryCurrency AS salaryCurrency,
       n.salaryPeriod AS salaryPeriod, n.salaryBasis AS salaryBasis, n.salaryRegion AS salaryRegion,
       n.salaryCaveat AS salaryCaveat`,
    { keys },
  );
  return new Map(
    rows.map((r) => [
      `${r.label}:${r.id}`,
      {
        name: r.name,
        description: r.description,
        aliases: r.aliases ?? [],
        sources: r.sources ?? [],
        updatedAt: r.updatedAt,
        seniority: r.seniority,
        level: r.level,
        track: r.track,
        summary: r.summary,
        bestFor: r.bestFor,
        responsibilities: r.responsibilities ?? [],
        onboardingFocus: r.onboardingFocus,
        documentationNeeds: r.documentationNeeds,
        ergonomics: r.ergonomics,
        salary:
          r.salaryMin === null
            ? null
            : {
                min: r.salaryMin,
                max: r.salaryMax,
                currency: r.salaryCurrency,
                period: r.salaryPeriod,
                basis: r.salaryBasis,
                region: r.salaryRegion,
                caveat: r.salaryCaveat,
              },
      },
    ]),
  );
}

// ---- Walking answers ---------------------------------------------------------------------------

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A node object of an answer: where it is (list indices left out), its type, id and fields. */
interface SeenNode {
  at: string;
  typename: string;
  id: string;
  fields: Record<string, Json>;
}

function nodesIn(value: Json, at = ''): SeenNode[] {
  if (Array.isArray(value)) return value.flatMap((v) => nodesIn(v, at));
  if (!isObject(value)) return [];
  const own: SeenNode[] =
    typeof value.__typename === 'string' && NODE_TYPES.has(value.__typename) && typeof value.id === 'string'
      ? [{ at, typename: value.__typename, id: value.id, fields: value }]
      : [];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => nodesIn(v, at ? `${at}.${k}` : k))];
}

/** `full` cut down to the keys `lean` has, list by list: what the names-only query would see. */
function cutTo(full: Json, lean: Json): Json {
  if (Array.isArray(full) && Array.isArray(lean)) {
    return full.map((item, i) => (i < lean.length ? cutTo(item, lean[i]) : item));
  }
  if (isObject(full) && isObject(lean)) {
    return Object.fromEntries(Object.keys(lean).map((k) => [k, k in full ? cutTo(full[k], lean[k]) : '(missing)']));
  }
  return full;
}

/** Each list position of an answer ("a.b.c") with whether some list there is non-empty. */
function listPositions(value: Json, at = '', out = new Map<string, boolean>()): Map<string, boolean> {
  if (Array.isArray(value)) {
    out.set(at, (out.get(at) ?? false) || value.length > 0);
    for (const v of value) listPositions(v, at, out);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) listPositions(v, at ? `${at}.${k}` : k, out);
  }
  return out;
}

const informative = (v: Json) => v !== null && !(Array.isArray(v) && v.length === 0);

/**
 * Checks every node's name and full fields against Neo4j; returns, for each "position.field"
 * asked, whether some node there has a non-null (non-empty) value, so checks cannot be vacuous.
 */
async function expectAsStored(data: Json): Promise<Map<string, boolean>> {
  const nodes = nodesIn(data);
  const graph = await stored(nodes.map((n) => ({ label: n.typename, id: n.id })));
  const seenValues = new Map<string, boolean>();
  for (const node of nodes) {
    const key = `${node.typename}:${node.id}`;
    const held = graph.get(key);
    expect({ at: node.at, key, inGraph: held !== undefined }).toEqual({ at: node.at, key, inGraph: true });
    expect({ at: node.at, key, name: node.fields.name }).toEqual({ at: node.at, key, name: held!.name });
    for (const field of FULL_FIELDS) {
      if (!(field in node.fields)) continue;
      const got = node.fields[field];
      let actual: unknown = got;
      let expected: unknown = held![field];
      if (field === 'updatedAt') {
        // The API renders the datetime truncated to milliseconds: compare the instants.
        actual = typeof got === 'string' ? Date.parse(got) : got;
      } else if (field === 'salary' && isObject(got) && isObject(expected)) {
        const full = expected;
        expected = Object.fromEntries(Object.keys(got).map((k) => [k, full[k]]));
      }
      expect({ at: `${node.at}.${field}`, key, value: actual }).toEqual({
        at: `${node.at}.${field}`,
        key,
        value: expected,
      });
      const position = `${node.at}.${field}`;
      seenValues.set(position, (seenValues.get(position) ?? false) || informative(got));
    }
  }
  return seenValues;
}

// ---- The cases ---------------------------------------------------------------------------------

/** What every node selection asks at least: all a lean record carries. */
const N = '__typename id name';

interface LeanCase {
  /** The query; `x(fields)` is `fields` in the full version and nothing in the names-only one. */
  query: (x: (fields: string) => string, ids: Ids) => string;
  /** Variables of each version (for @include/@skip cases, where the text is the same). */
  variables?: (full: boolean) => Record<string, unknown>;
}

const CASES: Record<string, LeanCase> = {
  'a role is asked for its own fields': {
    query: (x, { from }) => `{ role(id: "${from}") { ${N}
      ${x('aliases sources updatedAt seniority level track summary bestFor responsibilities onboardingFocus documentationNeeds ergonomics salary { min max currency period basis region caveat }')}
    } }`,
  },
  'the same relationship is selected twice at one level, the names first': {
    query: (x, { from }) => `{ role(id: "${from}") { ${N}
      tools { ${N} }
      t2: tools { ${N} ${x('description aliases sources updatedAt')} }
    } }`,
  },
  'the same relationship is selected twice at one level, the full one first': {
    query: (x, { from }) => `{ role(id: "${from}") { ${N}
      t1: tools { ${N} ${x('description aliases sources')} }
      tools { ${N} }
      skills { ${N} }
      s2: skills { ${N} ${x('description aliases')} }
    } }`,
  },
  'the same relationship is selected under two roles with different selections': {
    query: (x, { from, mid }) => `{
      a: role(id: "${from}") { ${N} tools { ${N} } nextRoles { ${N} } }
      b: role(id: "${mid}") { ${N} tools { ${N} ${x('description aliases')} } previousRoles { ${N} ${x('seniority salary { min max }')} } }
    }`,
  },
  'the same role is looked up twice, once for names and once in full': {
    query: (x, { from }) => `{
      a: role(id: "${from}") { ${N} }
      b: role(id: "${from}") { ${N} ${x('summary seniority level salary { min max } aliases')} }
    }`,
  },
  'the fields come through named fragments': {
    query: (x, { from }) => `query { role(id: "${from}") { ...RoleBits tools { ...ToolBits } } }
      fragment RoleBits on Role { ${N} ${x('summary seniority salary { min max }')} }
      fragment ToolBits on Tool { ${N} ${x('description aliases')} }`,
  },
  'a fragment adds full fields to a relationship also selected for names': {
    query: (x, { from }) => `query { role(id: "${from}") { ${N} skills { ${N} } ...More } }
      fragment More on Role { skills { id ${x('description aliases')} } }`,
  },
  'the fields come through inline fragments, on the type and on the interface': {
    query: (x, { from }) => `{ role(id: "${from}") { ${N}
      ... on Node { id ${x('aliases sources updatedAt')} }
      ... on Role { tools { ${N} ... on Node { id ${x('description')} } } }
      nextRoles { ${N} ... on Role { id ${x('summary')} } }
    } }`,
  },
  'the fields are switched on with @include and @skip and variables': {
    query: (_x, { from }) => `query ($full: Boolean!, $lean: Boolean!) { role(id: "${from}") { ${N}
      summary @include(if: $full)
      salary @skip(if: $lean) { min max }
      tools { ${N} description @include(if: $full) aliases @skip(if: $lean) }
      nextRoles { ${N} ... on Role @include(if: $full) { seniority level } }
      skills { ${N} ...SkillBits @include(if: $full) }
    } }
    fragment SkillBits on Skill { description aliases }`,
    variables: (full) => ({ full, lean: !full }),
  },
  'links are asked, with the far ends in full, next to the same relationship as nodes': {
    query: (x, { from }) => `{ role(id: "${from}") { ${N}
      tools { ${N} }
      toolUsages { emphasis tool { ${N} ${x('description aliases')} } }
      skillRequirements { emphasis skill { ${N} ${x('description')} } }
      hirings { employer { ${N} ${x('description sources')} } }
      promotions { role { ${N} ${x('seniority summary salary { min max }')} } }
    } }`,
  },
  'a connection asks its nodes for full fields': {
    query: (x) =>
      `{ roles(first: 5) { edges { cursor node { ${N} ${x('summary seniority level salary { min max currency }')} } } } }`,
  },
  'a connection asks nodes two levels down for full fields': {
    query: (x) => `{ tools(first: 20) { totalCount edges { node { ${N} ${x('description aliases')}
      usedBy { ${N} ${x('seniority level summary')} }
      categories { ${N} ${x('description')} }
    } } } }`,
  },
  'relationships are followed from a tool, a category and a framework': {
    query: (x, { tool, category, framework }) => `{
      tool(id: "${tool}") { ${N} usedBy { ${N} ${x('seniority salary { max } summary')} nextRoles { ${N} ${x('level')} } } }
      category(id: "${category}") { ${N} ${x('description')} tools { ${N} ${x('description aliases')} } }
      framework(id: "${framework}") { ${N} runsOn { ${N} ${x('description')} } usedBy { ${N} ${x('track level')} } }
    }`,
  },
  'search hits ask for full fields through inline fragments': {
    query: (x) => `{ search(text: "engineer", first: 30) { node { ${N}
      ... on Role { id ${x('seniority summary')} }
      ... on Tool { id ${x('aliases')} }
      ... on Node { id ${x('description')} }
    } } }`,
  },
  'sharedTools, sharedSkills and sharedFrameworks ask for full fields': {
    query: (x, { from, mid }) => `{
      sharedTools(roleIds: ["${from}", "${mid}"]) { ${N} ${x('description aliases sources')} }
      sharedSkills(roleIds: ["${from}", "${mid}"]) { ${N} ${x('description aliases')} }
      sharedFrameworks(roleIds: ["${from}", "${mid}"]) { ${N} ${x('description')} }
      names: sharedSkills(roleIds: ["${mid}", "${from}"]) { ${N} }
    }`,
  },
  'shared tools are asked for the roles that use them in full': {
    query: (x, { from, mid }) => `{
      sharedTools(roleIds: ["${from}", "${mid}"]) { ${N} usedBy { ${N} ${x('summary level')} } }
    }`,
  },
  'compareRoles asks for full overlaps and full roles': {
    query: (x, { from, mid }) => `{ compareRoles(a: "${from}", b: "${mid}") {
      a { ${N} ${x('salary { min } seniority summary')} }
      b { ${N} ${x('salary { min max } level')} }
      tools { shared { ${N} ${x('description')} } onlyA { ${N} ${x('aliases')} } onlyB { ${N} } jaccard }
      skills { shared { ${N} } onlyA { ${N} ${x('description')} } onlyB { ${N} ${x('description aliases')} } }
      frameworks { shared { ${N} ${x('description')} } onlyA { ${N} } onlyB { ${N} } }
      workflows { shared { ${N} ${x('description aliases')} } }
      employers { shared { ${N} ${x('description')} } onlyA { ${N} } }
      similarity
    } }`,
  },
  'progressionPaths asks for full roles, steps and skills': {
    query: (x, { from, far }) => `{ progressionPaths(from: "${from}", to: "${far}") {
      length
      roles { ${N} ${x('level summary')} }
      steps { kind from { ${N} ${x('seniority')} } to { ${N} } }
      skillsToAcquire { ${N} ${x('description')} }
      toolsToLearn { ${N} }
    } }`,
  },
  'progressionPaths asks only the steps’ starts in full': {
    query: (x, { from, far }) => `{ progressionPaths(from: "${from}", to: "${far}") {
      roles { ${N} } steps { from { ${N} ${x('seniority salary { min max }')} } to { ${N} } }
    } }`,
  },
  'progressionPaths asks only the steps’ ends in full': {
    query: (x, { from, far }) => `{ progressionPaths(from: "${from}", to: "${far}") {
      roles { ${N} } steps { from { ${N} } to { ${N} ${x('seniority summary')} } }
    } }`,
  },
  'progressionPaths asks only the tools to learn in full': {
    query: (x, { from, far }) => `{ progressionPaths(from: "${from}", to: "${far}") {
      roles { ${N} } skillsToAcquire { ${N} } toolsToLearn { ${N} ${x('description aliases')} }
    } }`,
  },
  'progressionPaths asks its roles for relationships in full': {
    query: (x, { from, far }) => `{ progressionPaths(from: "${from}", to: "${far}") {
      roles { ${N} tools { ${N} ${x('description')} } }
    } }`,
  },
  'shortestProgression asks for full roles and items': {
    query: (x, { from, far }) => `{ shortestProgression(from: "${from}", to: "${far}") {
      roles { ${N} ${x('level track')} }
      steps { from { ${N} ${x('salary { min max }')} } to { ${N} } }
      skillsToAcquire { ${N} ${x('aliases')} }
      toolsToLearn { ${N} ${x('description')} }
    } }`,
  },
  'skillGap asks for full items and roles': {
    query: (x, { from, mid }) => `{ skillGap(from: "${from}", to: "${mid}") {
      from { ${N} ${x('salary { max } seniority')} }
      to { ${N} ${x('summary')} }
      missingSkills { ${N} ${x('aliases')} }
      sharedSkills { ${N} ${x('description')} }
      newTools { ${N} ${x('description aliases')} }
      newFrameworks { ${N} }
      coverage
    } }`,
  },
  'similarRoles asks for full roles and shared items': {
    query: (x, { from }) => `{ similarRoles(id: "${from}", first: 10) {
      role { ${N} ${x('track level summary')} }
      score
      sharedSkills { ${N} ${x('description')} }
      sharedTools { ${N} }
      sharedFrameworks { ${N} ${x('aliases description')} }
    } }`,
  },
  'similarRoles is asked twice, once for names and once in full': {
    query: (x, { from }) => `{
      a: similarRoles(id: "${from}") { role { ${N} } sharedTools { ${N} } }
      b: similarRoles(id: "${from}") { role { ${N} ${x('level track')} } sharedTools { ${N} ${x('description')} } }
    }`,
  },
  'the Role fields similarRoles and pathsTo are asked twice, once for names and once in full': {
    query: (x, { from, far }) => `{ role(id: "${from}") { ${N}
      s1: similarRoles(first: 3) { role { ${N} } sharedSkills { ${N} } }
      s2: similarRoles(first: 3) { role { ${N} ${x('track summary')} } sharedSkills { ${N} ${x('description')} } }
      p1: pathsTo(id: "${far}") { roles { ${N} } }
      p2: pathsTo(id: "${far}") {
        roles { ${N} ${x('level')} }
        steps { from { ${N} ${x('seniority')} } to { ${N} } }
        skillsToAcquire { ${N} ${x('description')} }
      }
    } }`,
  },
  'a page of roles asks similarRoles and pathsTo for full fields': {
    query: (x, { far, belowFar }) => `{ roles(first: 20, filter: { maxLevel: ${belowFar} }) { edges { node { ${N}
      similarRoles(first: 2) { role { ${N} ${x('level summary')} } sharedTools { ${N} ${x('description')} } }
      pathsTo(id: "${far}") { roles { ${N} ${x('level')} } toolsToLearn { ${N} ${x('aliases')} } }
    } } } }`,
  },
};

async function answer(query: string, variables?: Record<string, unknown>): Promise<Json> {
  const { data, errors } = await gql.run(query, variables);
  expect({ query, errors }).toEqual({ query, errors: undefined });
  return data as Json;
}

describe('lean reads never answer a field that needs the full record', () => {
  it.each(Object.keys(CASES))(
    'when %s, then the full answer has the names-only answer’s nodes in the same order, and every full field is what Neo4j holds',
    async (name) => {
      const { query, variables } = CASES[name];
      const lean = await answer(
        query(() => '', ids),
        variables?.(false),
      );
      const full = await answer(
        query((fields) => fields, ids),
        variables?.(true),
      );

      // Not vacuous: every list the names-only query reads is non-empty somewhere.
      const empty = [...listPositions(lean)].filter(([, nonEmpty]) => !nonEmpty).map(([at]) => at);
      expect(empty).toEqual([]);
      expect(nodesIn(lean).length).toBeGreaterThan(0);

      // Same nodes, same order.
      expect(cutTo(full, lean)).toEqual(lean);

      // The names of the lean answer and every full field of the full one are as stored.
      await expectAsStored(lean);
      const values = await expectAsStored(full);
      expect(values.size).toBeGreaterThan(0);
      // Each full field asked at each position has a value somewhere, so the comparison compared something.
      const alwaysNull = [...values].filter(([, some]) => !some).map(([at]) => at);
      expect(alwaysNull).toEqual([]);
    },
  );

  it('when the cases above run, then together they ask every kind of full field where it has a value', async () => {
    // Which full fields the cases' full answers carry with a value; the cases themselves check them
    // against Neo4j (and report any case that fails, so those are left out here).
    const covered = new Set<string>();
    for (const { query, variables } of Object.values(CASES)) {
      const { data, errors } = await gql.run(
        query((fields) => fields, ids),
        variables?.(true),
      );
      if (errors) continue;
      for (const node of nodesIn(data as Json)) {
        for (const field of FULL_FIELDS)
          if (field in node.fields && informative(node.fields[field])) covered.add(field);
      }
    }
    expect(FULL_FIELDS.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('when a role is read lean and in full in one operation, then neither answer leaks into the other', async () => {
    const { from } = ids;
    const data = await answer(`{
      lean: role(id: "${from}") { ${N} tools { ${N} } }
      full: role(id: "${from}") { ${N} seniority tools { ${N} description } }
      again: role(id: "${from}") { ${N} tools { ${N} } }
    }`);
    const d = data as Record<string, Record<string, Json>>;
    expect(Object.keys(d.lean)).toEqual(['__typename', 'id', 'name', 'tools']);
    expect(d.again).toEqual(d.lean);
    expect((d.full.tools as Json[]).length).toBe(seed.out('USES_TOOL', from).length);
    for (const t of d.full.tools as Record<string, Json>[]) expect(typeof t.description).toBe('string');
    expect(d.full.seniority).toBe((seed.node(from) as { seniority?: string }).seniority);
  });
});

describe('far nodes asked only stored fields are read without their identity', () => {
  it('when only stored fields (and __typename) are asked of a role’s tools, skills and links, then the answer is the one asked with ids, cut to what was asked', async () => {
    const role = seed.busiestFrom('USES_TOOL');
    const page = (id: string) => `{ role(id: "${role}") {
      name
      tools(first: 50) { __typename ${id} name aliases }
      skillLinks(first: 50) { __typename skill { __typename ${id} name } }
      moreTools: toolLinks(first: 50) { tool { ${id} description } }
    } }`;
    const lean = await answer(page(''));
    const withIds = await answer(page('id'));
    expect(lean).toEqual(cutTo(withIds, lean));
    const r = (lean as Record<string, Record<string, Record<string, Json>[]>>).role;
    expect(r.tools.map((t) => t.__typename)).toEqual(seed.out('USES_TOOL', role).map(() => 'Tool'));
    expect(r.skillLinks.length).toBe(seed.out('REQUIRES_SKILL', role).length);
    expect(r.skillLinks.length).toBeGreaterThan(0);
    for (const link of r.skillLinks) {
      expect(link.__typename).toBe('RoleSkillLink');
      expect((link.skill as Record<string, Json>).__typename).toBe('Skill');
    }
    // The same tools, by name, as the graph holds, in the API's order (name, then id).
    const names = (await stored(seed.out('USES_TOOL', role).map((id) => ({ label: 'Tool', id })))).values();
    expect(r.tools.map((t) => t.name)).toEqual(
      [...names].map((n) => n.name as string).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });

  it('when one stored field is all a relationship list asks of its items, then its answer (read as a column of values) is the one asked with ids, cut to that field', async () => {
    const role = seed.busiestFrom('USES_TOOL');
    const page = (id: string) => `{ role(id: "${role}") {
      tools(first: 50) { ${id} name }
      named: tools(first: 50) { __typename name }
      skills(first: 50) { ${id} aliases }
      nextRoles(first: 50) { ${id} salary { min } }
      toolsCount
    } }`;
    const lean = await answer(page(''));
    const withIds = await answer(page('id'));
    expect(lean).toEqual(cutTo(withIds, lean));
    const r = (lean as Record<string, Record<string, Json>>).role;
    const tools = r.tools as Record<string, Json>[];
    expect(tools).toHaveLength(seed.out('USES_TOOL', role).length);
    expect(tools.every((t) => Object.keys(t).join() === 'name' && typeof t.name === 'string')).toBe(true);
    expect(r.named).toEqual(tools.map((t) => ({ __typename: 'Tool', name: t.name })));
    expect(r.toolsCount).toBe(tools.length);
    expect((r.skills as Json[]).length).toBe(seed.out('REQUIRES_SKILL', role).length);
  });

  it('when a traversal’s roles are asked one field of a relationship list, then the batched read that answers it gives the same items as the role read by id', async () => {
    const paths = (await answer(`{ progressionPaths(from: "${ids.from}", to: "${ids.far}") {
      roles { id tools(first: 50) { name } skills(first: 50) { name } }
    } }`)) as { progressionPaths: { roles: { id: string; tools: Json[]; skills: Json[] }[] }[] };
    const roles = paths.progressionPaths.flatMap((p) => p.roles);
    expect(roles.length).toBeGreaterThan(1);
    for (const role of roles) {
      const byId = (await answer(
        `{ role(id: "${role.id}") { tools(first: 50) { name } skills(first: 50) { name } } }`,
      )) as {
        role: { tools: Json[]; skills: Json[] };
      };
      expect(role.tools).toEqual(byId.role.tools);
      expect(role.skills).toEqual(byId.role.skills);
      expect(role.tools).toEqual(
        seed.out('USES_TOOL', role.id).map(() => expect.objectContaining({ name: expect.any(String) })),
      );
    }
  });
});

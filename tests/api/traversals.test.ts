import { openSeededDatabase, type TestDatabase } from '../helpers/database';
import { FitOracle } from '../helpers/fit-oracle';
import { createTestGraphQL, type TestGraphQL } from '../helpers/graphql';

/*
 * The graph traversals on the seeded graph: the article's answers, and every overlap, score and
 * gap checked against set arithmetic done here on what Cypher reads straight from the graph.
 */

interface Item {
  id: string;
  name: string;
}

type Dimension = 'tools' | 'skills' | 'frameworks' | 'workflows' | 'employers';
const DIMENSIONS: Dimension[] = ['tools', 'skills', 'frameworks', 'workflows', 'employers'];

interface RoleFacts extends Item, Record<Dimension, Item[]> {
  salary: { min: number; max: number; currency: string; period: string; basis: string } | null;
}

/** The pay change between two roles as the contract states it: only like for like (currency, period, basis). */
function payChange(from: RoleFacts, to: RoleFacts) {
  const [a, b] = [from.salary, to.salary];
  if (!a || !b || a.currency !== b.currency || a.period !== b.period || a.basis !== b.basis) return null;
  return { min: b.min - a.min, max: b.max - a.max, currency: b.currency };
}

interface Transition {
  from: string;
  to: string;
  type: 'PROGRESSES_TO' | 'PIVOTS_TO';
  sources: string[];
}

let db: TestDatabase;
let gql: TestGraphQL;
/** Each role with what it is linked to, read with Cypher. */
let roles: Map<string, RoleFacts>;
let transitions: Transition[];
/** The weighted fit, brute force over what Cypher reads (similarity is a role's fit to another's requirements). */
let fits: FitOracle;

beforeAll(async () => {
  db = await openSeededDatabase();
  gql = await createTestGraphQL(db);
  const rows = await db.executor.read(`
    MATCH (r:Role)
    RETURN r.id AS id, r.name AS name,
      CASE WHEN r.salaryMin IS NULL THEN null
        ELSE { min: r.salaryMin, max: r.salaryMax, currency: r.salaryCurrency, period: r.salaryPeriod,
          basis: r.salaryBasis } END AS salary,
      [(r)-[:USES_TOOL]->(x:Tool) | x { .id, .name }] AS tools,
      [(r)-[:REQUIRES_SKILL]->(x:Skill) | x { .id, .name }] AS skills,
      [(r)-[:USES_FRAMEWORK]->(x:Framework) | x { .id, .name }] AS frameworks,
      [(r)-[:PRACTICES]->(x:Workflow) | x { .id, .name }] AS workflows,
      [(r)<-[:HIRES]-(x:Employer) | x { .id, .name }] AS employers`);
  roles = new Map(rows.map((r) => [r.id as string, r as unknown as RoleFacts]));
  transitions = (await db.executor.read(`
    MATCH (a:Role)-[t:PROGRESSES_TO|PIVOTS_TO]->(b:Role)
    RETURN a.id AS from, b.id AS to, type(t) AS type, t.sources AS sources`)) as unknown as Transition[];
  fits = await FitOracle.read(db.executor);
});
afterAll(async () => {
  await gql?.stop();
  await db?.close();
});

// ---- Set arithmetic on what Cypher read -------------------------------------------------------

const byNameThenId = (a: Item, b: Item) =>
  a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.id !== b.id ? (a.id < b.id ? -1 : 1) : 0;
const sortedIds = (items: Item[]) => [...items].sort(byNameThenId).map((x) => x.id);
const idsOf = (items: { id: string }[]) => items.map((x) => x.id);
const role = (id: string): RoleFacts => {
  const found = roles.get(id);
  if (!found) throw new Error(`The seed has no role ${id}`);
  return found;
};
const intersect = (a: Item[], b: Item[]) => a.filter((x) => b.some((y) => y.id === x.id));
const minus = (a: Item[], b: Item[]) => a.filter((x) => !b.some((y) => y.id === x.id));
const unionSize = (a: Item[], b: Item[]) => new Set([...a, ...b].map((x) => x.id)).size;
const jaccard = (a: Item[], b: Item[]) => (unionSize(a, b) === 0 ? 0 : intersect(a, b).length / unionSize(a, b));
/** Tools, skills and frameworks together, keyed by kind so equal ids of different kinds stay apart. */
const toolkit = (r: RoleFacts): Item[] => [
  ...r.tools.map((x) => ({ ...x, id: `tool:${x.id}` })),
  ...r.skills.map((x) => ({ ...x, id: `skill:${x.id}` })),
  ...r.frameworks.map((x) => ({ ...x, id: `framework:${x.id}` })),
];

/** What progressionPaths should say about a route through these roles. */
function expectedPath(roleIds: string[]) {
  const start = role(roleIds[0]);
  const end = role(roleIds[roleIds.length - 1]);
  const later = roleIds.slice(1).map(role);
  const toLearn = (dim: 'skills' | 'tools') => {
    const needed = later.flatMap((r) => r[dim]).filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i);
    return sortedIds(minus(needed, start[dim]));
  };
  return {
    roles: roleIds,
    steps: roleIds.slice(1).map((to, i) => {
      const t = transitions.filter((e) => e.from === roleIds[i] && e.to === to);
      if (t.length !== 1) throw new Error(`Expected one transition ${roleIds[i]} -> ${to}, found ${t.length}`);
      return { from: roleIds[i], to, kind: t[0].type === 'PIVOTS_TO' ? 'PIVOT' : 'PROMOTION', sources: t[0].sources };
    }),
    length: roleIds.length - 1,
    salaryChange: payChange(start, end),
    skillsToAcquire: toLearn('skills'),
    toolsToLearn: toLearn('tools'),
  };
}

// ---- Reading the API ---------------------------------------------------------------------------

const PATH_FIELDS = `length roles { id } steps { from { id } to { id } kind sources }
  salaryChange { min max currency } skillsToAcquire { id name } toolsToLearn { id name }`;

function plainPath(p: any) {
  return {
    roles: idsOf(p.roles),
    steps: p.steps.map((s: any) => ({ from: s.from.id, to: s.to.id, kind: s.kind, sources: s.sources })),
    length: p.length,
    salaryChange: p.salaryChange,
    skillsToAcquire: idsOf(p.skillsToAcquire),
    toolsToLearn: idsOf(p.toolsToLearn),
  };
}

async function paths(from: string, to: string, options: Record<string, unknown> = {}) {
  const { data, errors } = await gql.run(
    `query ($from: ID!, $to: ID!, $maxSteps: Int! = 4, $first: Int! = 5, $includePivots: Boolean! = false) {
      progressionPaths(from: $from, to: $to, maxSteps: $maxSteps, first: $first, includePivots: $includePivots) {
        ${PATH_FIELDS}
      }
    }`,
    { from, to, ...options },
  );
  expect(errors).toBeUndefined();
  return (data!.progressionPaths as any[]).map(plainPath);
}

async function shortest(from: string, to: string, includePivots = false) {
  const { data, errors } = await gql.run(
    `query ($from: ID!, $to: ID!, $includePivots: Boolean!) {
      shortestProgression(from: $from, to: $to, includePivots: $includePivots) { ${PATH_FIELDS} }
    }`,
    { from, to, includePivots },
  );
  expect(errors).toBeUndefined();
  return data!.shortestProgression === null ? null : plainPath(data!.shortestProgression);
}

const codesOf = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) =>
  (errors ?? []).map((e) => e.extensions?.code);

// ---- Shared tools, skills and frameworks ---------------------------------------------------------

describe('sharedTools, sharedSkills, sharedFrameworks', () => {
  it('when the tools Senior Engineer and Backend Engineer share are asked for, then Git and Docker are among them, as the article says', async () => {
    const { data, errors } = await gql.run(
      '{ sharedTools(roleIds: ["senior-engineer", "backend-engineer"]) { id name } }',
    );
    expect(errors).toBeUndefined();
    const names = (data!.sharedTools as Item[]).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Git', 'Docker']));
  });

  const SETS = [
    ['senior-engineer', 'backend-engineer'],
    ['backend-engineer', 'senior-engineer'],
    ['senior-engineer', 'backend-engineer', 'senior-backend-engineer'],
    ['senior-backend-engineer', 'staff-backend-engineer', 'principal-backend-engineer'],
    ['staff-engineer', 'principal-engineer'],
    ['junior-engineer', 'senior-engineer'],
  ];
  it.each(SETS.map((ids) => [ids.join(', '), ids]))(
    'when the items every one of [%s] has are asked for, then each list is the intersection read with Cypher, by name then id',
    async (_label, ids) => {
      const { data, errors } = await gql.run(
        `query ($ids: [ID!]!) {
          sharedTools(roleIds: $ids) { id } sharedSkills(roleIds: $ids) { id } sharedFrameworks(roleIds: $ids) { id }
        }`,
        { ids },
      );
      expect(errors).toBeUndefined();
      const common = (dim: 'tools' | 'skills' | 'frameworks') =>
        sortedIds(ids.map((id) => role(id)[dim]).reduce((acc, items) => intersect(acc, items)));
      expect(idsOf(data!.sharedTools)).toEqual(common('tools'));
      expect(idsOf(data!.sharedSkills)).toEqual(common('skills'));
      expect(idsOf(data!.sharedFrameworks)).toEqual(common('frameworks'));
    },
  );

  it('when the sets are non-trivial, then the checks above compare something (some shared, some empty)', () => {
    expect(intersect(role('senior-engineer').skills, role('backend-engineer').skills).length).toBeGreaterThan(1);
    expect(role('junior-engineer').tools).toEqual([]);
  });

  it('when ten distinct roles are listed (the most allowed), then the answer is their intersection', async () => {
    const ids = [...roles.keys()].sort().slice(0, 10);
    const { data, errors } = await gql.run('query ($ids: [ID!]!) { sharedSkills(roleIds: $ids) { id } }', { ids });
    expect(errors).toBeUndefined();
    expect(idsOf(data!.sharedSkills)).toEqual(
      sortedIds(ids.map((id) => role(id).skills).reduce((acc, items) => intersect(acc, items))),
    );
  });
});

// ---- Routes --------------------------------------------------------------------------------------

describe('progressionPaths and shortestProgression on the article', () => {
  it('when Backend Engineer asks for routes to Staff Engineer, then it is backend → senior → staff by promotions, with their sources and what to learn', async () => {
    const got = await paths('backend-engineer', 'staff-engineer');
    expect(got).toEqual([expectedPath(['backend-engineer', 'senior-engineer', 'staff-engineer'])]);
    expect(got[0].steps.map((s: any) => s.kind)).toEqual(['PROMOTION', 'PROMOTION']);
    for (const step of got[0].steps) expect(step.sources.length).toBeGreaterThan(0);
    // The start's own skills are never listed; the senior's and the staff's new ones are.
    expect(got[0].skillsToAcquire).not.toContain('performance-optimization');
    expect(got[0].skillsToAcquire).toEqual(expect.arrayContaining(['mentoring', 'system-design']));
    expect(got[0].toolsToLearn).toEqual(expect.arrayContaining(['github', 'jira']));
    // Staff Engineer states no salary.
    expect(got[0].salaryChange).toBeNull();
  });

  it('when Backend Engineer asks for routes to Staff Backend Engineer, then it is backend → senior backend → staff backend', async () => {
    const got = await paths('backend-engineer', 'staff-backend-engineer');
    expect(got).toEqual([expectedPath(['backend-engineer', 'senior-backend-engineer', 'staff-backend-engineer'])]);
    expect(got[0].steps.map((s: any) => s.kind)).toEqual(['PROMOTION', 'PROMOTION']);
    // Every skill the backend ladder needs is one Backend Engineer has, except system design.
    expect(got[0].skillsToAcquire).toEqual(['system-design']);
  });

  it('when Backend Engineer asks for a one-step route to Senior Engineer, then the salary change is the senior figure minus the backend one', async () => {
    const got = await paths('backend-engineer', 'senior-engineer', { maxSteps: 1 });
    expect(got).toEqual([expectedPath(['backend-engineer', 'senior-engineer'])]);
    const [a, b] = [role('backend-engineer').salary!, role('senior-engineer').salary!];
    expect(got[0].salaryChange).toEqual({ min: b.min - a.min, max: b.max - a.max, currency: 'USD' });
  });

  it('when routes reach Principal Engineer by two lengths, then the shorter one comes first and maxSteps cuts the longer one', async () => {
    expect(await paths('backend-engineer', 'principal-engineer')).toEqual([
      expectedPath(['backend-engineer', 'senior-engineer', 'principal-engineer']),
      expectedPath(['backend-engineer', 'senior-engineer', 'staff-engineer', 'principal-engineer']),
    ]);
    expect(await paths('backend-engineer', 'principal-engineer', { maxSteps: 2 })).toEqual([
      expectedPath(['backend-engineer', 'senior-engineer', 'principal-engineer']),
    ]);
    expect(await paths('backend-engineer', 'principal-engineer', { maxSteps: 1 })).toEqual([]);
    expect(await paths('backend-engineer', 'principal-engineer', { first: 1 })).toEqual([
      expectedPath(['backend-engineer', 'senior-engineer', 'principal-engineer']),
    ]);
  });

  it("when the Senior Engineer's next roles are read, then they are its promotions, and each is one promotion away by shortestProgression", async () => {
    const { data, errors } = await gql.run('{ role(id: "senior-engineer") { nextRoles { id name } } }');
    expect(errors).toBeUndefined();
    const next = data!.role.nextRoles as Item[];
    const promotions = transitions.filter((t) => t.from === 'senior-engineer' && t.type === 'PROGRESSES_TO');
    expect(next.map((r) => r.id).sort()).toEqual(promotions.map((t) => t.to).sort());
    expect(next.map((r) => r.id)).toEqual(expect.arrayContaining(['staff-engineer', 'principal-engineer']));
    for (const r of next) {
      expect(await shortest('senior-engineer', r.id)).toEqual(expectedPath(['senior-engineer', r.id]));
    }
  });

  it('when the shortest route from Backend Engineer to Principal Engineer is asked for, then it is the two-step one', async () => {
    expect(await shortest('backend-engineer', 'principal-engineer')).toEqual(
      expectedPath(['backend-engineer', 'senior-engineer', 'principal-engineer']),
    );
  });

  it('when there is no route (down the ladder), then progressionPaths is [] and shortestProgression is null', async () => {
    expect(await paths('staff-engineer', 'backend-engineer', { maxSteps: 6, includePivots: true })).toEqual([]);
    expect(await shortest('staff-engineer', 'backend-engineer', true)).toBeNull();
    expect(await paths('junior-engineer', 'frontend-engineer', { maxSteps: 6, includePivots: true })).toEqual([]);
  });

  it.each(['devops-engineer', 'full-stack-engineer', 'solutions-architect'])(
    'when Backend Engineer looks for a route to %s, then there is one only with pivots, and its step is a PIVOT',
    async (target) => {
      expect(await paths('backend-engineer', target, { maxSteps: 6 })).toEqual([]);
      expect(await shortest('backend-engineer', target)).toBeNull();
      const withPivots = await paths('backend-engineer', target, { includePivots: true });
      expect(withPivots).toEqual([expectedPath(['backend-engineer', target])]);
      expect(withPivots[0].steps[0].kind).toBe('PIVOT');
      expect(withPivots[0].steps[0].sources.length).toBeGreaterThan(0);
      expect(await shortest('backend-engineer', target, true)).toEqual(withPivots[0]);
    },
  );

  it('when Backend Engineer looks for Engineering Manager, then promotions go through Senior Engineer and the direct pivot comes first once pivots are allowed', async () => {
    const viaSenior = expectedPath(['backend-engineer', 'senior-engineer', 'engineering-manager']);
    const pivot = expectedPath(['backend-engineer', 'engineering-manager']);
    expect(pivot.steps[0].kind).toBe('PIVOT');
    expect(await paths('backend-engineer', 'engineering-manager')).toEqual([viaSenior]);
    expect(await paths('backend-engineer', 'engineering-manager', { includePivots: true })).toEqual([pivot, viaSenior]);
    expect(await shortest('backend-engineer', 'engineering-manager')).toEqual(viaSenior);
    expect(await shortest('backend-engineer', 'engineering-manager', true)).toEqual(pivot);
  });

  it('when skills and tools to learn are listed, then they are ordered by name, then id', async () => {
    const [p] = await paths('backend-engineer', 'staff-engineer');
    const { data } = await gql.run(
      `{ progressionPaths(from: "backend-engineer", to: "staff-engineer") { skillsToAcquire { id name } toolsToLearn { id name } } }`,
    );
    const got = data!.progressionPaths[0];
    expect(idsOf(got.skillsToAcquire)).toEqual(sortedIds(got.skillsToAcquire));
    expect(idsOf(got.toolsToLearn)).toEqual(sortedIds(got.toolsToLearn));
    expect(p.skillsToAcquire.length).toBeGreaterThan(1);
  });
});

// ---- Comparisons and gaps --------------------------------------------------------------------------

const OVERLAP = 'shared { id } onlyA { id } onlyB { id } jaccard';

async function compare(a: string, b: string) {
  const { data, errors } = await gql.run(
    `query ($a: ID!, $b: ID!) { compareRoles(a: $a, b: $b) {
      a { id } b { id }
      ${DIMENSIONS.map((d) => `${d} { ${OVERLAP} }`).join(' ')}
      similarity jaccard salaryDifference { min max currency }
    } }`,
    { a, b },
  );
  expect(errors).toBeUndefined();
  return data!.compareRoles;
}

function expectedComparison(a: string, b: string) {
  const [ra, rb] = [role(a), role(b)];
  const overlap = (dim: Dimension) => ({
    shared: sortedIds(intersect(ra[dim], rb[dim])).map((id) => ({ id })),
    onlyA: sortedIds(minus(ra[dim], rb[dim])).map((id) => ({ id })),
    onlyB: sortedIds(minus(rb[dim], ra[dim])).map((id) => ({ id })),
    jaccard: jaccard(ra[dim], rb[dim]),
  });
  return {
    a: { id: a },
    b: { id: b },
    ...(Object.fromEntries(DIMENSIONS.map((d) => [d, overlap(d)])) as Record<Dimension, ReturnType<typeof overlap>>),
    similarity: fits.fitOf(b, fits.profileItems({ currentRole: a })).fit,
    jaccard: jaccard(toolkit(ra), toolkit(rb)),
    salaryDifference: payChange(ra, rb),
  };
}

describe('routes asked without their tools to learn', () => {
  it.each([
    ['backend-engineer', 'staff-engineer', {}],
    ['backend-engineer', 'staff-backend-engineer', { includePivots: true, maxSteps: 6, first: 10 }],
    ['junior-engineer', 'staff-engineer', { includePivots: true }],
  ])(
    'when routes from %s to %s are asked without toolsToLearn, then they are the same routes in the same order',
    async (from, to, options) => {
      const full = await paths(from, to, options);
      const { data, errors } = await gql.run(
        `query ($from: ID!, $to: ID!, $maxSteps: Int! = 4, $first: Int! = 5, $includePivots: Boolean! = false) {
          progressionPaths(from: $from, to: $to, maxSteps: $maxSteps, first: $first, includePivots: $includePivots) {
            length roles { id } skillsToAcquire { id }
          }
          shortestProgression(from: $from, to: $to, includePivots: $includePivots) { roles { id } }
        }`,
        { from, to, ...options },
      );
      expect(errors).toBeUndefined();
      const routes = data!.progressionPaths as {
        length: number;
        roles: { id: string }[];
        skillsToAcquire: { id: string }[];
      }[];
      expect(
        routes.map((r) => ({ length: r.length, roles: idsOf(r.roles), skillsToAcquire: idsOf(r.skillsToAcquire) })),
      ).toEqual(full.map((r: any) => ({ length: r.length, roles: r.roles, skillsToAcquire: r.skillsToAcquire })));
      // With no route (junior-engineer leads nowhere) the shortest is null, else the first route.
      const shortestRoles = data!.shortestProgression === null ? null : idsOf(data!.shortestProgression.roles);
      expect(shortestRoles).toEqual(full.length === 0 ? null : full[0].roles);
    },
  );
});

describe('compareRoles', () => {
  const PAIRS = [
    ['senior-engineer', 'backend-engineer'],
    ['backend-engineer', 'senior-engineer'],
    ['senior-backend-engineer', 'staff-backend-engineer'],
    ['staff-engineer', 'senior-engineer'],
    ['architect', 'solutions-architect'],
    ['junior-engineer', 'frontend-engineer'],
  ];
  it.each(PAIRS)(
    'when %s is compared with %s, then every overlap, jaccard, the similarity and the salary difference follow from the sets read with Cypher',
    async (a, b) => {
      const got = await compare(a, b);
      const expected = expectedComparison(a, b);
      expect({ ...got, similarity: undefined, jaccard: undefined }).toEqual({
        ...expected,
        similarity: undefined,
        jaccard: undefined,
      });
      expect(got.similarity).toBeCloseTo(expected.similarity, 12);
      expect(got.jaccard).toBeCloseTo(expected.jaccard, 12);
      for (const d of DIMENSIONS) expect(got[d].jaccard).toBeCloseTo(expected[d].jaccard, 12);
    },
  );

  it('when Senior Engineer (b) is compared with Backend Engineer (a), then the salary difference is senior minus backend; against a role without a salary it is null', async () => {
    const got = await compare('backend-engineer', 'senior-engineer');
    const [a, b] = [role('backend-engineer').salary!, role('senior-engineer').salary!];
    expect(got.salaryDifference).toEqual({ min: b.min - a.min, max: b.max - a.max, currency: 'USD' });
    expect(got.salaryDifference.min).toBeGreaterThan(0);
    const swapped = await compare('senior-engineer', 'backend-engineer');
    expect(swapped.salaryDifference).toEqual({ min: a.min - b.min, max: a.max - b.max, currency: 'USD' });
    expect(role('staff-engineer').salary).toBeNull();
    expect((await compare('senior-engineer', 'staff-engineer')).salaryDifference).toBeNull();
    expect((await compare('staff-engineer', 'senior-engineer')).salaryDifference).toBeNull();
  });

  it('when the two roles share nothing, then every jaccard and the similarity are 0', async () => {
    const got = await compare('junior-engineer', 'frontend-engineer');
    for (const d of DIMENSIONS) expect(got[d].jaccard).toBe(0);
    expect(got.similarity).toBe(0);
    expect(got.jaccard).toBe(0);
  });

  it.each(PAIRS)(
    'when %s and %s are compared asking for only some overlaps or only the similarity, then those equal the full comparison',
    async (a, b) => {
      const full = await compare(a, b);
      const ask = async (selection: string) => {
        const { data, errors, dbQueries } = await gql.run(
          `query ($a: ID!, $b: ID!) { compareRoles(a: $a, b: $b) { ${selection} } }`,
          { a, b },
        );
        expect(errors).toBeUndefined();
        expect(dbQueries).toBe(1);
        return data!.compareRoles;
      };
      expect((await ask('similarity')).similarity).toBeCloseTo(full.similarity, 12);
      expect(await ask('jaccard')).toEqual({ jaccard: full.jaccard });
      expect(await ask(`tools { ${OVERLAP} } similarity`)).toEqual({ tools: full.tools, similarity: full.similarity });
      expect(await ask(`workflows { ${OVERLAP} } employers { ${OVERLAP} }`)).toEqual({
        workflows: full.workflows,
        employers: full.employers,
      });
      const { skills, frameworks } = full;
      expect(await ask(`skills { ${OVERLAP} } frameworks { ${OVERLAP} } a { id }`)).toEqual({
        skills,
        frameworks,
        a: full.a,
      });
    },
  );

  it('when a pair is compared and also listed by similarRoles, then the similarity equals the similarRoles score', async () => {
    const { data, errors } = await gql.run('{ similarRoles(id: "backend-engineer", first: 50) { role { id } score } }');
    expect(errors).toBeUndefined();
    for (const s of data!.similarRoles.slice(0, 4)) {
      const got = await compare('backend-engineer', s.role.id);
      expect(got.similarity).toBeCloseTo(s.score, 12);
    }
  });
});

describe('skillGap', () => {
  const PAIRS = [
    ['backend-engineer', 'senior-engineer'],
    ['senior-engineer', 'backend-engineer'],
    ['backend-engineer', 'staff-backend-engineer'],
    ['senior-engineer', 'staff-engineer'],
    ['senior-engineer', 'junior-engineer'],
    ['junior-engineer', 'engineering-manager'],
  ];
  it.each(PAIRS)(
    'when the gap from %s to %s is asked for, then missing and shared skills, new tools and frameworks and coverage follow from the sets',
    async (from, to) => {
      const { data, errors } = await gql.run(
        `query ($from: ID!, $to: ID!) { skillGap(from: $from, to: $to) {
          from { id } to { id } missingSkills { id } sharedSkills { id } newTools { id } newFrameworks { id } coverage
        } }`,
        { from, to },
      );
      expect(errors).toBeUndefined();
      const [f, t] = [role(from), role(to)];
      const gap = data!.skillGap;
      expect(gap.from.id).toBe(from);
      expect(gap.to.id).toBe(to);
      expect(idsOf(gap.missingSkills)).toEqual(sortedIds(minus(t.skills, f.skills)));
      expect(idsOf(gap.sharedSkills)).toEqual(sortedIds(intersect(t.skills, f.skills)));
      expect(idsOf(gap.newTools)).toEqual(sortedIds(minus(t.tools, f.tools)));
      expect(idsOf(gap.newFrameworks)).toEqual(sortedIds(minus(t.frameworks, f.frameworks)));
      const coverage = t.skills.length === 0 ? 1 : intersect(t.skills, f.skills).length / t.skills.length;
      expect(gap.coverage).toBeCloseTo(coverage, 12);
      if (t.skills.length === 0) expect(gap.coverage).toBe(1);
    },
  );
});

// ---- Similar roles -------------------------------------------------------------------------------

describe('similarRoles', () => {
  /** Every other role with a positive similarity (its fit to this role's requirements), best first, ties by name then id. */
  function expectedSimilar(id: string) {
    const me = role(id);
    const profile = fits.profileItems({ currentRole: id });
    // Floating sums in another order differ in the last bits: ties are told at 12 places.
    const rounded = (x: number) => Math.round(x * 1e12) / 1e12;
    return [...roles.values()]
      .filter((o) => o.id !== id)
      .map((o) => ({ o, score: fits.fitOf(o.id, profile).fit }))
      .filter((s) => s.score > 0)
      .sort((x, y) => rounded(y.score) - rounded(x.score) || byNameThenId(x.o, y.o))
      .map(({ o, score }) => ({
        role: o.id,
        score,
        jaccard: jaccard(toolkit(me), toolkit(o)),
        sharedTools: sortedIds(intersect(me.tools, o.tools)),
        sharedSkills: sortedIds(intersect(me.skills, o.skills)),
        sharedFrameworks: sortedIds(intersect(me.frameworks, o.frameworks)),
      }));
  }

  const FIELDS = 'role { id } score jaccard sharedTools { id } sharedSkills { id } sharedFrameworks { id }';
  const plain = (s: any) => ({
    role: s.role.id,
    score: s.score,
    jaccard: s.jaccard,
    sharedTools: idsOf(s.sharedTools),
    sharedSkills: idsOf(s.sharedSkills),
    sharedFrameworks: idsOf(s.sharedFrameworks),
  });
  const expectSame = (got: any[], expected: ReturnType<typeof expectedSimilar>) => {
    const close = (s: { score: number; jaccard: number }) => ({ ...s, score: undefined, jaccard: undefined });
    expect(got.map(close)).toEqual(expected.map(close));
    got.forEach((s, i) => expect(s.score).toBeCloseTo(expected[i].score, 12));
    got.forEach((s, i) => expect(s.jaccard).toBeCloseTo(expected[i].jaccard, 12));
  };

  it.each([
    'backend-engineer',
    'senior-engineer',
    'staff-backend-engineer',
    'staff-engineer',
    'architect',
    'engineering-manager',
  ])(
    'when roles like %s are asked for, then they are every role with a positive similarity (fit to its requirements), ranked, with the Jaccard and the shared items',
    async (id) => {
      const { data, errors } = await gql.run(
        `query ($id: ID!) {
          all: similarRoles(id: $id, first: 50) { ${FIELDS} }
          top: similarRoles(id: $id, first: 2) { ${FIELDS} }
          byDefault: similarRoles(id: $id) { ${FIELDS} }
          role(id: $id) { similarRoles(first: 3) { ${FIELDS} } }
        }`,
        { id },
      );
      expect(errors).toBeUndefined();
      const expected = expectedSimilar(id);
      expect(expected.length).toBeGreaterThan(0);
      expectSame(data!.all.map(plain), expected);
      expectSame(data!.top.map(plain), expected.slice(0, 2));
      expectSame(data!.byDefault.map(plain), expected.slice(0, 5));
      expectSame(data!.role.similarRoles.map(plain), expected.slice(0, 3));
    },
  );

  it('when the ranking has ties, then they are broken by name then id (and the checks above saw ties)', () => {
    const ties = [...roles.keys()].some((id) => {
      const scores = expectedSimilar(id).map((s) => s.score.toFixed(12));
      return scores.some((s, i) => i > 0 && s === scores[i - 1]);
    });
    expect(ties).toBe(true);
  });

  it('when a role shares nothing with any other, then it has no similar roles', async () => {
    expect(toolkit(role('junior-engineer'))).toEqual([]);
    const { data, errors } = await gql.run('{ similarRoles(id: "junior-engineer") { role { id } } }');
    expect(errors).toBeUndefined();
    expect(data!.similarRoles).toEqual([]);
  });
});

// ---- Bad input -------------------------------------------------------------------------------------

describe('bad input', () => {
  const PATHS = `query ($maxSteps: Int!, $first: Int!) {
    progressionPaths(from: "backend-engineer", to: "staff-engineer", maxSteps: $maxSteps, first: $first) { length }
  }`;
  const PATHS_TO = `query ($maxSteps: Int!, $first: Int!) {
    role(id: "backend-engineer") { pathsTo(id: "staff-engineer", maxSteps: $maxSteps, first: $first) { length } }
  }`;

  it.each([0, 7, -1, 2147483647, -2147483648])(
    'when maxSteps is %i, then progressionPaths and Role.pathsTo answer BAD_USER_INPUT naming maxSteps',
    async (maxSteps) => {
      for (const query of [PATHS, PATHS_TO]) {
        const { data, errors } = await gql.run(query, { maxSteps, first: 5 });
        expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
        expect(errors![0].message).toContain('maxSteps');
        expect(data?.progressionPaths ?? data?.role?.pathsTo ?? null).toBeNull();
      }
    },
  );

  it.each([0, 21, -1])(
    'when first is %i, then progressionPaths and Role.pathsTo answer BAD_USER_INPUT naming first',
    async (first) => {
      for (const query of [PATHS, PATHS_TO]) {
        const { errors } = await gql.run(query, { maxSteps: 4, first });
        expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
        expect(errors![0].message).toContain('first');
      }
    },
  );

  it('when maxSteps and first are at their bounds (1..6, 1..20), then the answer is a list', async () => {
    for (const [maxSteps, first] of [
      [1, 1],
      [6, 20],
    ]) {
      for (const query of [PATHS, PATHS_TO]) {
        const { errors } = await gql.run(query, { maxSteps, first });
        expect(errors).toBeUndefined();
      }
    }
  });

  it('when maxSteps is an integer literal too big for Int, then the answer is a GraphQL error, not a crash', async () => {
    const { data, errors } = await gql.run(
      '{ progressionPaths(from: "backend-engineer", to: "staff-engineer", maxSteps: 99999999999) { length } }',
    );
    expect(errors?.length).toBeGreaterThan(0);
    expect(codesOf(errors)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(data ?? null).toBeNull();
    const asVariable = await gql.run(PATHS, { maxSteps: 99999999999, first: 5 });
    expect(asVariable.errors?.length).toBeGreaterThan(0);
    expect(codesOf(asVariable.errors)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it.each([0, 51])('when similarRoles is asked for %i roles, then the answer is BAD_USER_INPUT', async (first) => {
    const { errors } = await gql.run(
      `query ($first: Int!) {
        similarRoles(id: "backend-engineer", first: $first) { score }
      }`,
      { first },
    );
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    const field = await gql.run(
      `query ($first: Int!) { role(id: "backend-engineer") { similarRoles(first: $first) { score } } }`,
      { first },
    );
    expect(codesOf(field.errors)).toEqual(['BAD_USER_INPUT']);
  });

  const SHARED = ['sharedTools', 'sharedSkills', 'sharedFrameworks'];
  it.each(SHARED)('when %s is given 0, 1 or 11 role ids, then the answer is BAD_USER_INPUT', async (field) => {
    const eleven = [...roles.keys()].sort().slice(0, 11);
    expect(eleven).toHaveLength(11);
    for (const ids of [[], ['backend-engineer'], eleven]) {
      const { data, errors } = await gql.run(`query ($ids: [ID!]!) { ${field}(roleIds: $ids) { id } }`, { ids });
      expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
      expect(errors![0].message).toContain('roleIds');
      expect(data ?? null).toBeNull();
    }
  });

  it.each(SHARED)(
    'when %s is given the same role twice, then the answer is BAD_USER_INPUT naming it',
    async (field) => {
      const { errors } = await gql.run(`{ ${field}(roleIds: ["backend-engineer", "backend-engineer"]) { id } }`);
      expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
      expect(errors![0].message).toContain('backend-engineer');
    },
  );

  const UNKNOWN = 'no-such-role';
  const UNKNOWN_CASES: [string, string][] = [
    ['progressionPaths (from)', `{ x: progressionPaths(from: "${UNKNOWN}", to: "staff-engineer") { length } }`],
    ['progressionPaths (to)', `{ x: progressionPaths(from: "backend-engineer", to: "${UNKNOWN}") { length } }`],
    ['shortestProgression', `{ x: shortestProgression(from: "backend-engineer", to: "${UNKNOWN}") { length } }`],
    ['compareRoles (a)', `{ x: compareRoles(a: "${UNKNOWN}", b: "backend-engineer") { similarity } }`],
    ['compareRoles (b)', `{ x: compareRoles(a: "backend-engineer", b: "${UNKNOWN}") { similarity } }`],
    ['skillGap', `{ x: skillGap(from: "${UNKNOWN}", to: "backend-engineer") { coverage } }`],
    ['similarRoles', `{ x: similarRoles(id: "${UNKNOWN}") { score } }`],
    ['sharedTools', `{ x: sharedTools(roleIds: ["backend-engineer", "${UNKNOWN}"]) { id } }`],
    ['sharedSkills', `{ x: sharedSkills(roleIds: ["${UNKNOWN}", "backend-engineer", "senior-engineer"]) { id } }`],
    ['sharedFrameworks', `{ x: sharedFrameworks(roleIds: ["backend-engineer", "${UNKNOWN}"]) { id } }`],
    ['Role.pathsTo', `{ x: role(id: "backend-engineer") { pathsTo(id: "${UNKNOWN}") { length } } }`],
  ];
  it.each(UNKNOWN_CASES)(
    'when %s names a role that does not exist, then the answer is NOT_FOUND naming it',
    async (_, query) => {
      const { errors } = await gql.run(query);
      expect(codesOf(errors)).toEqual(['NOT_FOUND']);
      expect(errors![0].message).toContain(UNKNOWN);
    },
  );

  it('when both ends are unknown, or an id of another kind is used as a role, then NOT_FOUND names each', async () => {
    const both = await gql.run('{ progressionPaths(from: "no-such-a", to: "no-such-b") { length } }');
    expect(codesOf(both.errors)).toEqual(['NOT_FOUND']);
    expect(both.errors![0].message).toContain('no-such-a');
    expect(both.errors![0].message).toContain('no-such-b');
    const tool = await gql.run('{ compareRoles(a: "docker", b: "backend-engineer") { similarity } }');
    expect(codesOf(tool.errors)).toEqual(['NOT_FOUND']);
    expect(tool.errors![0].message).toContain('docker');
  });

  it.each([
    ['progressionPaths', '{ x: progressionPaths(from: "backend-engineer", to: "backend-engineer") { length } }'],
    ['shortestProgression', '{ x: shortestProgression(from: "backend-engineer", to: "backend-engineer") { length } }'],
    ['compareRoles', '{ x: compareRoles(a: "backend-engineer", b: "backend-engineer") { similarity } }'],
    ['skillGap', '{ x: skillGap(from: "backend-engineer", to: "backend-engineer") { coverage } }'],
    ['Role.pathsTo', '{ x: role(id: "backend-engineer") { pathsTo(id: "backend-engineer") { length } } }'],
  ])('when %s is asked about the same role at both ends, then the answer is BAD_USER_INPUT', async (_, query) => {
    const { data, errors } = await gql.run(query);
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors![0].message).toContain('backend-engineer');
    // shortestProgression is nullable, so its field is null; the others null the whole data.
    expect(data?.x ?? null).toBeNull();
  });

  const MALFORMED = ['Backend Engineer', 'backend_engineer', 'backend--engineer', '', "x' OR 1=1 //", 'a'.repeat(101)];
  it.each(MALFORMED.map((id) => [JSON.stringify(id).slice(0, 24), id]))(
    'when an id is malformed (%s), then every traversal answers BAD_USER_INPUT',
    async (_, bad) => {
      const queries = [
        'query ($bad: ID!) { x: progressionPaths(from: $bad, to: "staff-engineer") { length } }',
        'query ($bad: ID!) { x: progressionPaths(from: "backend-engineer", to: $bad) { length } }',
        'query ($bad: ID!) { x: shortestProgression(from: $bad, to: "staff-engineer") { length } }',
        'query ($bad: ID!) { x: compareRoles(a: "backend-engineer", b: $bad) { similarity } }',
        'query ($bad: ID!) { x: skillGap(from: "backend-engineer", to: $bad) { coverage } }',
        'query ($bad: ID!) { x: similarRoles(id: $bad) { score } }',
        'query ($bad: ID!) { x: sharedTools(roleIds: ["backend-engineer", $bad]) { id } }',
        'query ($bad: ID!) { x: sharedSkills(roleIds: [$bad, "backend-engineer"]) { id } }',
        'query ($bad: ID!) { x: sharedFrameworks(roleIds: ["backend-engineer", $bad]) { id } }',
        'query ($bad: ID!) { x: role(id: "backend-engineer") { pathsTo(id: $bad) { length } } }',
      ];
      for (const query of queries) {
        const { errors } = await gql.run(query, { bad });
        expect({ query, codes: codesOf(errors) }).toEqual({ query, codes: ['BAD_USER_INPUT'] });
      }
    },
  );
});

// ---- Round trips ---------------------------------------------------------------------------------

describe('round trips', () => {
  it('when a page of roles each asks for similarRoles and pathsTo, then the whole request costs a few queries, not one per role, and each answer is the single-role one', async () => {
    // Roles below principal-engineer's level 5, since pathsTo from a role to itself is an error.
    const { data, errors, dbQueries } = await gql.run(`{
      roles(first: 20, filter: { maxLevel: 4 }) { edges { node {
        id
        similarRoles(first: 2) { role { id } score }
        pathsTo(id: "principal-engineer") { length roles { id } }
      } } }
    }`);
    expect(errors).toBeUndefined();
    const nodes = data!.roles.edges.map((e: any) => e.node);
    const [{ below }] = await db.executor.read('MATCH (r:Role) WHERE r.level <= 4 RETURN count(r) AS below');
    expect(nodes.length).toBe(below);
    expect(dbQueries).toBeLessThanOrEqual(4);

    for (const node of nodes) {
      const single = await gql.run(
        `query ($id: ID!) {
          similarRoles(id: $id, first: 2) { role { id } score }
          progressionPaths(from: $id, to: "principal-engineer") { length roles { id } }
        }`,
        { id: node.id },
      );
      expect(single.errors).toBeUndefined();
      expect({ id: node.id, similar: node.similarRoles, paths: node.pathsTo }).toEqual({
        id: node.id,
        similar: single.data!.similarRoles,
        paths: single.data!.progressionPaths,
      });
    }
    // Some roles do reach Principal Engineer, so the batch did real work.
    expect(nodes.filter((n: any) => n.pathsTo.length > 0).length).toBeGreaterThan(1);
  });

  it('when the same page asks pathsTo with two sets of arguments, then each set is one more query, not one per role', async () => {
    // Roles below level 4, so that neither target is in the page (a route to itself is an error).
    const { errors, dbQueries } = await gql.run(`{
      roles(first: 20, filter: { maxLevel: 3 }) { edges { node {
        a: pathsTo(id: "principal-engineer") { length }
        b: pathsTo(id: "engineering-manager", includePivots: true, maxSteps: 3) { length }
        c: similarRoles(first: 1) { score }
        d: similarRoles(first: 4) { score }
      } } }
    }`);
    expect(errors).toBeUndefined();
    expect(dbQueries).toBeLessThanOrEqual(6);
  });
});

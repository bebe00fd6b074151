import { WriteRepository } from '../../src/graph/repositories/write.repository';
import { recomputeTransitions } from '../../src/import/similar-roles';
import { GraphEditService } from '../../src/services/graph-edit.service';
import { CANDIDATE_MAX_SHARE, MIN_REQUIREMENTS, TRANSITIONS_PER_ROLE } from '../../src/model/fit-weights';
import type { TestDatabase } from '../helpers/database';
import { FitOracle, type OracleFit, type OracleProfile } from '../helpers/fit-oracle';
import { createTestGraphQL, type TestGraphQL } from '../helpers/graphql';
import { openRealDataDatabase } from '../helpers/real-data';

/*
 * matchRoles and profileGap over the committed real-data slice (the article and data/default, as
 * `npm start` loads them, in the real-data Neo4j the suites reading it share), checked against a
 * brute-force oracle that reads the graph once and computes the README's formula in memory.
 */

jest.setTimeout(240_000);

let db: TestDatabase;
let api: TestGraphQL;
let oracle: FitOracle;

const FIT_FIELDS = `role { id name } fit coverage relevance missingCount
  covered { item { id } kind weight borrowed }
  missingEssentials(first: 20) { item { id } weight }`;

const MATCH = `query ($profile: ProfileInput!, $first: Int!, $filter: RoleMatchFilter) {
  matchRoles(profile: $profile, first: $first, filter: $filter) {
    rankedCount unrankedCount matches { ${FIT_FIELDS} }
  }
}`;

/** How many matches the ranking tests compare (within the API's cost limit for this selection). */
const LISTED = 25;

const GAP = `query ($profile: ProfileInput!, $to: ID!) { profileGap(profile: $profile, to: $to) { ${FIT_FIELDS} } }`;

interface ApiFit {
  role: { id: string; name: string };
  fit: number;
  coverage: number;
  relevance: number;
  missingCount: number;
  covered: { item: { id: string }; kind: string; weight: number; borrowed: boolean }[];
  missingEssentials: { item: { id: string }; weight: number }[];
}

beforeAll(async () => {
  db = await openRealDataDatabase({ NEO4J_TX_TIMEOUT_MS: '120000' });
  api = await createTestGraphQL(db);
  oracle = await FitOracle.read(db.executor);
});

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

async function matchRoles(profile: OracleProfile, first = LISTED, filter?: Record<string, unknown>) {
  const result = await api.run<{ matchRoles: { rankedCount: number; unrankedCount: number; matches: ApiFit[] } }>(
    MATCH,
    { profile, first, filter },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.matchRoles;
}

/** The answer agrees with the oracle's fit, item by item (floating sums may differ in the last bits). */
function expectSameFit(actual: ApiFit, expected: OracleFit) {
  expect(actual.role.id).toBe(expected.id);
  expect(actual.fit).toBeCloseTo(expected.fit, 9);
  expect(actual.coverage).toBeCloseTo(expected.coverage, 9);
  expect(actual.relevance).toBeCloseTo(expected.relevance, 9);
  expect(actual.missingCount).toBe(expected.missingCount);
  expect(actual.covered.map((c) => c.item.id)).toEqual(expected.covered.map((c) => c.id));
  actual.covered.forEach((c, i) => expect(c.weight).toBeCloseTo(expected.covered[i].weight, 9));
  expect(actual.missingEssentials.map((c) => c.item.id)).toEqual(expected.essentials.slice(0, 20).map((c) => c.id));
}

/** Rankings agree: same fits in the same order; roles whose fits tie (to 1e-9) may swap. */
function expectSameRanking(actual: ApiFit[], expected: OracleFit[]) {
  expect(actual.map((m) => m.fit.toFixed(9))).toEqual(expected.map((m) => m.fit.toFixed(9)));
  const byFit = (list: { fit: number; id: string }[]) => list.map((m) => `${m.fit.toFixed(9)} ${m.id}`).sort();
  expect(byFit(actual.map((m) => ({ fit: m.fit, id: m.role.id })))).toEqual(byFit(expected));
  for (const m of actual)
    expectSameFit(
      m,
      expected.find((e) => e.id === m.role.id)!,
    );
}

describe('matchRoles against the brute-force oracle (committed real-data slice)', () => {
  const profiles: [string, () => OracleProfile][] = [
    [
      'tools and O*NET skills',
      () => ({ tools: ['docker', 'git', 'kubernetes', 'postgresql'], skills: ['programming', 'critical-thinking'] }),
    ],
    ['the article’s Backend Engineer as current role', () => ({ currentRole: 'backend-engineer' })],
    [
      'article skills, a framework and a language',
      () => ({ skills: ['api-development', 'database-management'], frameworks: ['django'], languages: ['python'] }),
    ],
    ['an ESCO occupation with an O*NET counterpart as current role', () => ({ currentRole: borrowingRole() })],
    ['a current role and more tools', () => ({ currentRole: 'frontend-engineer', tools: ['docker'] })],
  ];

  it.each(profiles)('when the profile is %s, then the ranking is the oracle’s', async (_name, profileOf) => {
    const profile = profileOf();
    const expected = oracle.match(profile);
    expect(expected.ranked.length).toBeGreaterThan(3);
    const answer = await matchRoles(profile);
    expect(answer.rankedCount).toBe(expected.ranked.length);
    expect(answer.unrankedCount).toBe(expected.unranked);
    expectSameRanking(answer.matches, expected.ranked.slice(0, LISTED));
  });

  it('when the sources and minFit filter, then only those roles rank', async () => {
    const profile = { tools: ['docker', 'git', 'kubernetes', 'postgresql'], skills: ['programming'] };
    const onet = ['{"source":"O*NET",'];
    const all = oracle.match(profile, onet);
    // Halfway between two distinct fits past the middle, so no fit lies within rounding of it.
    const fits = all.ranked.map((m) => m.fit);
    const at = fits.findIndex((f, i) => i >= fits.length / 2 && i + 1 < fits.length && f - fits[i + 1] > 1e-6);
    const minFit = (fits[at] + fits[at + 1]) / 2;
    const expected = oracle.match(profile, onet, minFit);
    const answer = await matchRoles(profile, LISTED, { sources: ['O*NET 29.3'], minFit });
    expect(answer.rankedCount).toBe(expected.ranked.length);
    expect(answer.unrankedCount).toBe(expected.unranked);
    expectSameRanking(answer.matches, expected.ranked.slice(0, LISTED));
    expect(expected.ranked.length).toBeLessThan(all.ranked.length);
  });

  it('when first is given, then that many of the ranking are listed and rankedCount counts them all', async () => {
    const profile = { tools: ['docker', 'git'] };
    const expected = oracle.match(profile);
    const answer = await matchRoles(profile, 3);
    expect(answer.matches.map((m) => m.fit.toFixed(9))).toEqual(
      expected.ranked.slice(0, 3).map((m) => m.fit.toFixed(9)),
    );
    expect(answer.rankedCount).toBe(expected.ranked.length);
  });

  it('when the profile is empty, then nothing fits and the counts are still given', async () => {
    const answer = await matchRoles({});
    expect(answer.matches).toEqual([]);
    expect(answer.rankedCount).toBe(0);
    expect(answer.unrankedCount).toBe(oracle.match({}).unranked);
  });
});

describe('the minimum number of requirements', () => {
  const prefix = `t-fit-min-${Date.now().toString(36)}`;

  afterAll(async () => {
    await db.executor.write('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
  });

  it('when a role has fewer requirements than the minimum, then it is counted as unranked, not ranked, and profileGap still answers', async () => {
    const profile = { tools: ['docker', 'git'] };
    const before = await matchRoles(profile);
    const tools = ['docker', 'git', 'kubernetes', 'postgresql', 'grafana', 'node-js'].slice(0, MIN_REQUIREMENTS - 1);
    await db.executor.write(
      `CREATE (r:Role {id: $id, name: $id})
       WITH r UNWIND $tools AS t MATCH (x:Tool {id: t}) CREATE (r)-[:USES_TOOL]->(x)`,
      { id: `${prefix}-few`, tools },
    );
    const after = await matchRoles(profile);
    expect(after.unrankedCount).toBe(before.unrankedCount + 1);
    expect(after.matches.map((m) => m.role.id)).not.toContain(`${prefix}-few`);
    const gap = await api.run<{ profileGap: ApiFit }>(GAP, { profile, to: `${prefix}-few` });
    expect(gap.errors).toBeUndefined();
    expect(gap.data!.profileGap.covered.map((c) => c.item.id).sort()).toEqual(['docker', 'git']);
  });
});

describe('profileGap against the oracle', () => {
  it.each([
    ['backend-engineer', { tools: ['docker', 'git'], skills: ['api-development'] }],
    ['senior-backend-engineer', { currentRole: 'backend-engineer' }],
  ] as [string, OracleProfile][])(
    'when the target is %s, then coverage, covered and essentials are the oracle’s',
    async (to, profile) => {
      const result = await api.run<{ profileGap: ApiFit }>(GAP, { profile, to });
      expect(result.errors).toBeUndefined();
      expectSameFit(result.data!.profileGap, oracle.fitOf(to, oracle.profileItems(profile)));
    },
  );

  it('when the target borrows through the crosswalk, then the borrowed items are marked', async () => {
    const to = borrowingRole();
    const profile = { currentRole: borrowedFrom(to) };
    const result = await api.run<{ profileGap: ApiFit }>(GAP, { profile, to });
    expect(result.errors).toBeUndefined();
    const gap = result.data!.profileGap;
    expectSameFit(gap, oracle.fitOf(to, oracle.profileItems(profile)));
    const borrowed = [...oracle.requirements(to)].filter(([, r]) => r.borrowed).map(([id]) => id);
    expect(
      gap.covered
        .filter((c) => c.borrowed)
        .map((c) => c.item.id)
        .sort(),
    ).toEqual(borrowed.sort());
    expect(borrowed.length).toBeGreaterThan(0);
  });

  it('when the target role does not exist, then NOT_FOUND', async () => {
    const result = await api.run(GAP, { profile: { tools: ['docker'] }, to: 'no-such-role' });
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('bad input', () => {
  it('when profile ids name nothing of their kind, then BAD_USER_INPUT names each', async () => {
    const result = await api.run(MATCH, {
      profile: { tools: ['docker', 'no-such-tool'], skills: ['docker'], currentRole: 'no-such-role' },
      first: 5,
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (result.errors![0].extensions!.problems as { field: string }[]).map((p) => p.field);
    expect(fields.sort()).toEqual(['profile.currentRole', 'profile.skills[0]', 'profile.tools[1]']);
  });

  it.each([0, 101])('when first is %i, then BAD_USER_INPUT', async (first) => {
    const result = await api.run(
      'query ($first: Int!) { matchRoles(profile: { tools: ["docker"] }, first: $first) { rankedCount } }',
      { first },
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('when a source filter names no source, then BAD_USER_INPUT names it', async () => {
    const result = await api.run(MATCH, {
      profile: { tools: ['docker'] },
      first: 5,
      filter: { sources: ['O*NET 29.3', 'Monster'] },
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe('filter.sources[1]');
  });
});

const TRANSITIONS = `query ($from: ID!, $first: Int!, $minSimilarity: Float!, $keepPay: Boolean!) {
  transitions(from: $from, first: $first, minSimilarity: $minSimilarity, keepPay: $keepPay) {
    role { id salary { median min currency period basis } } similarity rank borrowed dataVersion stale
    shared { item { id } weight } missing { item { id } weight }
    salaryChange { min max } comparedVia { id } statedBy { kind direction sources }
  }
}`;

interface ApiTransition {
  role: { id: string; salary: { median: number | null; min: number } | null };
  similarity: number;
  rank: number;
  borrowed: boolean;
  dataVersion: string;
  stale: boolean;
  shared: { item: { id: string }; weight: number }[];
  missing: { item: { id: string }; weight: number }[];
  salaryChange: { min: number; max: number } | null;
  comparedVia: { id: string }[];
  statedBy: { kind: string; direction: string; sources: string[] }[];
}

async function transitions(from: string, keepPay = false, minSimilarity = 0) {
  const result = await api.run<{ transitions: ApiTransition[] }>(TRANSITIONS, {
    from,
    first: TRANSITIONS_PER_ROLE,
    minSimilarity,
    keepPay,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.transitions;
}

/**
 * The oracle's stored transitions of `from`: the best by fit among the roles sharing a
 * distinctive item with it, widened by its rarest common items while there are fewer than
 * TRANSITIONS_PER_ROLE of them.
 */
function oracleTransitions(from: string) {
  const holders = new Map<string, string[]>();
  for (const id of oracle.roles.keys())
    for (const item of oracle.requirements(id).keys()) holders.set(item, [...(holders.get(item) ?? []), id]);
  const maxHolders = Math.floor(oracle.roles.size * CANDIDATE_MAX_SHARE);
  const mine = [...oracle.requirements(from).keys()];
  const candidates = new Set(mine.filter((x) => holders.get(x)!.length <= maxHolders).flatMap((x) => holders.get(x)!));
  candidates.delete(from);
  const common = mine
    .filter((x) => holders.get(x)!.length > maxHolders)
    .sort((x, y) => holders.get(x)!.length - holders.get(y)!.length || (x < y ? -1 : 1));
  for (const x of common) {
    if (candidates.size >= TRANSITIONS_PER_ROLE) break;
    holders.get(x)!.forEach((id) => id !== from && candidates.add(id));
  }
  const items = oracle.profileItems({ currentRole: from });
  return [...candidates]
    .map((id) => oracle.fitOf(id, items))
    .filter((f) => f.fit > 0)
    .sort((a, b) => b.fit - a.fit)
    .slice(0, TRANSITIONS_PER_ROLE);
}

describe('transitions, stored at import, against the oracle', () => {
  it.each(['backend-engineer', 'software-developers'])(
    'when asked from %s, then the stored ranking and its items are the oracle’s',
    async (from) => {
      const answer = await transitions(from);
      const expected = oracleTransitions(from);
      expect(answer.length).toBeGreaterThan(3);
      expect(answer.map((t) => t.similarity.toFixed(9))).toEqual(expected.map((e) => e.fit.toFixed(9)));
      expect(answer.map((t) => t.rank)).toEqual(answer.map((_, i) => i + 1));
      for (const t of answer) {
        const e = expected.find((x) => x.id === t.role.id)!;
        expect(t.similarity).toBeCloseTo(e.fit, 9);
        expect(t.shared.map((x) => x.item.id)).toEqual(e.covered.slice(0, 50).map((x) => x.id));
        expect(t.stale).toBe(false);
      }
    },
  );

  it('when a role shares only common items, then its rarest common items still give it the oracle’s transitions', async () => {
    const holders = new Map<string, number>();
    for (const id of oracle.roles.keys())
      for (const item of oracle.requirements(id).keys()) holders.set(item, (holders.get(item) ?? 0) + 1);
    const maxHolders = Math.floor(oracle.roles.size * CANDIDATE_MAX_SHARE);
    const commonOnly = [...oracle.roles.keys()].filter((id) => {
      const items = [...oracle.requirements(id).keys()];
      return items.length > 0 && items.every((x) => holders.get(x)! > maxHolders);
    });
    expect(commonOnly.length).toBeGreaterThan(0);
    for (const from of commonOnly.slice(0, 3)) {
      const answer = await transitions(from);
      expect(answer.length).toBeGreaterThan(0);
      const expected = oracleTransitions(from);
      // Compared by score (ties may list roles in another order), each role with its own score.
      expect(answer.map((t) => t.similarity.toFixed(9))).toEqual(expected.map((e) => e.fit.toFixed(9)));
      const items = oracle.profileItems({ currentRole: from });
      for (const t of answer) expect(t.similarity).toBeCloseTo(oracle.fitOf(t.role.id, items).fit, 9);
    }
  });

  it('when the role borrows through the crosswalk, then its transitions say so and name the counterparts', async () => {
    const from = borrowingRole();
    const answer = await transitions(from);
    expect(answer.length).toBeGreaterThan(0);
    for (const t of answer) {
      expect(t.borrowed).toBe(true);
      expect(t.comparedVia.map((r) => r.id)).toEqual(expect.arrayContaining(oracle.counterparts(from)));
    }
    expect(answer.map((t) => t.similarity.toFixed(9))).toEqual(oracleTransitions(from).map((e) => e.fit.toFixed(9)));
  });

  it.each(['backend-engineer', 'software-developers'])(
    'when sources state edges between %s and a target, then statedBy names each kind once',
    async (from) => {
      const answer = await transitions(from);
      for (const t of answer) {
        const rows = await db.executor.read(
          `MATCH (a:Role {id: $a})-[e:PROGRESSES_TO|PIVOTS_TO|RELATED_TO|EQUIVALENT_TO]-(:Role {id: $b})
         RETURN type(e) AS kind, startNode(e) = a AS forward, coalesce(e.sources, []) AS sources`,
          { a: from, b: t.role.id },
        );
        // One entry per kind: its directions and the union of its edges' sources.
        const kinds = [...new Set(rows.map((r) => r.kind as string))].sort();
        expect(t.statedBy.map((m) => m.kind)).toEqual(kinds);
        for (const m of t.statedBy) {
          const of = rows.filter((r) => r.kind === m.kind);
          const ways = new Set(of.map((r) => r.forward as boolean));
          expect(m.direction).toBe(ways.size === 2 ? 'BOTH' : ways.has(true) ? 'FORWARD' : 'BACKWARD');
          expect([...m.sources].sort()).toEqual([...new Set(of.flatMap((r) => r.sources as string[]))].sort());
        }
      }
      expect(answer.some((t) => t.statedBy.length > 0)).toBe(true);
    },
  );

  it('when O*NET relates two occupations both ways, then statedBy lists RELATED_TO once, BOTH', async () => {
    const answer = await transitions('software-developers');
    const both = answer.flatMap((t) => t.statedBy.filter((m) => m.kind === 'RELATED_TO'));
    expect(both.length).toBeGreaterThan(0);
    expect(both.some((m) => m.direction === 'BOTH')).toBe(true);
  });

  it('when keepPay, then only the moves that do not lower the pay remain, in order', async () => {
    const all = await transitions('backend-engineer');
    const kept = await transitions('backend-engineer', true);
    const base = (
      await api.run<{ role: { salary: { median: number | null; min: number } | null } }>(
        'query { role(id: "backend-engineer") { salary { median min } } }',
      )
    ).data!.role.salary!;
    const keeps = (t: ApiTransition) =>
      t.salaryChange !== null &&
      (base.median !== null && t.role.salary!.median !== null
        ? t.role.salary!.median >= base.median
        : t.salaryChange.min >= 0);
    expect(kept.map((t) => t.role.id)).toEqual(all.filter(keeps).map((t) => t.role.id));
    expect(kept.length).toBeLessThan(all.length);
  });

  it('when recomputed, then the stored transitions are the same; a write changing requirements makes them stale until then', async () => {
    const stored = () =>
      db.executor.read(
        'MATCH (a:Role)-[s:SIMILAR_TO]->(b:Role) RETURN a.id + ">" + b.id + " " + toString(s.rank) + " " + toString(round(s.score, 9)) AS e ORDER BY e',
      );
    const before = await stored();
    const again = await recomputeTransitions(db.executor);
    expect(await stored()).toEqual(before);
    expect(again.edges).toBe(before.length);

    const edits = new GraphEditService(new WriteRepository(db.executor));
    await edits.link('USES_TOOL', 'backend-engineer', 'jira', {});
    let report;
    try {
      expect((await transitions('backend-engineer')).every((t) => t.stale && t.dataVersion === again.dataVersion)).toBe(
        true,
      );
    } finally {
      // The graph is shared with other suites: it gets its requirements and transitions back whatever happened.
      await edits.unlink('USES_TOOL', 'backend-engineer', 'jira');
      report = await recomputeTransitions(db.executor);
    }
    expect(await stored()).toEqual(before);
    expect((await transitions('backend-engineer')).every((t) => !t.stale && t.dataVersion === report.dataVersion)).toBe(
      true,
    );
  });

  it('when the role does not exist, then NOT_FOUND', async () => {
    const result = await api.run(TRANSITIONS, { from: 'no-such-role', first: 5, minSimilarity: 0.1, keepPay: false });
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

/** The first ESCO occupation (by id) that borrows from an O*NET counterpart. */
function borrowingRole(): string {
  const ids = [...oracle.roles.values()]
    .filter((r) => r.escoUri !== null)
    .map((r) => r.id)
    .sort();
  const id = ids.find((r) => [...oracle.requirements(r).values()].some((q) => q.borrowed));
  if (id === undefined) throw new Error('The slice has no ESCO occupation with an O*NET counterpart');
  return id;
}

function borrowedFrom(esco: string): string {
  return oracle.counterparts(esco)[0];
}

describe('similarRoles and compareRoles by the rule of the stored transitions', () => {
  const SIMILAR = `query ($id: ID!, $first: Int!) {
    similarRoles(id: $id, first: $first) { role { id } score sharedTools { id } sharedSkills { id } sharedFrameworks { id } }
  }`;
  const COMPARE = 'query ($a: ID!, $b: ID!) { compareRoles(a: $a, b: $b) { similarity } }';
  const FIRST = TRANSITIONS_PER_ROLE;

  interface ApiSimilar {
    role: { id: string };
    score: number;
    sharedTools: { id: string }[];
    sharedSkills: { id: string }[];
    sharedFrameworks: { id: string }[];
  }

  async function similarRoles(id: string) {
    const result = await api.run<{ similarRoles: ApiSimilar[] }>(SIMILAR, { id, first: FIRST });
    expect(result.errors).toBeUndefined();
    return result.data!.similarRoles;
  }

  const fromRoles = () => ['backend-engineer', 'software-developers', borrowingRole()];

  it('when a pair has a current stored transition, then compareRoles and similarRoles give its score', async () => {
    let pairs = 0;
    for (const from of fromRoles()) {
      const stored = await transitions(from);
      expect(stored.length).toBeGreaterThan(0);
      const similar = new Map((await similarRoles(from)).map((s) => [s.role.id, s.score]));
      for (const t of stored) {
        expect(t.stale).toBe(false);
        const compared = await api.run<{ compareRoles: { similarity: number } }>(COMPARE, { a: from, b: t.role.id });
        expect(compared.errors).toBeUndefined();
        expect({ from, to: t.role.id, similarity: compared.data!.compareRoles.similarity.toFixed(9) }).toEqual({
          from,
          to: t.role.id,
          similarity: t.similarity.toFixed(9),
        });
        if (similar.has(t.role.id)) {
          expect(similar.get(t.role.id)).toBeCloseTo(t.similarity, 9);
          pairs += 1;
        }
      }
    }
    expect(pairs).toBeGreaterThan(10);
  });

  it.each([['backend-engineer'], ['software-developers'], ['the first borrowing ESCO occupation']])(
    'when roles like %s are asked for, then they are the oracle’s best by fit to its requirements, with the items both require',
    async (name) => {
      const from = name.startsWith('the first') ? borrowingRole() : name;
      const profile = oracle.profileItems({ currentRole: from });
      const expected = [...oracle.roles.keys()]
        .filter((id) => id !== from)
        .map((id) => oracle.fitOf(id, profile))
        .filter((f) => f.fit > 0)
        .sort(
          (a, b) =>
            Number(b.fit.toFixed(12)) - Number(a.fit.toFixed(12)) ||
            (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1),
        )
        .slice(0, FIRST);
      const answer = await similarRoles(from);
      expect(answer.map((s) => `${s.role.id} ${s.score.toFixed(9)}`)).toEqual(
        expected.map((e) => `${e.id} ${e.fit.toFixed(9)}`),
      );
      for (const s of answer) {
        const both = [...oracle.requirements(s.role.id).keys()].filter((x) => profile.has(x));
        const ofLabel = (label: string) => both.filter((x) => oracle.label(x) === label).sort();
        expect({
          role: s.role.id,
          tools: s.sharedTools.map((x) => x.id).sort(),
          skills: s.sharedSkills.map((x) => x.id).sort(),
          frameworks: s.sharedFrameworks.map((x) => x.id).sort(),
        }).toEqual({
          role: s.role.id,
          tools: ofLabel('Tool'),
          skills: ofLabel('Skill'),
          frameworks: ofLabel('Framework'),
        });
      }
    },
  );
});

describe('the fit answers read their roles and items in full only when asked', () => {
  /** A role and requirement selection: names only, or with fields a lean record does not carry. */
  const roleOf = (full: boolean) => `__typename id name ${full ? 'summary onetCode escoCode' : ''}`;
  const itemOf = (full: boolean) => `__typename id name ${full ? 'description aliases' : ''}`;
  const fitOf = (full: boolean) => `role { ${roleOf(full)} } fit
    covered { item { ${itemOf(full)} } kind weight borrowed }
    missingEssentials(first: 20) { item { ${itemOf(full)} } weight }`;

  const CASES: Record<string, (full: boolean) => [string, Record<string, unknown>]> = {
    matchRoles: (full) => [
      `query ($profile: ProfileInput!) { matchRoles(profile: $profile, first: 10) { matches { ${fitOf(full)} } } }`,
      { profile: { currentRole: 'backend-engineer' } },
    ],
    profileGap: (full) => [
      `query ($profile: ProfileInput!, $to: ID!) { profileGap(profile: $profile, to: $to) { ${fitOf(full)} } }`,
      { profile: { tools: ['docker', 'git'] }, to: borrowingRole() },
    ],
    transitions: (full) => [
      `query ($from: ID!) { transitions(from: $from, first: 10, minSimilarity: 0) {
        role { ${roleOf(full)} } similarity comparedVia { ${roleOf(full)} }
        shared { item { ${itemOf(full)} } weight } missing { item { ${itemOf(full)} } weight } } }`,
      { from: borrowingRole() },
    ],
  };

  type Node = Record<string, unknown> & { __typename: string; id: string; name: string };
  /** Every role and item of an answer (objects with a __typename and an id), in answer order. */
  const nodesOf = (value: unknown): Node[] =>
    Array.isArray(value)
      ? value.flatMap(nodesOf)
      : typeof value === 'object' && value !== null
        ? [...('__typename' in value && 'id' in value ? [value as Node] : []), ...Object.values(value).flatMap(nodesOf)]
        : [];
  /** The answer with each node cut to its type, id and name: what the names-only query asks of it. */
  const skeleton = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(skeleton)
      : typeof value === 'object' && value !== null
        ? '__typename' in value && 'id' in value
          ? { __typename: (value as Node).__typename, id: (value as Node).id, name: (value as Node).name }
          : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, skeleton(v)]))
        : value;

  it.each(Object.keys(CASES))(
    'when %s is asked for names only and in full, then the nodes are the same, and the full fields are what Neo4j holds',
    async (name) => {
      const [leanQuery, variables] = CASES[name](false);
      const [fullQuery] = CASES[name](true);
      const lean = await api.run(leanQuery, variables);
      const full = await api.run(fullQuery, variables);
      expect(lean.errors).toBeUndefined();
      expect(full.errors).toBeUndefined();
      expect(skeleton(full.data)).toEqual(lean.data);

      const nodes = nodesOf(full.data);
      const rows = await db.executor.read(
        `UNWIND $ids AS id MATCH (n {id: id})
         RETURN n.id AS id, n.name AS name, n.description AS description, coalesce(n.aliases, []) AS aliases,
           n.summary AS summary, n.onetCode AS onetCode, n.escoCode AS escoCode`,
        { ids: [...new Set(nodes.map((n) => n.id))] },
      );
      const held = new Map(rows.map((r) => [r.id as string, r]));
      const asked = nodes.flatMap((n) =>
        Object.keys(n)
          .filter((k) => !['__typename', 'id', 'name'].includes(k))
          .map((k) => ({ node: n.id, field: k, value: n[k] })),
      );
      expect(asked.map(({ node, field, value }) => ({ node, field, value }))).toEqual(
        asked.map(({ node, field }) => ({ node, field, value: held.get(node)?.[field] ?? null })),
      );
      // Not vacuous: items with a description and roles with a code were among them.
      expect(asked.some((a) => a.field === 'description' && typeof a.value === 'string')).toBe(true);
      expect(asked.some((a) => (a.field === 'onetCode' || a.field === 'escoCode') && typeof a.value === 'string')).toBe(
        true,
      );
    },
  );
});

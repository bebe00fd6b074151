import { openTestDatabase, uniquePrefix, type TestDatabase } from '../helpers/database';
import { postGraphQL } from '../helpers/http-client';
import { deleteByPrefix, Rng } from '../helpers/random-graph';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * Rankings against a brute-force count in the test: a random graph of roles, tools and skills
 * (ids under one prefix, so `nameContains` keeps the other suites' nodes out of the count).
 */

const prefix = uniquePrefix('rankings');
const rng = new Rng(20261201);

interface Role {
  id: string;
  name: string;
  level: number;
  pay?: { min: number; max: number; median?: number; currency: string; period: string; basis: string };
}
interface Use {
  role: string;
  item: string;
  hot: boolean;
}

const roles: Role[] = Array.from({ length: 40 }, (_, i) => {
  const min = 40_000 + rng.int(100) * 1000;
  const pay = rng.chance(0.8)
    ? {
        min,
        max: min + rng.int(80) * 1000,
        ...(rng.chance(0.6) ? { median: min + 500 } : {}),
        currency: rng.chance(0.8) ? 'USD' : 'EUR',
        period: rng.chance(0.9) ? 'YEAR' : 'MONTH',
        basis: rng.chance(0.85) ? 'BASE' : 'TOTAL',
      }
    : undefined;
  return {
    id: `${prefix}-role-${i}`,
    name: `${prefix} role ${String(i).padStart(2, '0')}`,
    level: 1 + rng.int(5),
    pay,
  };
});
const tools = Array.from({ length: 12 }, (_, i) => ({ id: `${prefix}-tool-${i}`, name: `${prefix} tool ${i % 7}` }));
const skills = Array.from({ length: 8 }, (_, i) => ({ id: `${prefix}-skill-${i}`, name: `${prefix} skill ${i}` }));
const toolUses: Use[] = roles.flatMap((r) =>
  tools.filter(() => rng.chance(0.35)).map((t) => ({ role: r.id, item: t.id, hot: rng.chance(0.3) })),
);
const skillUses: Use[] = roles.flatMap((r) =>
  skills.filter(() => rng.chance(0.4)).map((s) => ({ role: r.id, item: s.id, hot: false })),
);

/** The brute-force ranking: count per item over the kept roles, the order the API states. */
function oracle(
  items: { id: string; name: string }[],
  uses: Use[],
  keep: (r: Role) => boolean,
  order: 'ROLE_COUNT' | 'HOT_COUNT',
  first: number,
) {
  const kept = new Set(roles.filter(keep).map((r) => r.id));
  const ranked = items
    .map((item) => {
      const mine = uses.filter((u) => u.item === item.id && kept.has(u.role));
      return { id: item.id, name: item.name, roleCount: mine.length, hotCount: mine.filter((u) => u.hot).length };
    })
    .filter((i) => i.roleCount > 0)
    .sort((a, b) => {
      const [x, y] = order === 'ROLE_COUNT' ? ['roleCount', 'hotCount'] : ['hotCount', 'roleCount'];
      const key = (k: string, i: typeof a) => i[k as 'roleCount' | 'hotCount'];
      return (
        key(x, b) - key(x, a) ||
        key(y, b) - key(y, a) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.id < b.id ? -1 : 1)
      );
    })
    .slice(0, first);
  return {
    roleCount: kept.size,
    items: ranked.map((i) => ({
      item: { id: i.id },
      roleCount: i.roleCount,
      hotCount: i.hotCount,
      share: i.roleCount / kept.size,
    })),
  };
}

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startTestServer(db);
  const flat = roles.map(({ pay, ...r }) => ({
    ...r,
    sources: ['test'],
    ...(pay
      ? {
          salaryMin: pay.min,
          salaryMax: pay.max,
          salaryMedian: pay.median ?? null,
          salaryCurrency: pay.currency,
          salaryPeriod: pay.period,
          salaryBasis: pay.basis,
        }
      : {}),
  }));
  await db.executor.write('UNWIND $roles AS r CREATE (n:Role) SET n = r', { roles: flat });
  await db.executor.write("UNWIND $items AS t CREATE (n:Tool) SET n = t, n.sources = ['test']", { items: tools });
  await db.executor.write("UNWIND $items AS s CREATE (n:Skill) SET n = s, n.sources = ['test']", { items: skills });
  await db.executor.write(
    "UNWIND $uses AS u MATCH (r:Role {id: u.role}), (t:Tool {id: u.item}) CREATE (r)-[:USES_TOOL {hot: u.hot, sources: ['test']}]->(t)",
    { uses: toolUses },
  );
  await db.executor.write(
    "UNWIND $uses AS u MATCH (r:Role {id: u.role}), (s:Skill {id: u.item}) CREATE (r)-[:REQUIRES_SKILL {sources: ['test']}]->(s)",
    { uses: skillUses },
  );
}, 120_000);

afterAll(async () => {
  await deleteByPrefix(db.executor, prefix);
  await server?.stop();
  await db?.close();
});

async function ok(query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await postGraphQL(server.url, query, variables);
  expect(answer.body?.errors).toBeUndefined();
  return answer.body!.data;
}

const RANK_ITEMS = `query ($kind: RankedKind!, $among: RoleFilter, $orderBy: ItemRankOrder!, $first: Int!) {
  rankItems(kind: $kind, among: $among, orderBy: $orderBy, first: $first) {
    roleCount items { item { id } roleCount hotCount share }
  }
}`;

describe('rankItems', () => {
  const all = (): boolean => true;
  it.each([
    ['tools by role count', 'TOOL', 'ROLE_COUNT', 20, all],
    ['tools by hot count', 'TOOL', 'HOT_COUNT', 5, all],
    ['skills by role count', 'SKILL', 'ROLE_COUNT', 3, all],
  ] as const)(
    'when %s are ranked over every role, then the counts and order are the brute force’s',
    async (_w, kind, orderBy, first, keep) => {
      const { rankItems } = await ok(RANK_ITEMS, { kind, orderBy, first, among: { nameContains: prefix } });
      const items = kind === 'TOOL' ? tools : skills;
      const uses = kind === 'TOOL' ? toolUses : skillUses;
      expect(rankItems).toEqual(oracle(items, uses, keep, orderBy, first));
    },
  );

  it('when the roles are narrowed by level, then only theirs are counted and shares are of them', async () => {
    const { rankItems } = await ok(RANK_ITEMS, {
      kind: 'TOOL',
      orderBy: 'ROLE_COUNT',
      first: 100,
      among: { nameContains: prefix, minLevel: 3 },
    });
    const expected = oracle(tools, toolUses, (r) => r.level >= 3, 'ROLE_COUNT', 100);
    expect(expected.roleCount).toBeLessThan(roles.length);
    expect(rankItems).toEqual(expected);
  });

  it('when no role is kept, then nothing is ranked and no share divides by zero', async () => {
    const { rankItems } = await ok(RANK_ITEMS, {
      kind: 'SKILL',
      orderBy: 'ROLE_COUNT',
      first: 10,
      among: { nameContains: `${prefix} none` },
    });
    expect(rankItems).toEqual({ roleCount: 0, items: [] });
  });

  it('when first is out of bounds, then it is BAD_USER_INPUT naming first', async () => {
    const answer = await postGraphQL(server.url, RANK_ITEMS, { kind: 'TOOL', orderBy: 'ROLE_COUNT', first: 0 });
    expect(answer.body?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

const RANK_PAY = `query ($filter: RoleFilter, $currency: String!, $period: SalaryPeriod!, $basis: SalaryBasis!, $first: Int!) {
  rankRolesByPay(filter: $filter, currency: $currency, period: $period, basis: $basis, first: $first) {
    comparedCount roles { role { id } pay median }
  }
}`;

describe('rankRolesByPay', () => {
  it.each([
    ['USD', 'YEAR', 'BASE'],
    ['EUR', 'YEAR', 'BASE'],
    ['USD', 'MONTH', 'TOTAL'],
  ])(
    'when roles paid in %s per %s on %s basis are ranked, then only like is compared, by median or mid-range',
    async (currency, period, basis) => {
      const { rankRolesByPay } = await ok(RANK_PAY, {
        filter: { nameContains: prefix },
        currency,
        period,
        basis,
        first: 10,
      });
      const like = roles.filter(
        (r) => r.pay && r.pay.currency === currency && r.pay.period === period && r.pay.basis === basis,
      );
      const pay = (r: Role) => r.pay!.median ?? (r.pay!.min + r.pay!.max) / 2;
      const expected = [...like]
        .sort((a, b) => pay(b) - pay(a) || (a.name < b.name ? -1 : 1))
        .slice(0, 10)
        .map((r) => ({ role: { id: r.id }, pay: pay(r), median: r.pay!.median !== undefined }));
      expect(rankRolesByPay).toEqual({ comparedCount: like.length, roles: expected });
    },
  );

  it('when the currency is not an ISO 4217 code, then it is BAD_USER_INPUT naming currency', async () => {
    const answer = await postGraphQL(server.url, RANK_PAY, {
      currency: 'DOLLARS',
      period: 'YEAR',
      basis: 'BASE',
      first: 5,
    });
    expect(answer.body?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency' });
  });
});

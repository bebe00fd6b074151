import autocannon from 'autocannon';
import { openSeededDatabase, type TestDatabase } from '../helpers/database';
import { graphSnapshot } from '../helpers/graph-snapshot';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * A bounded burst of the API's typical reads from 8 connections for 20 s on loopback. It checks
 * correctness under concurrency (every answer a 200 with data and no GraphQL error), not speed.
 */

jest.setTimeout(60_000);

const DURATION_S = 20;

/** The contract's typical reads, each with a check of what a correct answer holds. */
const OPERATIONS: { name: string; query: string; check: (data: any) => boolean }[] = [
  {
    name: 'RolePage',
    query: `query RolePage { role(id: "backend-engineer") {
      id name seniority level track summary responsibilities
      salary { min max currency period basis }
      toolUsages { tool { id name } emphasis sources }
      skillRequirements { skill { id name } emphasis }
      frameworkUsages { framework { name } note }
      workflowPractices { workflow { name } emphasis }
      employers { name } nextRoles { id name } adjacentRoles { id name } sources
    } }`,
    check: (d) => d.role?.id === 'backend-engineer' && d.role.skillRequirements.length > 0,
  },
  {
    name: 'RolesConnection',
    query: `query RolesConnection { roles(first: 10, filter: { minLevel: 1 }) {
      totalCount edges { cursor node { id name level tools { name } } } pageInfo { hasNextPage endCursor }
    } }`,
    check: (d) => d.roles.totalCount > 0 && d.roles.edges.length > 0,
  },
  {
    name: 'Search',
    query: `query Search { search(text: "kube", first: 5) { score node { __typename id name } } }`,
    check: (d) => d.search.length > 0,
  },
  {
    name: 'SharedTools',
    query: `query SharedTools { sharedTools(roleIds: ["senior-engineer", "backend-engineer"]) { id name } }`,
    check: (d) => Array.isArray(d.sharedTools),
  },
  {
    name: 'ProgressionPaths',
    query: `query ProgressionPaths { progressionPaths(from: "backend-engineer", to: "principal-engineer",
      includePivots: true, maxSteps: 6, first: 10) {
      length roles { id } steps { kind sources } salaryChange { min max currency }
      skillsToAcquire { name } toolsToLearn { name }
    } }`,
    check: (d) => d.progressionPaths.length > 0,
  },
  {
    name: 'CompareRoles',
    query: `query CompareRoles { compareRoles(a: "senior-engineer", b: "backend-engineer") {
      similarity tools { jaccard shared { name } onlyA { name } onlyB { name } }
      skills { jaccard } frameworks { shared { name } } salaryDifference { min max currency }
    } }`,
    check: (d) => typeof d.compareRoles.similarity === 'number',
  },
];

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await openSeededDatabase();
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe('the API under a bounded concurrent load', () => {
  it(`when 8 connections send the typical reads for ${DURATION_S} s, then every answer is a 200 with correct data and no errors`, async () => {
    // Each operation answers correctly on its own before the load starts.
    for (const op of OPERATIONS) {
      const { status, body } = await server.post({ query: op.query });
      expect({ op: op.name, status, errors: body.errors }).toEqual({ op: op.name, status: 200, errors: undefined });
      expect({ op: op.name, ok: op.check(body.data) }).toEqual({ op: op.name, ok: true });
    }
    const before = await graphSnapshot(db.executor);

    const answered = new Map<string, number>(OPERATIONS.map((op) => [op.name, 0]));
    const failures: { op: string; status: number; body: string }[] = [];
    const record = (op: (typeof OPERATIONS)[number]) => (status: number, body: string) => {
      answered.set(op.name, answered.get(op.name)! + 1);
      let ok = status === 200;
      try {
        const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
        ok = ok && parsed.errors === undefined && op.check(parsed.data);
      } catch {
        ok = false;
      }
      if (!ok && failures.length < 20) failures.push({ op: op.name, status, body: body.slice(0, 500) });
      else if (!ok) failures.push({ op: op.name, status, body: '' });
    };

    const result = await autocannon({
      url: server.url,
      connections: 8,
      duration: DURATION_S,
      timeout: 10,
      requests: OPERATIONS.map((op) => ({
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: op.query, operationName: op.name }),
        onResponse: record(op),
      })),
    });

    const total = [...answered.values()].reduce((a, b) => a + b, 0);
    expect({ failures: failures.slice(0, 5), failureCount: failures.length }).toEqual({
      failures: [],
      failureCount: 0,
    });
    expect({
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      mismatches: result.mismatches,
    }).toEqual({ non2xx: 0, errors: 0, timeouts: 0, mismatches: 0 });
    // Every operation ran many times, and every response was checked.
    for (const [op, n] of answered) expect({ op, atLeast100: n >= 100 }).toEqual({ op, atLeast100: true });
    expect(total).toBeGreaterThanOrEqual(result.requests.total);
    process.stdout.write(
      `load: ${total} requests in ${result.duration} s, ${Math.round(result.requests.average)} req/s, ` +
        `p99 ${result.latency.p99} ms\n`,
    );
    // Reads only: the graph is as it was.
    expect(await graphSnapshot(db.executor)).toEqual(before);
  });
});

import { serverAudits, type AuditResult } from 'graphql-http';
import { openSeededDatabase, type TestDatabase } from '../helpers/database';
import { graphSnapshot, type GraphSnapshot } from '../helpers/graph-snapshot';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * The GraphQL over HTTP conformance audits of graphql-http against the running app: no MUST may
 * fail. Warnings (SHOULDs the app does otherwise, e.g. Apollo answering 400 rather than 200 to a
 * parse failure under application/json) are printed so the README can list them.
 */

let db: TestDatabase;
let server: TestServer | undefined;
let baseline: GraphSnapshot;
const results: AuditResult[] = [];

// The audits are listed before the server exists; each one asks for the URL when it runs.
const audits = serverAudits({
  url: () => {
    if (!server) throw new Error('The test server is not running');
    return server.url;
  },
});

beforeAll(async () => {
  db = await openSeededDatabase();
  server = await startTestServer(db);
  baseline = await graphSnapshot(db.executor);
});
afterAll(async () => {
  const warnings = results.filter((r) => r.status === 'warn');
  const notices = results.filter((r) => r.status === 'notice');
  const lines = [
    `graphql-http audit: ${results.filter((r) => r.status === 'ok').length} ok, ${warnings.length} warn, ` +
      `${notices.length} notice, ${results.filter((r) => r.status === 'error').length} error`,
    ...warnings.map((r) => `  warn   ${r.id} ${r.name}${'reason' in r ? ` — ${r.reason}` : ''}`),
    ...notices.map((r) => `  notice ${r.id} ${r.name}${'reason' in r ? ` — ${r.reason}` : ''}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await server?.stop();
  await db?.close();
});

describe('graphql-http server audits', () => {
  it('when the audits are listed, then there are some to run', () => {
    expect(audits.length).toBeGreaterThan(20);
  });

  it.each(audits.map((a) => [a.id, a.name, a] as const))(
    'when audit %s (%s) runs against the app, then it does not fail',
    async (_id, _name, audit) => {
      const result = await audit.fn();
      results.push(result);
      const reason = 'reason' in result ? result.reason : undefined;
      expect({ status: result.status, reason }).not.toMatchObject({ status: 'error' });
    },
  );

  it('when every audit has run, then the graph is unchanged', async () => {
    expect(results).toHaveLength(audits.length);
    expect(await graphSnapshot(db.executor)).toEqual(baseline);
  });
});

import { createHash } from 'node:crypto';
import {
  createCareerGraphClient,
  NodeByIdDocument,
  RoleCardDocument,
  RolePageDocument,
  ToolUsersDocument,
  type RolePageQuery,
} from '../../examples/apollo-client/client';
import { closeSeededApi, KINDS, openSeededApi, SeedIndex, sortedIds } from './read-api.seed';
import type { TestDatabase } from '../helpers/database';
import type { TestGraphQL } from '../helpers/graphql';
import { startTestServer, type TestServer } from '../helpers/server';

/*
 * The Apollo Client example (examples/apollo-client) against the real API over HTTP, on the
 * seeded graph: every request it sends is recorded to see the persisted-query protocol.
 */

let db: TestDatabase;
let gql: TestGraphQL;
let seed: SeedIndex;
let server: TestServer;

beforeAll(async () => {
  ({ db, gql, seed } = await openSeededApi());
  server = await startTestServer(db);
});
afterAll(async () => {
  await server.stop();
  await closeSeededApi({ db, gql });
});

interface Sent {
  method: string;
  /** The query text the request carried, if any (a hashed-only request carries none). */
  text: string | undefined;
  hash: string | undefined;
  status: number;
  errorCodes: unknown[];
  cacheControl: string | null;
}

/** A client of `target` whose requests are recorded in `sent`. */
function recordingClient(target: TestServer = server) {
  const sent: Sent[] = [];
  const recording: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, any>) : undefined;
    const extensions = body?.extensions ?? JSON.parse(url.searchParams.get('extensions') ?? '{}');
    const res = await fetch(input, init);
    const answer = (await res.clone().json()) as { errors?: { extensions?: { code?: unknown } }[] };
    sent.push({
      method: init?.method ?? 'GET',
      text: body?.query ?? url.searchParams.get('query') ?? undefined,
      hash: extensions.persistedQuery?.sha256Hash,
      status: res.status,
      errorCodes: (answer.errors ?? []).map((e) => e.extensions?.code),
      cacheControl: res.headers.get('cache-control'),
    });
    return res;
  };
  return { client: createCareerGraphClient({ uri: `${target.base}/graphql`, fetch: recording }), sent };
}

describe('the Apollo Client example', () => {
  it('when a role is queried, then the typed answer matches the seed', async () => {
    const { client } = recordingClient();
    const role = seed.busiestFrom('USES_TOOL');
    const { data, error } = await client.query({ query: RoleCardDocument, variables: { id: role } });
    expect(error).toBeUndefined();
    expect(data?.role).toEqual({
      __typename: 'Role',
      id: role,
      name: seed.node(role).name,
      level: (seed.node(role) as { level?: number }).level ?? null,
      tools: seed
        .ordered(seed.out('USES_TOOL', role))
        .map((id) => ({ __typename: 'Tool', id, name: seed.node(id).name })),
    });
  });

  it('when node(id) is asked for one id of each kind, then each answers with its type', async () => {
    const { client } = recordingClient();
    for (const kind of KINDS) {
      const fact = seed.facts.nodes[kind][0];
      const { data } = await client.query({ query: NodeByIdDocument, variables: { id: fact.id } });
      expect(data?.node).toMatchObject({ id: fact.id, name: fact.name });
    }
  });

  it('when pages of roles are fetched with fetchMore, then relayStylePagination merges them into every role once, in order', async () => {
    const { client } = recordingClient();
    const roleCount = seed.facts.nodes.ROLE.length;
    expect(roleCount).toBeGreaterThan(8);
    const watched = client.watchQuery({ query: RolePageDocument, variables: { first: 4 } });
    // The watcher sees every state of the merged list; the test waits for the first page and for
    // the whole list.
    const firstPage = Promise.withResolvers<RolePageQuery>();
    const wholeList = Promise.withResolvers<RolePageQuery>();
    const subscription = watched.subscribe((result) => {
      if (result.dataState !== 'complete') return;
      const data = result.data as RolePageQuery;
      firstPage.resolve(data);
      if (data.roles.edges.length >= roleCount) wholeList.resolve(data);
    });
    try {
      const first = await firstPage.promise;
      expect(first.roles.edges).toHaveLength(4);
      expect(first.roles.totalCount).toBe(roleCount);

      // Each fetchMore answers with the page it fetched; its pageInfo says where to go next.
      let pageInfo = first.roles.pageInfo;
      let pages = 1;
      while (pageInfo.hasNextPage && pages <= roleCount) {
        const more = await watched.fetchMore({ variables: { after: pageInfo.endCursor } });
        pageInfo = (more.data as RolePageQuery).roles.pageInfo;
        pages += 1;
      }
      expect(pages).toBe(Math.ceil(roleCount / 4));
      const merged = await wholeList.promise;
      expect(merged.roles.edges.map((e) => e.node.id)).toEqual(sortedIds(seed.facts.nodes.ROLE));
      expect(merged.roles.pageInfo.hasNextPage).toBe(false);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('when a persisted query is sent, then the hash goes first, the text once on PersistedQueryNotFound, and later clients send the hash alone over a cacheable GET', async () => {
    // A server of its own: its persisted-query cache starts empty whatever the other tests sent.
    const fresh = await startTestServer(db);
    try {
      const role = seed.busiestFrom('USES_TOOL');
      const first = recordingClient(fresh);
      await first.client.query({ query: RoleCardDocument, variables: { id: role } });
      const [miss, register] = first.sent;
      expect(first.sent.map((s) => [s.method, s.text !== undefined, s.hash])).toEqual([
        ['GET', false, miss.hash],
        ['POST', true, miss.hash],
      ]);
      expect(miss.errorCodes).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      // The hash is the SHA-256 of the exact text the client registers.
      expect(createHash('sha256').update(register.text!).digest('hex')).toBe(miss.hash);
      expect(register.cacheControl).toBe('no-store');

      const later = recordingClient(fresh);
      const { data } = await later.client.query({ query: RoleCardDocument, variables: { id: role } });
      expect(data?.role?.id).toBe(role);
      expect(later.sent).toEqual([
        {
          method: 'GET',
          text: undefined,
          hash: miss.hash,
          status: 200,
          errorCodes: [],
          cacheControl: `public, max-age=${db.config.http.cacheMaxAge}`,
        },
      ]);
    } finally {
      await fresh.stop();
    }
  });

  it('when the same role is reached by two paths, then the cache holds it as one entry with the fields of both', async () => {
    const { client } = recordingClient();
    const role = seed.busiestFrom('USES_TOOL');
    const tool = seed.out('USES_TOOL', role)[0];
    await client.query({ query: RoleCardDocument, variables: { id: role } });
    await client.query({ query: ToolUsersDocument, variables: { id: tool } });

    const snapshot = client.cache.extract() as Record<string, Record<string, unknown>>;
    const entries = Object.keys(snapshot).filter((key) => key === `Role:${role}` || key.includes(`"${role}"`));
    expect(entries).toEqual([`Role:${role}`]);
    expect(snapshot[`Role:${role}`]).toMatchObject({ id: role, name: seed.node(role).name, tools: expect.any(Array) });

    // The tool's list points at the same entry rather than holding a copy.
    const usedBy = snapshot[`Tool:${tool}`].usedBy as { __ref: string }[];
    expect(usedBy).toContainEqual({ __ref: `Role:${role}` });
  });
});

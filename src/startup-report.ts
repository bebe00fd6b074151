import type { Config } from './config';
import type { Executor } from './graph/executor';
import { SystemRepository } from './graph/repositories/system.repository';
import type { Logger } from './logger';
import { NODE_KINDS, NODE_KIND_NAMES } from './model/kinds';
import type { Neo4jEndpoint } from './neo4j-endpoint';

const ORIGINS: Record<Neo4jEndpoint['origin'], string> = {
  configured: 'NEO4J_URI',
  reused: 'already running, reused',
  started: 'started by this process',
};

export interface StartupFacts {
  config: Config;
  endpoint: Pick<Neo4jEndpoint, 'uri' | 'origin'>;
  executor: Executor;
  /** Whether the seed was loaded at this start (into an empty graph). */
  seeded: boolean;
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
}

/**
 * The lines a person starting the API reads: which Neo4j, what data and where it came from, and
 * where to point a browser. Each line also carries its facts under `startup` for log collectors
 * (readable terminal lines leave them out: the message already says them).
 */
export async function reportStartup(log: Logger, facts: StartupFacts): Promise<void> {
  const { config, url } = facts;
  try {
    await reportGraph(log, facts);
  } catch (error) {
    // The API is up; a summary that could not be read must not take it down.
    log.warn({ err: error }, 'Could not read which Neo4j answers or what the graph holds');
  }
  const base = url.replace(/\/graphql$/, '');
  const urls = {
    api: url,
    ...(config.http.landingPage ? { sandbox: url } : {}),
    explorer: `${base}/explore`,
    graphiql: `${base}/graphiql`,
  };
  const sandbox = config.http.landingPage ? ` (Apollo Sandbox in a browser)` : '';
  log.info(
    { startup: urls },
    `Career Graph is serving GraphQL at ${url}${sandbox}; explorer ${urls.explorer}; GraphiQL ${urls.graphiql}`,
  );
}

async function reportGraph(log: Logger, { config, endpoint, executor, seeded }: StartupFacts): Promise<void> {
  const system = new SystemRepository(executor);
  const [db, counts] = await Promise.all([system.dbInfo(), system.graphCounts()]);
  const database = config.neo4j.database ?? 'default database';
  log.info(
    { startup: { neo4j: endpoint.uri, origin: endpoint.origin, version: db.version, edition: db.edition, database } },
    `Neo4j ${db.version} ${db.edition} at ${endpoint.uri} (${ORIGINS[endpoint.origin]}; ${database})`,
  );
  const source = seeded
    ? 'seed/ loaded into the empty graph at this start'
    : config.seedOnStart
      ? 'the graph as found (not empty, so not seeded)'
      : 'the graph as found (SEED_ON_START=false)';
  const perKind = NODE_KIND_NAMES.map((kind) => `${counts.nodes[kind]} ${NODE_KINDS[kind].fileKey}`).join(', ');
  log.info(
    { startup: { data: source, nodes: counts.nodes, relationships: counts.relationships, derived: counts.derived } },
    `Data: ${source}: ${perKind}; ${counts.relationships} relationships, ${counts.derived} derived (stored transitions)`,
  );
}

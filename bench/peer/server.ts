// As the API does (src/index.ts), so that the comparison is of the servers, not of the driver's garbage.
import '../../src/driver-load-hook';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { typeDefs } from './type-defs';

/**
 * The peer: an @neo4j/graphql 7 server on Apollo Server's standalone HTTP server, over the same
 * database. Env: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT. Prints "ready <url>" when serving.
 */
async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  const driver = neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'careergraph'),
    { maxConnectionPoolSize: 50 },
  );
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 4100), host: '127.0.0.1' },
  });
  process.stdout.write(`ready ${url}\n`);
  const stop = () => {
    void server.stop().then(() => driver.close());
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

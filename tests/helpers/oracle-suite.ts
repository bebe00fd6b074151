import { openTestDatabase, uniquePrefix, type TestDatabase } from './database';
import { createTestGraphQL, type TestGraphQL } from './graphql';
import { Rng, deleteByPrefix, insertGraphs, randomGraph, type GraphOptions, type RandomGraph } from './random-graph';

export interface OracleSuite {
  prefix: string;
  graphs: RandomGraph[];
  readonly db: TestDatabase;
  readonly gql: TestGraphQL;
}

/**
 * The set-up of a suite that checks the API against an oracle over random graphs: the graphs
 * (one per spec, under a prefix of the suite's own) written before its tests and removed after.
 */
export function oracleSuite(name: string, specs: (GraphOptions & { seed: number })[]): OracleSuite {
  const prefix = uniquePrefix(name);
  const graphs = specs.map((spec, g) => randomGraph(new Rng(spec.seed), `${prefix}-g${g}`, spec));
  let db: TestDatabase | undefined;
  let gql: TestGraphQL | undefined;
  beforeAll(async () => {
    // These suites check answers, not speed: the deepest route searches on a busy machine may
    // outlast the production transaction timeout, so they get a longer one.
    db = await openTestDatabase();
    await insertGraphs(db.executor, graphs);
    gql = await createTestGraphQL(db);
  });
  afterAll(async () => {
    await gql?.stop();
    if (db) {
      await deleteByPrefix(db.executor, prefix);
      await db.close();
    }
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The oracle suite is used before its set-up ran');
    return value;
  };
  return {
    prefix,
    graphs,
    get db() {
      return ready(db);
    },
    get gql() {
      return ready(gql);
    },
  };
}

export { isBoltAnswering } from './bolt-probe';
export { LocalNeo4jError } from './errors';
export { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from './local-neo4j';
export type { LocalNeo4jStatus, StartResult } from './local-neo4j';

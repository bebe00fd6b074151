/** Stops the embedded Neo4j if the global setup started it. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __releaseNeo4j?: () => Promise<void> }).__releaseNeo4j?.();
}

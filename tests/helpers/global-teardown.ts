/** Stops the seeded Neo4j, and the embedded one if the global setup started it. */
export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as { __releaseNeo4j?: () => Promise<void>; __releaseSeededNeo4j?: () => Promise<void> };
  await globals.__releaseSeededNeo4j?.();
  await globals.__releaseNeo4j?.();
}

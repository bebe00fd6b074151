import path from 'node:path';
import fs from 'node:fs';
import { releaseRealData } from './real-data';

/** Stops the real-data and seeded Neo4j, and the embedded one if the global setup started it. */
export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as { __releaseNeo4j?: () => Promise<void>; __releaseSeededNeo4j?: () => Promise<void> };
  const realData = process.env.CAREER_GRAPH_TEST_REAL_DATA_STATE;
  if (realData) {
    await releaseRealData(realData);
    fs.rmSync(path.dirname(realData), { recursive: true, force: true });
  }
  await globals.__releaseSeededNeo4j?.();
  await globals.__releaseNeo4j?.();
}

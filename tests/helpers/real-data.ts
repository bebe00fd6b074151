import fs from 'node:fs';
import path from 'node:path';
import type { LocalNeo4jConfig } from '../../src/config';
import { foldersIn } from '../../src/import/inputs';
import { importSources } from '../../src/import/pipeline';
import { stopLocalNeo4j } from '../../src/local-neo4j';
import type { TestDatabase } from './database';
import { openDatabaseAt, startPrivateNeo4j } from './private-neo4j';

/*
 * The article and the committed default slice of O*NET, ESCO, the crosswalk and BLS, as
 * `npm start` loads them, in a private Neo4j shared by the suites that read the real data. Its
 * start and load take a minute or more, so the first suite that asks pays for them, once a run,
 * and the global teardown stops it. A suite that adds to it removes what it added; none resets it.
 */

interface RealDataState {
  cfg: LocalNeo4jConfig;
  uri: string;
  /** Set once the load is complete; `failed` if it threw. */
  loaded: boolean;
  failed?: string;
}

const ROOT = path.join(__dirname, '..', '..');
const WAIT_MS = 600_000;

function statePath(): string {
  const file = process.env.CAREER_GRAPH_TEST_REAL_DATA_STATE;
  if (!file) throw new Error('The Jest global setup did not provide the real-data state file');
  return file;
}

function readState(file: string): RealDataState | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RealDataState) : undefined;
}

/** Starts and loads the real-data Neo4j, unless another suite has (or is doing so): then waits for it. */
async function ensureLoaded(file: string): Promise<RealDataState> {
  let claimed = true;
  try {
    fs.writeFileSync(`${file}.claim`, String(process.pid), { flag: 'wx' });
  } catch {
    claimed = false;
  }
  if (claimed) {
    const neo4j = await startPrivateNeo4j();
    const state: RealDataState = { cfg: neo4j.cfg, uri: neo4j.uri, loaded: false };
    // Written before the load, so that the teardown stops it whatever happens next.
    fs.writeFileSync(file, JSON.stringify(state));
    try {
      // A fresh database plans its first statements slowly: the one-off load gets time.
      const db = await openDatabaseAt(neo4j.uri, { NEO4J_TX_TIMEOUT_MS: '120000' });
      try {
        await importSources(
          db.executor,
          { article: [path.join(ROOT, 'seed')], ...foldersIn(path.join(ROOT, 'data', 'default')) },
          { intoEmpty: true },
        );
      } finally {
        await db.close();
      }
      state.loaded = true;
    } catch (error) {
      state.failed = String(error);
    }
    fs.writeFileSync(file, JSON.stringify(state));
  }
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const state = readState(file);
    if (state?.failed) throw new Error(`Loading the real-data graph failed: ${state.failed}`);
    if (state?.loaded) return state;
    if (Date.now() > deadline) throw new Error('The real-data graph was not loaded in time');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The shared real-data Neo4j (started and loaded on first use). */
export async function openRealDataDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const state = await ensureLoaded(statePath());
  return openDatabaseAt(state.uri, env);
}

/** Stops the real-data Neo4j if a suite started it, and removes its folder (the global teardown). */
export async function releaseRealData(file: string): Promise<void> {
  const state = readState(file);
  if (state) {
    await stopLocalNeo4j(state.cfg);
    fs.rmSync(state.cfg.dir, { recursive: true, force: true });
  }
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.claim`, { force: true });
}

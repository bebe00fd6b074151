import { createRequire } from 'node:module';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type * as GenerateModule from '../src/cli/generate';
import {
  inTurn,
  interleave,
  profilesIn,
  R5_PROFILES,
  R6_MIN_SIMILARITY,
  type Vars,
  type WorkloadId,
} from './workloads';

/*
 * The workloads' variables, drawn deterministically from the graph a bench Neo4j holds: by the
 * bench before it times a data set, and by the before/after pairs (bench/pairs.ts).
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const { rng } = createRequire(__filename)(path.join(ROOT, 'dist', 'cli/generate')) as typeof GenerateModule;
const say = (msg: string) => process.stderr.write(`${msg}\n`);

/** The graphs the bench loads: the generated ones (seed, quick, small, large) and the merged real one. */
export type DatasetName = 'seed' | 'quick' | 'small' | 'large' | 'real';

const NO_VARIABLES: Record<WorkloadId, Vars[]> = {
  W1: [],
  W2: [],
  W3: [],
  W4: [],
  W5: [],
  W6: [],
  R1: [],
  R2: [],
  R3: [],
  R4: [],
  R5: [],
  R6: [],
};

/** R6's roles to move from: this many of each source (O*NET, ESCO, the article), in turn. */
const R6_FROM_PER_SOURCE = 10;
const R6_SOURCES = ['O*NET', 'ESCO', 'the article'] as const;

/** How people write one alternate title of O*NET's Web Developers: every spelling must find it. */
const BACK_END_SPELLINGS = ['back end developer', 'back-end developer', 'backend developer'];

/**
 * Variables of the real graph's workloads, drawn deterministically: O*NET occupations for the
 * role page, pairs O*NET relates (so they share tools) for shared tools and comparison,
 * O*NET's alternate titles (the three spellings of "back end developer" first) for search,
 * R5_PROFILES in turn for the fit, and roles of each source with stored transitions for R6.
 */
async function drawRealVariables(driver: Driver, count: number): Promise<Record<WorkloadId, Vars[]>> {
  const random = rng(42);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const read = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(cypher, params, { routing: 'READ' })).records;
  const ids = (await read('MATCH (r:Role) WHERE r.onetCode IS NOT NULL RETURN r.id AS id ORDER BY id')).map(
    (r) => r.get('id') as string,
  );
  const pairs = (
    await read(
      'MATCH (a:Role)-[:RELATED_TO]->(b:Role) WHERE a.onetCode IS NOT NULL AND b.onetCode IS NOT NULL RETURN a.id AS a, b.id AS b ORDER BY a, b',
    )
  ).map((r) => ({ a: r.get('a') as string, b: r.get('b') as string }));
  const titles = (
    await read('MATCH (r:Role) WHERE r.onetCode IS NOT NULL UNWIND r.alternateTitles AS t RETURN DISTINCT t ORDER BY t')
  ).map((r) => r.get('t') as string);
  if (ids.length === 0 || pairs.length === 0 || titles.length === 0) {
    throw new Error('The real graph holds no O*NET occupations, related pairs or alternate titles');
  }
  const n = (make: () => Vars) => Array.from({ length: count }, make);
  return {
    ...NO_VARIABLES,
    R1: n(() => ({ id: pick(ids) })),
    R2: n(() => pick(pairs)),
    R3: [...BACK_END_SPELLINGS.map((text) => ({ text })), ...n(() => ({ text: pick(titles) }))].slice(0, count),
    R4: n(() => pick(pairs)),
    R5: inTurn(await profilesOfGraph(read), count).map((profile) => ({ profile })),
    R6: inTurn(await transitionSources(read, random), count).map((from) => ({ from })),
  };
}

type Read = (cypher: string, params?: Record<string, unknown>) => Promise<{ get(key: string): unknown }[]>;

/** R5_PROFILES as the graph holds them: the full data holds every id, a slice may lack some (said, and left out). */
async function profilesOfGraph(read: Read) {
  const wanted = [...new Set(R5_PROFILES.flatMap((p) => [...p.skills, ...p.tools, ...p.frameworks, ...p.languages]))];
  const present = new Set(
    (
      await read(
        'UNWIND $ids AS id MATCH (x {id: id}) WHERE x:Skill OR x:Tool OR x:Framework OR x:Language RETURN x.id AS id',
        { ids: wanted },
      )
    ).map((r) => r.get('id') as string),
  );
  const { profiles, absent } = profilesIn(R5_PROFILES, present);
  if (absent.length > 0) say(`  R5: ${absent.length} profile id(s) not in this graph, left out: ${absent.join(', ')}`);
  return profiles;
}

/** R6_FROM_PER_SOURCE roles of each source with a stored transition R6 lists, the sources in turn. */
async function transitionSources(read: Read, random: () => number) {
  const rows = await read(
    `MATCH (r:Role) WHERE EXISTS { (r)-[s:SIMILAR_TO]->() WHERE s.score >= $min }
     RETURN r.id AS id, CASE WHEN r.onetCode IS NOT NULL THEN 'O*NET' WHEN r.escoUri IS NOT NULL THEN 'ESCO' ELSE 'the article' END AS source
     ORDER BY id`,
    { min: R6_MIN_SIMILARITY },
  );
  const bySource = R6_SOURCES.map((source) => {
    const ids = rows.filter((r) => r.get('source') === source).map((r) => r.get('id') as string);
    const chosen: string[] = [];
    while (chosen.length < Math.min(R6_FROM_PER_SOURCE, ids.length)) {
      const id = ids[Math.floor(random() * ids.length)];
      if (!chosen.includes(id)) chosen.push(id);
    }
    return chosen;
  });
  const missing = R6_SOURCES.filter((_, i) => bySource[i].length === 0);
  if (missing.length > 0) say(`  R6: no role of ${missing.join(', ')} has a stored transition`);
  return interleave(bySource);
}

/** Variables for each workload, drawn deterministically from the loaded graph. */
export async function drawVariables(
  driver: Driver,
  count: number,
  dataset: DatasetName,
): Promise<Record<WorkloadId, Vars[]>> {
  if (dataset === 'real') return drawRealVariables(driver, count);
  const random = rng(42);
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const ids = (await session.run('MATCH (r:Role) RETURN r.id AS id ORDER BY id')).records.map(
      (r) => r.get('id') as string,
    );
    const edges = await session.run(
      'MATCH (a:Role)-[:PROGRESSES_TO]->(b:Role) RETURN a.id AS a, b.id AS b ORDER BY a, b',
    );
    const next = new Map<string, string[]>();
    for (const r of edges.records) next.set(r.get('a'), [...(next.get(r.get('a')) ?? []), r.get('b') as string]);
    const names = await session.run('MATCH (n) WHERE n:Role OR n:Tool OR n:Skill RETURN n.name AS name ORDER BY name');
    const words = [
      ...new Set(names.records.flatMap((r) => (r.get('name') as string).toLowerCase().match(/[a-z]{3,}/g) ?? [])),
    ].sort();
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    const pair = () => {
      const a = pick(ids);
      let b = pick(ids);
      while (b === a) b = pick(ids);
      return { a, b };
    };
    const path = () => {
      for (;;) {
        const from = pick(ids);
        let at = from;
        const steps = 1 + Math.floor(random() * 4);
        const seen = new Set([from]);
        for (let i = 0; i < steps; i++) {
          const options = (next.get(at) ?? []).filter((id) => !seen.has(id));
          if (options.length === 0) break;
          at = pick(options);
          seen.add(at);
        }
        if (at !== from) return { from, to: at };
      }
    };
    const n = (make: () => Vars) => Array.from({ length: count }, make);
    return {
      ...NO_VARIABLES,
      W1: n(() => ({ id: pick(ids) })),
      W2: [{}],
      W3: n(pair),
      W4: n(path),
      W5: n(() => ({ text: pick(words) })),
      W6: n(pair),
    };
  } finally {
    await session.close();
  }
}

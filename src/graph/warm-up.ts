import { DEFAULT_MAX_STEPS, DEFAULT_VIA } from '../model/transitions';
import type { Executor } from './executor';
import { createRepositories } from './repositories';
import type { ProfileIds } from './repositories/fit.repository';
import { DIMENSIONS, FULL, NAMES_ONLY, OVERLAP_PARTS } from './repositories/traversal.repository';

/**
 * An id no node has: the statements below run to completion and find nothing. Its length is an
 * ordinary id's: Neo4j keys a cached plan by the parameters' types and sizes (a string of 8
 * characters and one of 30 are planned apart), so it stands for ids of 10 to 99 characters.
 */
const NOTHING = '\u0000no node has this id';

/** A profile of a few items of each kind (list sizes key the plan as string lengths do). */
const few = [NOTHING, NOTHING, NOTHING];
const PROFILE: ProfileIds = { skills: few, tools: few, frameworks: few, languages: few, currentRole: NOTHING };

/**
 * The statements whose first planning takes seconds (fit, similarity, comparison, routes: Neo4j
 * plans one from scratch the first time it sees its text with those parameter types, and
 * caches the plan), each run once through its repository with ids that name nothing, so the
 * same text and parameter types are planned before anyone asks. Under load a cold comparison
 * took longer than the transaction timeout. Statements whose text depends on the query (route
 * kinds and lengths, the overlaps a comparison reads, read plans) are warmed in their fullest
 * or default form only.
 */
const WARMED: Record<string, (repos: ReturnType<typeof createRepositories>) => Promise<unknown>> = {
  matchRoles: (r) => r.fit.matchRoles(PROFILE, { first: 10, minFit: 0, sourcePrefixes: null }, FULL),
  profileGap: (r) => r.fit.profileGap(PROFILE, NOTHING, FULL),
  transitions: (r) => r.fit.transitions(NOTHING, { first: 10, minSimilarity: 0.1, keepPay: false }, FULL),
  // The fits asked for names only (as the explorer asks them) are statements of their own.
  matchRolesByName: (r) => r.fit.matchRoles(PROFILE, { first: 10, minFit: 0, sourcePrefixes: null }, NAMES_ONLY),
  profileGapByName: (r) => r.fit.profileGap(PROFILE, NOTHING, NAMES_ONLY),
  transitionsByName: (r) => r.fit.transitions(NOTHING, { first: 10, minSimilarity: 0.1, keepPay: false }, NAMES_ONLY),
  similarRoles: (r) => r.traversals.similarRolesTo(NOTHING, 5, FULL),
  compareRoles: (r) =>
    r.traversals.compareRoles(NOTHING, NOTHING, {
      ...FULL,
      parts: Object.fromEntries(DIMENSIONS.map((d) => [d, [...OVERLAP_PARTS]])) as Record<
        (typeof DIMENSIONS)[number],
        (typeof OVERLAP_PARTS)[number][]
      >,
      similarity: true,
      jaccard: true,
    }),
  skillGap: (r) => r.traversals.skillGap(NOTHING, NOTHING, FULL),
  progressionPaths: (r) =>
    r.routes.progressionPathsBetween(NOTHING, {
      to: NOTHING,
      maxSteps: DEFAULT_MAX_STEPS,
      first: 5,
      via: DEFAULT_VIA,
      rankBy: 'FEWEST_STEPS',
      shape: { ...FULL, tools: true, learnCount: true },
    }),
  routeCandidates: (r) => r.routes.routeCandidates(NOTHING, NOTHING, DEFAULT_MAX_STEPS, DEFAULT_VIA),
};

export interface WarmUpReport {
  statements: string[];
  ms: number;
  failed: { statement: string; error: unknown }[];
}

/** Plans the WARMED statements one after the other; a failure is reported, never thrown. */
export async function warmStatements(executor: Executor): Promise<WarmUpReport> {
  const repos = createRepositories(executor);
  const started = Date.now();
  const failed: WarmUpReport['failed'] = [];
  for (const [statement, run] of Object.entries(WARMED)) {
    await run(repos).catch((error: unknown) => failed.push({ statement, error }));
  }
  return { statements: Object.keys(WARMED), ms: Date.now() - started, failed };
}

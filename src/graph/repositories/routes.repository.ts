import { z } from 'zod';
import {
  TRANSITION_TYPES,
  kindOfType,
  stepReason,
  type RouteRankName,
  type TransitionKindName,
  type TransitionType,
} from '../../model/transitions';
import { PUBLISHERS } from '../../sources/publishers';
import * as Q from '../cypher/routes.cypher';
import type { Executor, Params } from '../executor';
import { cypherInt } from '../mapping';
import { nodeRecord, roleRecord, salaryChangeRecord, type CareerPathRecord } from '../records';
import { column, columnOf, readChecked, type Checked } from './traversal.repository';

/**
 * What a route answer reads: lean parts as in AnswerShape, the tools to learn only if asked, and
 * toLearnCount counted for the routes kept only if asked (a ranking by it counts it anyway).
 */
export type PathShape = Q.RouteShape;

export interface PathQuery {
  to: string;
  maxSteps: number;
  first: number;
  via: readonly TransitionKindName[];
  rankBy: RouteRankName;
  shape: PathShape;
}

/* Row codecs of the route statements (their shapes are documented in routes.cypher). */

const transitionType = z.enum(Object.values(TRANSITION_TYPES) as [TransitionType, ...TransitionType[]]);

const stepRow = z.object({
  type: transitionType,
  sources: z.array(z.string()),
  tier: z.string().nullable(),
  rank: z.number().nullable(),
  score: z.number().nullable(),
});

const payFigureRow = z
  .object({
    role: roleRecord,
    hasFigure: z.boolean(),
    source: z.string().nullable(),
    period: z.string().nullable(),
    currency: z.string().nullable(),
  })
  // The article states its figures without naming a source field: they are its own.
  .transform(({ role, hasFigure, source, period, currency }) =>
    hasFigure
      ? { role, source: source ?? PUBLISHERS.article.source, period, currency }
      : { role, source: null, period: null, currency: null },
  );

const careerPathRow = z
  .object({
    roles: z.array(roleRecord),
    steps: z.array(stepRow),
    salaryChange: salaryChangeRecord.nullable(),
    payFigures: z.array(payFigureRow),
    toLearnCount: z.number().nullable(),
    skillsToAcquire: z.array(nodeRecord),
    toolsToLearn: z.array(nodeRecord),
  })
  .transform((raw): CareerPathRecord => ({
    ...raw,
    steps: raw.steps.map((step, i) => ({
      from: raw.roles[i],
      to: raw.roles[i + 1],
      kind: kindOfType(step.type),
      sources: step.sources,
      reason: stepReason(step),
    })),
    length: raw.steps.length,
  }));

const routesRow = z.object({ fromId: z.string(), paths: z.array(careerPathRow) });

const candidateRow = z.object({
  id: z.string(),
  behind: z.number(),
  items: z.array(z.string()),
  moves: z.array(z.object({ to: z.string(), type: transitionType })),
});
/** A role a bounded route can pass through: see `routeCandidates`. */
export type RouteCandidate = z.infer<typeof candidateRow>;

const ids = z.array(z.string());
const unknownRow = z.object({ skills: ids, tools: ids, frameworks: ids, languages: ids, roles: ids });
export type UnknownProfileIds = z.infer<typeof unknownRow>;

/** The ids a profile names, by kind. */
export interface ProfileIds {
  skills: readonly string[];
  tools: readonly string[];
  frameworks: readonly string[];
  languages: readonly string[];
  roles: readonly string[];
}

/**
 * Career routes: enumerated and ranked in one statement (progressionPaths, shortestProgression),
 * or searched by the service over the candidate roles read here in one statement.
 */
export class RouteRepository {
  constructor(private readonly executor: Executor) {}

  /** Routes from each of `fromIds` (known to exist) to `query.to`, keyed by the start id. */
  async progressionPaths(fromIds: readonly string[], query: PathQuery): Promise<Map<string, CareerPathRecord[]>> {
    const rows = await this.executor.read(pathsStatement(query), pathParams(fromIds, query));
    return toRoutes(columnOf(rows, 'routes', routesRow));
  }

  /** Routes from one role to another, checking both exist. */
  async progressionPathsBetween(from: string, query: PathQuery): Promise<Checked<CareerPathRecord[]>> {
    const { missing, rows } = await readChecked(this.executor, pathsStatement(query), pathParams([from], query), [
      from,
      query.to,
    ]);
    return { missing, value: toRoutes(column(routesRow, rows)).get(from) ?? [] };
  }

  async shortestProgression(
    from: string,
    to: string,
    via: readonly TransitionKindName[],
    rankBy: RouteRankName,
    shape: PathShape,
  ): Promise<Checked<CareerPathRecord | null>> {
    const statement = Q.shortestProgression(via, rankBy, shape);
    const { missing, rows } = await readChecked(this.executor, statement, { from, to, known: [] }, [from, to]);
    return { missing, value: column(careerPathRow, rows)[0] ?? null };
  }

  /** The roles a route of at most `maxSteps` moves from `from` to `to` can pass through, checking both exist. */
  async routeCandidates(
    from: string,
    to: string,
    maxSteps: number,
    via: readonly TransitionKindName[],
  ): Promise<Checked<RouteCandidate[]>> {
    const { missing, rows } = await readChecked(this.executor, Q.routeCandidates(maxSteps, via), { from, to }, [
      from,
      to,
    ]);
    return { missing, value: column(candidateRow, rows) };
  }

  /** One route given by its roles and the types of its moves, what to learn counted against `known` too. */
  async describeRoute(
    roleIds: readonly string[],
    types: readonly TransitionType[],
    known: readonly string[],
    shape: PathShape,
  ): Promise<CareerPathRecord | null> {
    const rows = await this.executor.read(Q.describeRoute(shape), { ids: roleIds, types, known });
    return columnOf(rows, 'path', careerPathRow)[0] ?? null;
  }

  /** The ids of a profile that name nothing of their kind. */
  async unknownProfileIds(profile: ProfileIds): Promise<UnknownProfileIds> {
    const rows = await this.executor.read(Q.UNKNOWN_PROFILE_IDS, { ...profile });
    return columnOf(rows, 'unknown', unknownRow)[0];
  }
}

const pathsStatement = (query: PathQuery) => Q.progressionPaths(query.maxSteps, query.via, query.rankBy, query.shape);

const toRoutes = (routes: z.infer<typeof routesRow>[]) => new Map(routes.map((r) => [r.fromId, r.paths]));

function pathParams(fromIds: readonly string[], query: PathQuery): Params {
  return {
    fromIds: [...new Set(fromIds)],
    to: query.to,
    first: cypherInt(query.first),
    known: [],
  };
}

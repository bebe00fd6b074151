import type { GraphQLResolveInfo } from 'graphql';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import type { PathShape } from '../../graph/repositories/routes.repository';
import {
  DIMENSIONS,
  FULL,
  OVERLAP_PARTS,
  type AnswerShape,
  type ComparisonShape,
} from '../../graph/repositories/traversal.repository';
import { readsOnlyNames } from '../../graph/read-plan';
import { anyKindPlan, descend, planFor, selectionOf } from './read-plan';

/*
 * Which nodes of a traversal's or a fit's answer the query reads beyond their names, from the
 * read plan of the selection under its field: those it does not are read lean. Relationships
 * asked below them are read one level at a time (see `relation` in the loaders). Each shape is
 * compiled once per document (see planFor).
 */

function shape(tree: ResolveTree | null, roles: string[][], items: string[][]): AnswerShape {
  if (!tree) return FULL;
  const lean = (paths: string[][]) => readsOnlyNames(anyKindPlan(paths.flatMap((path) => descend([tree], ...path))));
  return { leanRoles: lean(roles), lean: lean(items) };
}

/** Whether the query selects a field at `path` under the traversal's field (anything, when its selection is unknown). */
function askedIn(tree: ResolveTree | null): (...path: string[]) => boolean {
  return (...path) => tree === null || descend([tree], ...path).length > 0;
}

/** Routes: their roles (also as steps' ends), what to learn, and whether the tools and their count are asked at all. */
export const pathShape = (info: GraphQLResolveInfo): PathShape =>
  planFor(info, 'path-shape', false, () => {
    const tree = selectionOf(info);
    const asked = askedIn(tree);
    return {
      ...shape(tree, [['roles'], ['steps', 'from'], ['steps', 'to']], [['skillsToAcquire'], ['toolsToLearn']]),
      tools: asked('toolsToLearn'),
      learnCount: asked('toLearnCount'),
    };
  });

/** Similar roles and what they share. */
export const similarShape = (info: GraphQLResolveInfo) =>
  planFor(info, 'similar-shape', false, () =>
    shape(selectionOf(info), [['role']], [['sharedTools'], ['sharedSkills'], ['sharedFrameworks']]),
  );

/**
 * The parts of each overlap of a comparison that the query reads (only those are built), whether
 * it reads the similarity and the Jaccard, and whether it reads its two roles or its items beyond
 * their names (a comparison asked for its overlaps alone, the usual question, then reads no more
 * of the roles than their ids).
 */
export const comparisonShape = (info: GraphQLResolveInfo): ComparisonShape =>
  planFor(info, 'comparison-shape', false, () => compileComparisonShape(info));

function compileComparisonShape(info: GraphQLResolveInfo): ComparisonShape {
  const tree = selectionOf(info);
  const asked = askedIn(tree);
  const parts = (d: (typeof DIMENSIONS)[number]) => OVERLAP_PARTS.filter((part) => asked(d, part));
  return {
    ...(tree === null
      ? FULL
      : shape(
          tree,
          [['a'], ['b']],
          DIMENSIONS.flatMap((d) => ['shared', 'onlyA', 'onlyB'].map((part) => [d, part])),
        )),
    parts: Object.fromEntries(DIMENSIONS.map((d) => [d, parts(d)])) as ComparisonShape['parts'],
    similarity: asked('similarity'),
    jaccard: asked('jaccard'),
  };
}

/** The items of a skill gap (its two roles are always read in full). */
export const gapShape = (info: GraphQLResolveInfo) =>
  planFor(info, 'gap-shape', false, () =>
    shape(selectionOf(info), [], [['missingSkills'], ['sharedSkills'], ['newTools'], ['newFrameworks']]),
  );

/** A list of items answered directly. */
export const itemsShape = (info: GraphQLResolveInfo) =>
  planFor(info, 'items-shape', false, () => shape(selectionOf(info), [], [[]]));

/** Stored transitions: their roles (also those compared via) and the items they share and add. */
export const transitionsShape = (info: GraphQLResolveInfo) =>
  planFor(info, 'transitions-shape', false, () =>
    shape(
      selectionOf(info),
      [['role'], ['comparedVia']],
      [
        ['shared', 'item'],
        ['missing', 'item'],
      ],
    ),
  );

/** A fit to one role: the role and the items it covers or lacks (`under`: where the fits are, below the field). */
const fitPaths = (...under: string[]): [string[][], string[][]] => [
  [[...under, 'role']],
  [
    [...under, 'covered', 'item'],
    [...under, 'missingEssentials', 'item'],
  ],
];

/** Roles ranked by fit: the matches' roles and items. */
export const matchesShape = (info: GraphQLResolveInfo) =>
  planFor(info, 'matches-shape', false, () => shape(selectionOf(info), ...fitPaths('matches')));

/** The fit to one role. */
export const fitShape = (info: GraphQLResolveInfo) =>
  planFor(info, 'fit-shape', false, () => shape(selectionOf(info), ...fitPaths()));

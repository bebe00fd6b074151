import type { GraphQLResolveInfo } from 'graphql';
import type { PathShape } from '../../graph/repositories/routes.repository';
import {
  DIMENSIONS,
  FULL,
  type AnswerShape,
  type ComparisonShape,
} from '../../graph/repositories/traversal.repository';
import { readsOnlyNames } from '../../graph/read-plan';
import { anyKindPlan, descend, selectionOf } from '../shared/read-plan';

/*
 * Which nodes of a traversal's answer the query reads beyond their names, from the read plan of
 * the selection under the traversal's field: those it does not are read lean. Relationships
 * asked below them are read one level at a time (see `relation` in the loaders).
 */

function shape(info: GraphQLResolveInfo, roles: string[][], items: string[][]): AnswerShape {
  const tree = selectionOf(info);
  if (!tree) return FULL;
  const lean = (paths: string[][]) => readsOnlyNames(anyKindPlan(paths.flatMap((path) => descend([tree], ...path))));
  return { leanRoles: lean(roles), lean: lean(items) };
}

/** Routes: their roles (also as steps' ends), what to learn, and whether the tools are asked at all. */
export function pathShape(info: GraphQLResolveInfo): PathShape {
  const tree = selectionOf(info);
  return {
    ...shape(info, [['roles'], ['steps', 'from'], ['steps', 'to']], [['skillsToAcquire'], ['toolsToLearn']]),
    tools: tree === null || descend([tree], 'toolsToLearn').length > 0,
  };
}

/** Similar roles and what they share. */
export const similarShape = (info: GraphQLResolveInfo) =>
  shape(info, [['role']], [['sharedTools'], ['sharedSkills'], ['sharedFrameworks']]);

/**
 * The overlaps of a comparison that the query reads (the two roles compared are always read in
 * full), whether it reads the similarity, and which of its items it reads beyond their names.
 */
export function comparisonShape(info: GraphQLResolveInfo): ComparisonShape {
  const tree = selectionOf(info);
  if (!tree) return { ...FULL, dims: [...DIMENSIONS], similarity: true };
  return {
    ...shape(
      info,
      [],
      DIMENSIONS.flatMap((d) => ['shared', 'onlyA', 'onlyB'].map((part) => [d, part])),
    ),
    dims: DIMENSIONS.filter((d) => descend([tree], d).length > 0),
    similarity: descend([tree], 'similarity').length > 0,
  };
}

/** The items of a skill gap (its two roles are always read in full). */
export const gapShape = (info: GraphQLResolveInfo) =>
  shape(info, [], [['missingSkills'], ['sharedSkills'], ['newTools'], ['newFrameworks']]);

/** A list of items answered directly. */
export const itemsShape = (info: GraphQLResolveInfo) => shape(info, [], [[]]);

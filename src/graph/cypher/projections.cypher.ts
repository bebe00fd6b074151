import { NODE_KIND_NAMES, labelOf, type NodeKind } from '../../model/kinds';
import { salaryProjection } from './salary.cypher';

/**
 * One map projection per kind of node, shaped like its GraphQL type (with `__typename` for the
 * Node interface), so rows need no reshaping above the graph layer. `v` is the variable read.
 */
const common = (v: string, typename: string) =>
  `__typename: '${typename}', id: ${v}.id, name: ${v}.name, aliases: coalesce(${v}.aliases, []), ` +
  `description: ${v}.description, sources: coalesce(${v}.sources, []), updatedAt: CASE WHEN ${v}.updatedAt IS NULL THEN null ELSE toString(datetime.truncate('millisecond', ${v}.updatedAt)) END`;

const ROLE_EXTRA = (v: string) =>
  `seniority: ${v}.seniority, level: ${v}.level, track: ${v}.track, summary: ${v}.summary, bestFor: ${v}.bestFor, ` +
  `responsibilities: coalesce(${v}.responsibilities, []), onboardingFocus: ${v}.onboardingFocus, ` +
  `documentationNeeds: ${v}.documentationNeeds, ergonomics: ${v}.ergonomics, salary: ${salaryProjection(v)}`;

/**
 * The node's projection. With `lean` (a boolean parameter such as `$lean`), a true value reads
 * only `__typename`, `id` and `name`: for selections that ask nothing more, this saves reading,
 * converting and sending every other property. A parameter rather than a second text keeps
 * one cached plan for both.
 */
export function projection(kind: NodeKind, v: string, lean?: string): string {
  const base = common(v, labelOf(kind));
  const full = `{ ${kind === 'ROLE' ? `${base}, ${ROLE_EXTRA(v)}` : base} }`;
  if (lean === undefined) return full;
  return `CASE WHEN ${lean} THEN { __typename: '${labelOf(kind)}', id: ${v}.id, name: ${v}.name } ELSE ${full} END`;
}

/** For nodes whose kind is known only at run time (search hits): the label picks the shape. */
export function anyNodeProjection(v: string, lean?: string): string {
  const cases = NODE_KIND_NAMES.map((kind) => `WHEN ${v}:${labelOf(kind)} THEN ${projection(kind, v, lean)}`).join(' ');
  return `CASE ${cases} END`;
}

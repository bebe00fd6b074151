import { NODE_KIND_NAMES, labelOf, type NodeKind } from '../../model/kinds';

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
  `documentationNeeds: ${v}.documentationNeeds, ergonomics: ${v}.ergonomics, ` +
  `salary: CASE WHEN ${v}.salaryMin IS NULL THEN null ELSE { min: ${v}.salaryMin, max: ${v}.salaryMax, ` +
  `currency: ${v}.salaryCurrency, period: ${v}.salaryPeriod, basis: ${v}.salaryBasis, region: ${v}.salaryRegion, ` +
  `caveat: ${v}.salaryCaveat } END`;

export function projection(kind: NodeKind, v: string): string {
  const base = common(v, labelOf(kind));
  return `{ ${kind === 'ROLE' ? `${base}, ${ROLE_EXTRA(v)}` : base} }`;
}

/** For nodes whose kind is known only at run time (search hits): the label picks the shape. */
export function anyNodeProjection(v: string): string {
  const cases = NODE_KIND_NAMES.map((kind) => `WHEN ${v}:${labelOf(kind)} THEN ${projection(kind, v)}`).join(' ');
  return `CASE ${cases} END`;
}

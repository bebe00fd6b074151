import type { z } from 'zod';
import { BadUserInputError } from '../../errors';
import { API_SOURCE } from '../../graph/repositories/write.repository';
import type { RelationshipType } from '../../model/relationships';
import { relationshipSchema } from '../../model/rules';
import { formatPath } from '../../seed/problems';
import type { LinkProperties } from './mutation.inputs';

/*
 * Write inputs checked with the loader's rules (src/model/rules.ts). A problem is reported
 * naming its field as the client sent it, e.g. `input.salary.min`.
 */

function badInput(
  [first, ...rest]: [z.core.$ZodIssue, ...z.core.$ZodIssue[]],
  fieldOf: (path: PropertyKey[]) => string,
): BadUserInputError {
  const problem = (i: z.core.$ZodIssue) => ({ field: fieldOf(i.path), message: i.message });
  return new BadUserInputError([problem(first), ...rest.map(problem)]);
}

/** zod reports at least one issue for a failed parse. */
const issuesOf = (error: z.ZodError): [z.core.$ZodIssue, ...z.core.$ZodIssue[]] => {
  const [first, ...rest] = error.issues;
  if (first === undefined) throw new Error('A failed parse reported no issue');
  return [first, ...rest];
};

/**
 * Splits an upsert input into the fields it sets (validated) and the fields it clears (sent as
 * null); `sources` cannot be cleared, since every node says where it comes from.
 */
export function validateUpsert<T>(schema: z.ZodType<T>, input: object): { fields: T; cleared: string[] } {
  const entries = Object.entries(input).filter(([, v]) => v !== undefined);
  const cleared = entries.filter(([, v]) => v === null).map(([k]) => k);
  if (cleared.includes('sources')) {
    throw BadUserInputError.of('input.sources', 'cannot be cleared');
  }
  const result = schema.safeParse(Object.fromEntries(entries.filter(([, v]) => v !== null)));
  if (!result.success) throw badInput(issuesOf(result.error), (path) => `input.${formatPath(path)}`);
  return { fields: result.data, cleared };
}

/**
 * The properties to write on a relationship: the relationship rules (the properties its type
 * declares, with their allowed values; no role leading to itself) checked on the whole fact;
 * null clears a property.
 */
export function validateLink(
  type: RelationshipType,
  from: string,
  to: string,
  properties: LinkProperties | null,
): Record<string, unknown> {
  const given = properties ?? {};
  if (given.sources === null) {
    throw BadUserInputError.of('properties.sources', 'cannot be cleared');
  }
  const names = Object.keys(given).filter((k) => k !== 'sources' && given[k] !== undefined);
  const set = Object.fromEntries(names.filter((k) => given[k] !== null).map((k) => [k, given[k]]));
  const result = relationshipSchema.safeParse({
    type,
    from,
    to,
    properties: set,
    sources: given.sources ?? [API_SOURCE],
  });
  if (!result.success) {
    throw badInput(issuesOf(result.error), (path) =>
      // The type is the argument `relation`; sources is one of the properties.
      path[0] === 'type' ? 'relation' : path[0] === 'sources' ? `properties.${formatPath(path)}` : formatPath(path),
    );
  }
  return {
    ...result.data.properties,
    ...(given.sources ? { sources: result.data.sources } : {}),
    ...Object.fromEntries(names.filter((k) => given[k] === null).map((k) => [k, null])),
  };
}

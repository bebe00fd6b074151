import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int, registerEnumType, type ClassType } from 'type-graphql';
import { MAX_FIRST } from '../../graph/read-plan';
import { REQUIREMENT_TYPES } from '../../model/fit-weights';
import {
  ORDER_BY_WEIGHT,
  orderableProperties,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../model/relationships';

/** Whether links of the type weigh how much a role needs the far end (what a role requires). */
export const isWeighted = (type: RelationshipType): boolean =>
  (REQUIREMENT_TYPES as readonly RelationshipType[]).includes(type);

/** Every relationship list is a page: this many items unless asked otherwise, never more than MAX_FIRST. */
export const DEFAULT_FIRST = 100;
export { MAX_FIRST };

/** The order every relationship list has unless asked otherwise: the far end's name, then id. */
export const ORDER_BY_NAME = 'name';

@ArgsType()
export class RelationArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_FIRST,
    description: `How many to return, in order: 1 to ${MAX_FIRST} (default ${DEFAULT_FIRST}).`,
  })
  @Min(1)
  @Max(MAX_FIRST)
  first = DEFAULT_FIRST;
}

const pascal = (type: string) => type.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

/**
 * The arguments of one relationship type's list fields: `first`, and `orderBy` when the type
 * has orderable properties or a weight (an allowlist: NAME, WEIGHT or one of them; values are
 * the property names, and `weight`).
 */
function argsFor(type: RelationshipType): ClassType<RelationArgs> {
  const orderable = [...(isWeighted(type) ? [ORDER_BY_WEIGHT] : []), ...orderableProperties(type)];
  if (orderable.length === 0) return RelationArgs;
  const Order = Object.fromEntries([['NAME', ORDER_BY_NAME], ...orderable.map((p) => [p.toUpperCase(), p])]) as Record<
    string,
    string
  >;
  registerEnumType(Order, {
    name: `${pascal(type)}Order`,
    description: `How a ${type} list is ordered: by the far end's name, or by ${orderable.map((o) => (o === ORDER_BY_WEIGHT ? 'weight (strongest first)' : o)).join(' or ')} (then name).`,
  });

  @ArgsType()
  class OrderedRelationArgs extends RelationArgs {
    @Field(() => Order, { defaultValue: ORDER_BY_NAME })
    orderBy: string = ORDER_BY_NAME;
  }
  return OrderedRelationArgs;
}

export const RELATION_ARGS = Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, argsFor(t)])) as Record<
  RelationshipType,
  ClassType<RelationArgs>
>;

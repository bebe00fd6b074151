import { GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Args, Ctx, Extensions, FieldResolver, Info, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { PLANNED, plannedItems, type PlannedRecord, type RelationPlan } from '../../graph/read-plan';
import type { NodeKind } from '../../model/kinds';
import { endsOf } from '../../model/relationships';
import type { RequestContext } from '../../server/context';
import { Role } from '../role/role.type';
import { Category, Employer, Framework, Language, Skill, Tool, Workflow } from './entity.types';
import { Link } from './link';
import { planFor, relationPlan, selectionOf, type RelationArgsShape, type RelationExtension } from './read-plan';
import { RELATION_ARGS } from './relation.args';
import type { ArgumentValidation } from '../validation';

/*
 * Every relationship field of every node type, generated from the model's relationship table:
 * per end, the nodes field (`tools`), its links field (`toolLinks`) and its count (`toolsCount`),
 * and the deprecated aliases the table keeps for one release.
 */

export const NODE_TYPES: Record<NodeKind, ClassType> = {
  ROLE: Role,
  TOOL: Tool,
  SKILL: Skill,
  FRAMEWORK: Framework,
  EMPLOYER: Employer,
  WORKFLOW: Workflow,
  LANGUAGE: Language,
  CATEGORY: Category,
};

type Relation = RelationExtension['relation'];

/** The field's plan: its arguments are part of it, so they are part of its cache key. */
const planOf = (info: GraphQLResolveInfo, relation: Relation, args: Partial<RelationArgsShape>): RelationPlan =>
  planFor(info, 'relation', true, () => relationPlan(info.schema, relation, args, selectionOf(info)));

/**
 * The field's answer: from its parent's record when the parent's read plan included it (the
 * usual case), else one batched read of this level and everything below it.
 */
function readRelation(
  parent: PlannedRecord,
  args: Partial<RelationArgsShape>,
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  relation: Relation,
): unknown {
  const plan = planOf(info, relation, args);
  const planned = parent[PLANNED]?.[plan.key];
  return planned !== undefined ? plannedItems(planned) : ctx.loaders.relation(relation.end.owner, parent.id, plan);
}

type FieldOptions = { description?: string; deprecationReason?: string };

/** Defines one generated field resolver method on `target`. */
function defineField(
  target: ClassType,
  name: string,
  returns: () => unknown,
  relation: Relation,
  options: FieldOptions,
): void {
  const prototype = target.prototype as object;
  const counted = relation.read === 'count';
  const method = counted
    ? (parent: PlannedRecord, ctx: RequestContext, info: GraphQLResolveInfo) =>
        readRelation(parent, {}, ctx, info, relation)
    : (parent: PlannedRecord, args: RelationArgsShape, ctx: RequestContext, info: GraphQLResolveInfo) =>
        readRelation(parent, args, ctx, info, relation);
  Object.defineProperty(prototype, name, { value: method, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
  // type-graphql passes parameters in the order of their indexes.
  const params = [Root(), ...(counted ? [] : [Args(() => RELATION_ARGS[relation.end.type])]), Ctx(), Info()];
  params.forEach((param, index) => param(prototype, name, index));
  Extensions({ relation } satisfies RelationExtension)(prototype, name, descriptor);
  FieldResolver(returns as never, options)(prototype, name, descriptor);
}

const deprecated = (current: string, description: string) => ({
  description,
  deprecationReason: `Use ${current}; this name is removed in the next release.`,
});

/** The relationship fields of one kind of node. */
export function relationFieldsResolver(kind: NodeKind): ClassType {
  @Resolver(() => NODE_TYPES[kind])
  class RelationFields {}

  for (const end of endsOf(kind)) {
    const { names, deprecated: old } = end;
    const Far = NODE_TYPES[end.far];
    const LinkType = Link(end, Far);
    const nodes: Relation = { end, read: 'nodes' };
    const links: Relation = { end, read: 'links' };
    const linksDescription = `${end.description} With the relationships' properties.`;
    defineField(RelationFields, names.nodes, () => [Far], nodes, { description: end.description });
    defineField(RelationFields, names.links, () => [LinkType], links, { description: linksDescription });
    defineField(
      RelationFields,
      names.count,
      () => Int,
      { end, read: 'count' },
      {
        description: `How many ${names.nodes} there are (counted in the database, whatever the page size).`,
      },
    );
    if (old.nodes) {
      defineField(RelationFields, old.nodes, () => [Far], nodes, deprecated(names.nodes, end.description));
    }
    if (old.links) {
      defineField(RelationFields, old.links, () => [LinkType], links, deprecated(names.links, linksDescription));
    }
  }
  return RelationFields;
}

/**
 * Every generated relationship field answered by readRelation itself, without type-graphql's
 * per-call wrapper: that wrapper makes an instance of the parent and of the arguments, sorts the
 * parameters and awaits the argument validation on every call, five times on every role page,
 * and each field read from its parent's record is otherwise synchronous. The arguments are
 * checked as type-graphql checks them (an instance of the field's arguments class, the same
 * validation and its cache); a value already accepted is answered at once.
 */
export function answerRelationsDirectly(schema: GraphQLSchema, validation: ArgumentValidation): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const field of Object.values(type.getFields())) {
      const relation = (field.extensions as Partial<RelationExtension>).relation;
      if (relation === undefined) continue;
      if (relation.read === 'count') {
        field.resolve = (parent: PlannedRecord, _args, ctx: RequestContext, info) =>
          readRelation(parent, {}, ctx, info, relation);
        continue;
      }
      const Args = RELATION_ARGS[relation.end.type];
      field.resolve = (parent: PlannedRecord, raw: Record<string, unknown>, ctx: RequestContext, info) => {
        const args = Object.assign(new Args(), raw);
        if (validation.accepted(args, Args)) return readRelation(parent, args, ctx, info, relation);
        return Promise.resolve(validation(args, Args as never, { root: parent, args: raw, context: ctx, info })).then(
          () => readRelation(parent, args, ctx, info, relation),
        );
      };
    }
  }
}

import { Arg, Authorized, Ctx, ID, Mutation, Resolver, type ClassType } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import type { NodeKind } from '../../model/kinds';
import type { RelationshipType } from '../../model/relationships';
import { entityUpsertSchema, roleUpsertSchema } from '../../model/rules';
import type { RequestContext } from '../../server/context';
import { NodeKind as NodeKindEnum } from '../shared/enums';
import { assertId } from '../../services/ids';
import { LinkProperties, NodeInput } from './mutation.inputs';
import { RelationKind, Relationship } from './relationship.type';
import { validateLink, validateUpsert } from './validate-input';

/** `upsert<Type>(input)` for one kind of node. */
export function upsertMutation(kind: NodeKind, Type: ClassType, Input: ClassType<NodeInput>) {
  const schema = kind === 'ROLE' ? roleUpsertSchema : entityUpsertSchema;

  @Resolver()
  class UpsertMutation {
    @Authorized()
    @Mutation(() => Type, {
      name: `upsert${Type.name}`,
      description: `Creates the ${Type.name} with this id, or updates the fields given (null clears one).`,
    })
    upsert(@Arg('input', () => Input) input: NodeInput, @Ctx() ctx: RequestContext): Promise<NodeRecord> {
      const { fields, cleared } = validateUpsert(schema, input);
      return ctx.services.edits.upsert(kind, fields, cleared, 'input.id');
    }
  }
  return UpsertMutation;
}

@Resolver()
export class GraphEditResolver {
  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes a node and its relationships; false when there was none.' })
  deleteNode(
    @Arg('id', () => ID) id: string,
    @Arg('kind', () => NodeKindEnum) kind: NodeKind,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return ctx.services.edits.deleteNode(kind, assertId('id', id));
  }

  @Authorized()
  @Mutation(() => Relationship, {
    description: 'Creates or updates a relationship between two existing nodes of the kinds the relation joins.',
  })
  async link(
    @Arg('from', () => ID) from: string,
    @Arg('relation', () => RelationKind) relation: RelationshipType,
    @Arg('to', () => ID) to: string,
    @Arg('properties', () => LinkProperties, { nullable: true }) properties: LinkProperties | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Relationship> {
    const props = validateLink(relation, assertId('from', from), assertId('to', to), properties);
    const written = await ctx.services.edits.link(relation, from, to, props);
    return { relation, from: written.from, to: written.to, created: written.created, ...written.properties };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Removes a relationship; false when there was none.' })
  unlink(
    @Arg('from', () => ID) from: string,
    @Arg('relation', () => RelationKind) relation: RelationshipType,
    @Arg('to', () => ID) to: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return ctx.services.edits.unlink(relation, assertId('from', from), assertId('to', to));
  }
}

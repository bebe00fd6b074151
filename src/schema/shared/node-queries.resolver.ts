import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { mergePlans } from '../../graph/read-plan';
import type { ListFilter } from '../../graph/repositories/node.repository';
import type { NodeRecord } from '../../graph/records';
import { NODE_KIND_NAMES, NODE_KINDS, type NodeKind } from '../../model/kinds';
import type { RequestContext } from '../../server/context';
import { Connection, toConnection, type ConnectionShape } from './connection';
import { decodeCursor } from './cursor';
import { assertId } from '../../services/ids';
import { FILTERS } from './filters.input';
import { ListArgs } from './list.args';
import { NodeInterface } from './node.interface';
import { planAt } from './read-plan';
import { NODE_TYPES } from './relation-fields';

/**
 * `<kind>(id)` and `<kinds>(first, after, filter)` for one kind of node (`role`, `roles`...).
 * Each reads its nodes and everything the query asks below them in one statement.
 */
export function nodeQueries(kind: NodeKind) {
  const Type = NODE_TYPES[kind];
  const Filter = FILTERS[kind];
  const ConnectionType = Connection(Type, Type.name);

  @Resolver()
  class NodeQueries {
    @Query(() => Type, {
      name: Type.name.toLowerCase(),
      nullable: true,
      description: `The ${Type.name} with this id, or null.`,
    })
    one(
      @Arg('id', () => ID) id: string,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<NodeRecord | null> {
      return ctx.loaders.node(planAt(info, kind), assertId('id', id));
    }

    @Query(() => ConnectionType, {
      name: NODE_KINDS[kind].fileKey,
      description: `${Type.name} nodes, ordered by name then id.`,
    })
    async many(
      @Args(() => ListArgs) { first, after }: ListArgs,
      @Arg('filter', () => Filter, { nullable: true }) filter: ListFilter | null,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ConnectionShape<NodeRecord>> {
      // Cursors are made of name and id, so the page reads the names whatever is asked.
      const plan = mergePlans(planAt(info, kind, 'edges', 'node'), { kind, fields: ['name'], relations: [] });
      const page = await ctx.services.catalog.list(plan, {
        first,
        after: after ? decodeCursor(after) : undefined,
        filter: { ...filter },
      });
      return toConnection(page);
    }
  }
  return NodeQueries;
}

/**
 * Relay's `node(id)`: any kind of node by its id. Ids are slugs unique across kinds (seed and
 * import validation and every upsert refuse an id another kind holds), so at most one kind
 * answers. The lookups of every kind, each with its plan (fragments on that kind apply to it),
 * join one statement.
 */
@Resolver()
export class NodeQuery {
  @Query(() => NodeInterface, {
    nullable: true,
    description: 'The node of any kind with this id, or null. Ids are unique across kinds.',
  })
  async node(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeRecord | null> {
    assertId('id', id);
    const lookups = NODE_KIND_NAMES.map((kind) => ctx.loaders.node(planAt(info, kind), id));
    return (await Promise.all(lookups)).find((node) => node !== null) ?? null;
  }
}

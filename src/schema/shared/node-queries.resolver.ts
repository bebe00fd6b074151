import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver, type ClassType } from 'type-graphql';
import type { ListFilter } from '../../graph/repositories/node.repository';
import type { NodeRecord } from '../../graph/records';
import type { NodeKind } from '../../model/kinds';
import type { RequestContext } from '../../server/context';
import { Connection, toConnection, type ConnectionShape } from './connection';
import { decodeCursor } from './cursor';
import { assertId } from '../../services/ids';
import { ListArgs } from './list.args';
import { prefetchRelations } from './relations';
import { leanAt, selectionOf } from './selection';

export interface NodeQueriesOptions<T extends object, F extends object> {
  kind: NodeKind;
  Type: ClassType<T>;
  Filter: ClassType<F>;
  /** Query names, e.g. `role` and `roles`. */
  single: string;
  plural: string;
}

/** `<single>(id)` and `<plural>(first, after, filter)` for one kind of node. */
export function nodeQueries<T extends object, F extends object>(options: NodeQueriesOptions<T, F>) {
  const { kind, Type, Filter, single, plural } = options;
  const ConnectionType = Connection(Type, Type.name);

  @Resolver()
  class NodeQueries {
    @Query(() => Type, { name: single, nullable: true, description: `The ${Type.name} with this id, or null.` })
    one(
      @Arg('id', () => ID) id: string,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<NodeRecord | null> {
      const tree = selectionOf(info);
      const node = ctx.loaders.node(kind, assertId('id', id), leanAt(info));
      // The node and the relationships asked of it go out as one statement.
      if (tree) prefetchRelations(ctx, info, [tree], Type.name, [id]);
      return node;
    }

    @Query(() => ConnectionType, { name: plural, description: `${Type.name} nodes, ordered by name then id.` })
    async many(
      @Args(() => ListArgs) { first, after }: ListArgs,
      @Arg('filter', () => Filter, { nullable: true }) filter: F | null,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ConnectionShape<NodeRecord>> {
      const page = await ctx.services.catalog.list(kind, {
        first,
        after: after ? decodeCursor(after) : undefined,
        filter: (filter ?? {}) as ListFilter,
        lean: leanAt(info, 'edges', 'node'),
      });
      return toConnection(page);
    }
  }
  return NodeQueries;
}

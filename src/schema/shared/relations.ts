import type { GraphQLResolveInfo } from 'graphql';
import { Extensions, FieldResolver } from 'type-graphql';
import type { Direction } from '../../graph/cypher/read.cypher';
import type { NodeRecord } from '../../graph/records';
import type { RelationshipType } from '../../model/relationships';
import type { RequestContext } from '../../server/context';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { toLinks, type LinkShape } from './link';
import {
  extensionsOf,
  isLeanRelation,
  selectedRelations,
  selectionOf,
  type EdgesExtension,
  type NeedsExtensions,
} from './selection';

/**
 * A field that is one relationship read at its parent node. The relationship is recorded on the
 * schema field, where `related`/`links` and a parent's lookahead (`prefetchRelations`) find it.
 */
export function Relation(
  returns: NonNullable<Parameters<typeof FieldResolver>[0]>,
  type: RelationshipType,
  direction: Direction,
  options: Parameters<typeof FieldResolver>[1] = {},
): MethodDecorator {
  return (target, key, descriptor) => {
    Extensions({ edges: { type, direction } } satisfies NeedsExtensions)(target, key, descriptor);
    FieldResolver(returns, options)(target, key, descriptor);
  };
}

/** A field computed from the parent's id alone: the parent may be read lean. */
export const FromId = () => Extensions({ fromId: true } satisfies NeedsExtensions);

function edgesOf(info: GraphQLResolveInfo): EdgesExtension {
  const { edges } = extensionsOf(info.parentType.getFields()[info.fieldName]);
  if (!edges) throw new Error(`${info.parentType.name}.${info.fieldName} is not declared with @Relation`);
  return edges;
}

/** The field's relationship edges, read lean when the selection allows it. */
function readEdges(ctx: RequestContext, info: GraphQLResolveInfo, id: string, asLinks: boolean) {
  const { type, direction } = edgesOf(info);
  const tree = selectionOf(info);
  const lean = tree !== null && isLeanRelation(info.schema, tree, asLinks);
  return ctx.loaders.edges(type, direction, id, { lean, properties: asLinks });
}

/** The nodes at the far end of the field's relationship, through the request's loader. */
export async function related<T = NodeRecord>(ctx: RequestContext, info: GraphQLResolveInfo, id: string): Promise<T[]> {
  return (await readEdges(ctx, info, id, false)).map((e) => e.node as T);
}

/** The same relationships with their properties. */
export async function links<T = NodeRecord>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  id: string,
): Promise<LinkShape<T>[]> {
  return toLinks<T>(await readEdges(ctx, info, id, true));
}

/**
 * Queues, in the current tick, the relationship reads the selection will make of these nodes,
 * so that they join the statement that reads the nodes themselves instead of costing a round
 * trip of their own one level down.
 */
export function prefetchRelations(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  trees: readonly ResolveTree[],
  typeName: string,
  ids: readonly string[],
): void {
  for (const { edges, lean, asLinks } of selectedRelations(info.schema, trees, typeName)) {
    const read = { lean, properties: asLinks };
    for (const id of ids) void ctx.loaders.edges(edges.type, edges.direction, id, read).catch(() => undefined);
  }
}

import type { Direction } from '../../graph/cypher/read.cypher';
import type { NodeRecord } from '../../graph/records';
import type { RelationshipType } from '../../model/relationships';
import type { RequestContext } from '../../server/context';
import { toLinks, type LinkShape } from './link';

/** The nodes at the far end of a relationship, through the request's loader. */
export async function related<T = NodeRecord>(
  ctx: RequestContext,
  type: RelationshipType,
  direction: Direction,
  id: string,
): Promise<T[]> {
  const edges = await ctx.loaders.edges(type, direction, id);
  return edges.map((e) => e.node as T);
}

/** The same relationships with their properties. */
export async function links<T = NodeRecord>(
  ctx: RequestContext,
  type: RelationshipType,
  direction: Direction,
  id: string,
): Promise<LinkShape<T>[]> {
  return toLinks<T>(await ctx.loaders.edges(type, direction, id));
}

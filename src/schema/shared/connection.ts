import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { NodeRecord, PageRecord } from '../../graph/records';
import { encodeCursor } from './cursor';

@ObjectType({ simpleResolvers: true, description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for one kind of node: `<Name>Connection` and `<Name>Edge`. */
export function Connection<T extends object>(Item: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Item)
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${name} nodes, ordered by name then id.`,
  })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many match the filter in all.' })
    totalCount!: number;
  }
  return ConnectionType;
}

export function toConnection<T extends NodeRecord>(page: PageRecord<T>): ConnectionShape<T> {
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
    totalCount: page.totalCount,
  };
}

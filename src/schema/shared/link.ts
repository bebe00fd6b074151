import { Field, ObjectType, type ClassType } from 'type-graphql';
import type { EdgeRecord } from '../../graph/records';

export interface LinkShape<T> {
  node: T;
  emphasis: string | null;
  note: string | null;
  sources: string[];
}

/**
 * A relationship with its properties, seen from one end: the node at the other end (exposed
 * under `nodeField`, e.g. `tool`), how it matters there, and where the fact comes from.
 */
export function Link<T extends object>(Item: ClassType<T>, typeName: string, nodeField: string, description: string) {
  @ObjectType(typeName, { simpleResolvers: true, description })
  class LinkType implements LinkShape<T> {
    // Published under another name than the property, so it needs type-graphql's own resolver.
    @Field(() => Item, { name: nodeField, simple: false })
    node!: T;

    @Field(() => String, { nullable: true, description: 'How central the link is, or what it means here.' })
    emphasis!: string | null;

    @Field(() => String, { nullable: true, description: 'A short explanation.' })
    note!: string | null;

    @Field(() => [String], { description: 'Sections of the source material that state this link.' })
    sources!: string[];
  }
  return LinkType;
}

/** Edges read with their properties (see `links`), as link objects. */
export function toLinks<T>(edges: EdgeRecord[]): LinkShape<T>[] {
  return edges.map((e) => {
    if (!e.properties) throw new Error('Links need the relationships read with their properties');
    return { node: e.node as T, ...e.properties };
  });
}

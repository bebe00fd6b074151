import { Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { decodeProvenance } from '../../graph/codecs';

/*
 * Nodes and relationships store provenance as encoded text (see codecs.ts); the list reaches
 * GraphQL as stored and each entry is decoded where its fields are read, so nodes whose
 * provenance nobody selects are never decoded.
 */

@ObjectType({ description: 'One source that states a node or a relationship, with its own id for it.' })
export class Provenance {
  @Field({ description: 'The publisher, e.g. "O*NET" or "the article".' })
  source!: string;

  @Field({ description: 'The release, e.g. "29.3".' })
  version!: string;

  @Field({ description: "The publisher's id for the thing, e.g. an O*NET-SOC code or an ESCO URI." })
  sourceId!: string;
}

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => String)
  source(@Root() stored: string): string {
    return decodeProvenance(stored).source;
  }

  @FieldResolver(() => String)
  version(@Root() stored: string): string {
    return decodeProvenance(stored).version;
  }

  @FieldResolver(() => String)
  sourceId(@Root() stored: string): string {
    return decodeProvenance(stored).sourceId;
  }
}

import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'The Neo4j server that answers this API.' })
export class DbInfo {
  @Field({ description: 'Component name, e.g. "Neo4j Kernel".' })
  name!: string;

  @Field({ description: 'Server version, e.g. "5.26.0".' })
  version!: string;

  @Field({ description: 'Server edition: "community" or "enterprise".' })
  edition!: string;
}

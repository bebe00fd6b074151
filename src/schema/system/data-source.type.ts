import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DataSourceState {
  COMPLETE = 'COMPLETE',
  INCOMPLETE = 'INCOMPLETE',
}
registerEnumType(DataSourceState, {
  name: 'DataSourceState',
  description: 'Whether the last import of a source finished (INCOMPLETE: it stopped; running it again completes it).',
});

@ObjectType({
  simpleResolvers: true,
  description: 'How many distinct publisher ids of one kind of node a source holds.',
})
export class KindCount {
  @Field({ description: 'The node kind, e.g. "ROLE" or "TOOL".' })
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A published data set loaded into the graph.' })
export class DataSource {
  @Field({ description: 'Its key in the importer, e.g. "onet".' })
  key!: string;

  @Field({ description: 'The publisher\'s name for it, e.g. "O*NET".' })
  name!: string;

  @Field({ description: 'The release loaded, e.g. "29.3".' })
  version!: string;

  @Field(() => String, { nullable: true, description: 'The licence it is published under.' })
  licence!: string | null;

  @Field(() => String, { nullable: true, description: 'The attribution the licence asks for.' })
  attribution!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was last loaded (ISO 8601).' })
  loadedAt!: string | null;

  @Field(() => DataSourceState)
  state!: DataSourceState;

  @Field(() => [KindCount], { description: 'Distinct publisher ids per kind of node.' })
  counts!: KindCount[];
}

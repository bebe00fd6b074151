import { Field, Float, ObjectType } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import { NodeInterface } from '../shared/node.interface';

@ObjectType({ simpleResolvers: true, description: 'A node that matches a search, with its relevance.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance: higher is better.' })
  score!: number;

  @Field(() => NodeInterface)
  node!: NodeRecord;
}

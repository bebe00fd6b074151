import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many to return: 1 to 100.' })
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (from pageInfo.endCursor).' })
  after?: string | null;
}

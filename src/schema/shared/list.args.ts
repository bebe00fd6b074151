import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** The largest page of a connection (`roles(first)`...). */
export const MAX_PAGE = 100;

@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many to return: 1 to ${MAX_PAGE}.` })
  @Min(1)
  @Max(MAX_PAGE)
  first = 20;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (from pageInfo.endCursor).' })
  after?: string | null;
}

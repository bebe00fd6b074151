import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { NodeKind } from '../shared/enums';
import type { NodeKind as ModelNodeKind } from '../../model/kinds';

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words to look for in names, aliases and descriptions; partial words match.' })
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(199, { message: 'text must be shorter than 200 characters' })
  text!: string;

  @Field(() => Int, { defaultValue: 10, description: 'How many hits: 1 to 50.' })
  @Min(1)
  @Max(50)
  first = 10;

  @Field(() => [NodeKind], { nullable: true, description: 'Only these kinds of node.' })
  @IsOptional()
  @ArrayMaxSize(8)
  kinds?: ModelNodeKind[] | null;
}

import { ArrayMaxSize, ArrayMinSize, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_STEPS } from '../../graph/cypher/traversal.cypher';

@ArgsType()
export class RoleSetArgs {
  @Field(() => [ID], { description: 'Two to ten distinct role ids.' })
  @ArrayMinSize(2, { message: 'roleIds must list at least 2 roles' })
  @ArrayMaxSize(10, { message: 'roleIds must list at most 10 roles' })
  roleIds!: string[];
}

@ArgsType()
export class RolePairArgs {
  @Field(() => ID)
  a!: string;

  @Field(() => ID)
  b!: string;
}

@ArgsType()
export class FromToArgs {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;
}

@ArgsType()
export class PathOptionsArgs {
  @Field(() => Int, { defaultValue: 4, description: `Longest route, in steps: 1 to ${MAX_STEPS}.` })
  @Min(1)
  @Max(MAX_STEPS)
  maxSteps = 4;

  @Field(() => Int, { defaultValue: 5, description: 'How many routes: 1 to 20.' })
  @Min(1)
  @Max(20)
  first = 5;

  @Field(() => Boolean, { defaultValue: false, description: 'Also follow pivots into adjacent roles.' })
  includePivots = false;
}

@ArgsType()
export class ProgressionArgs extends PathOptionsArgs {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;
}

@ArgsType()
export class ShortestProgressionArgs extends FromToArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Also follow pivots into adjacent roles.' })
  includePivots = false;
}

@ArgsType()
export class SimilarArgs {
  @Field(() => Int, { defaultValue: 5, description: 'How many roles: 1 to 50.' })
  @Min(1)
  @Max(50)
  first = 5;
}

@ArgsType()
export class SimilarRolesArgs extends SimilarArgs {
  @Field(() => ID)
  id!: string;
}

@ArgsType()
export class PathsToArgs extends PathOptionsArgs {
  @Field(() => ID, { description: 'The role to reach.' })
  id!: string;
}

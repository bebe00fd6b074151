import { Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ProfileInput } from '../shared/profile.input';
import { RoleMatchFilter } from './fit.types';

@ArgsType()
export class MatchRolesArgs {
  @Field(() => ProfileInput)
  profile!: ProfileInput;

  @Field(() => Int, { defaultValue: 10, description: 'How many roles: 1 to 100.' })
  @Min(1)
  @Max(100)
  first = 10;

  @Field(() => RoleMatchFilter, { nullable: true })
  filter?: RoleMatchFilter;
}

@ArgsType()
export class ProfileGapArgs {
  @Field(() => ProfileInput)
  profile!: ProfileInput;

  @Field(() => ID, { description: 'The role to reach.' })
  to!: string;
}

@ArgsType()
export class MissingArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many: 1 to 100.' })
  @Min(1)
  @Max(100)
  first = 20;
}

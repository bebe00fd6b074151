import { Max, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, Int } from 'type-graphql';
import { TRANSITIONS_PER_ROLE } from '../../model/fit-weights';
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

@ArgsType()
export class TransitionsArgs {
  @Field(() => ID, { description: 'The role to move from.' })
  from!: string;

  @Field(() => Int, {
    defaultValue: 10,
    description: `How many: 1 to ${TRANSITIONS_PER_ROLE} (the transitions stored per role).`,
  })
  @Min(1)
  @Max(TRANSITIONS_PER_ROLE)
  first = 10;

  @Field(() => Float, { defaultValue: 0.1, description: 'Only transitions at least this similar (0 to 1).' })
  @Min(0)
  @Max(1)
  minSimilarity = 0.1;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Only moves that do not lower the pay (median where both have one).',
  })
  keepPay = false;
}

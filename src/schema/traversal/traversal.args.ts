import { ArrayMaxSize, ArrayMinSize, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_STEPS } from '../../graph/cypher/routes.cypher';
import { DEFAULT_MAX_STEPS, WIDE_KINDS, WIDE_ROUTE_MAX_STEPS } from '../../model/transitions';
import { ProfileInput } from '../shared/profile.input';
import { RouteRank, TransitionKind } from './traversal.types';

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

const VIA = `The kinds of move to follow (default [PROMOTION]).`;

/** How a route question chooses its moves and orders its answers. */
@ArgsType()
export class RouteKindArgs {
  @Field(() => [TransitionKind], { nullable: true, description: VIA })
  via?: TransitionKind[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Also follow pivots into adjacent roles: via [PROMOTION, PIVOT].',
    deprecationReason: 'Use via: [PROMOTION, PIVOT].',
  })
  includePivots?: boolean | null;

  @Field(() => RouteRank, { defaultValue: RouteRank.FEWEST_STEPS, description: 'How the routes are ordered.' })
  rankBy: RouteRank = RouteRank.FEWEST_STEPS;
}

@ArgsType()
export class PathOptionsArgs extends RouteKindArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_MAX_STEPS,
    description: `Longest route, in steps: 1 to ${MAX_STEPS} (to ${WIDE_ROUTE_MAX_STEPS} via ${WIDE_KINDS.join(' or ')}).`,
  })
  @Min(1)
  @Max(MAX_STEPS)
  maxSteps = DEFAULT_MAX_STEPS;

  @Field(() => Int, { defaultValue: 5, description: 'How many routes: 1 to 20.' })
  @Min(1)
  @Max(20)
  first = 5;
}

@ArgsType()
export class ProgressionArgs extends PathOptionsArgs {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;
}

@ArgsType()
export class ShortestProgressionArgs extends RouteKindArgs {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;
}

@ArgsType()
export class LeastEffortArgs {
  @Field(() => ID, { nullable: true, description: 'The role to start from (or give profile).' })
  from?: string | null;

  @Field(() => ProfileInput, {
    nullable: true,
    description: 'What the traveller knows; the route starts at its currentRole (or give from).',
  })
  profile?: ProfileInput | null;

  @Field(() => ID, { description: 'The role to reach.' })
  to!: string;

  @Field(() => Int, { defaultValue: DEFAULT_MAX_STEPS, description: `Longest route, in steps: 1 to ${MAX_STEPS}.` })
  @Min(1)
  @Max(MAX_STEPS)
  maxSteps = DEFAULT_MAX_STEPS;

  @Field(() => [TransitionKind], { nullable: true, description: VIA })
  via?: TransitionKind[] | null;
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

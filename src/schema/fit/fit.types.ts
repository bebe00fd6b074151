import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, Max, Min } from 'class-validator';
import type { NodeRecord, RoleRecord, SalaryChangeRecord, WeightedItemRecord } from '../../graph/records';
import { SalaryChange } from '../traversal/traversal.types';
import { RELEVANCE_EMPHASIS } from '../../model/fit-weights';
import { STATED_DIRECTIONS, type StatedDirectionName } from '../../model/transitions';
import { Role } from '../role/role.type';
import { enumOf, NodeKind } from '../shared/enums';
import { NodeInterface } from '../shared/node.interface';

@InputType({ description: 'Which roles matchRoles ranks.' })
export class RoleMatchFilter {
  @Field(() => Float, { nullable: true, description: 'Only roles whose fit is at least this (0 to 1).' })
  @Min(0)
  @Max(1)
  minFit?: number;

  @Field(() => [String], {
    nullable: true,
    description: 'Only roles these sources state, by name ("O*NET 29.3", "ESCO 1.1.1", "the article").',
  })
  @ArrayMaxSize(10)
  sources?: string[];
}

@ObjectType({ simpleResolvers: true, description: 'One requirement of a role, with the weight the ranking gives it.' })
export class WeightedItem {
  @Field(() => NodeInterface)
  item!: NodeRecord;

  @Field(() => NodeKind)
  kind!: WeightedItemRecord['kind'];

  @Field(() => Float, { description: 'need × distinctiveness, in (0, 1] (see "Which roles fit my skills").' })
  weight!: number;

  @Field({ description: "Borrowed from the role's O*NET counterpart through the crosswalk (an ESCO occupation)." })
  borrowed!: boolean;
}

@ObjectType({ description: 'How well a profile fits one role.' })
export class RoleFit {
  @Field(() => Role)
  role!: RoleRecord;

  @Field(() => Float, {
    description: `The weighted harmonic mean of coverage and relevance, relevance counting ${RELEVANCE_EMPHASIS ** 2} times as much: 0 to 1.`,
  })
  fit!: number;

  @Field(() => Float, { description: "Weighted share of the role's requirements the profile covers." })
  coverage!: number;

  @Field(() => Float, { description: 'Weighted share of the profile the role uses.' })
  relevance!: number;

  @Field(() => [WeightedItem], { description: 'The requirements the profile covers, heaviest first.' })
  covered!: WeightedItemRecord[];

  @Field(() => Int, { description: 'How many of the role’s requirements the profile lacks (essential or not).' })
  missingCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Roles ranked by how well they fit a profile.' })
export class RoleMatches {
  @Field(() => [RoleFit], { description: 'Best fit first (ties by name, id).' })
  matches!: object[];

  @Field(() => Int, {
    description: 'How many roles fit at all (fit above 0 and the filter), of which `first` are listed.',
  })
  rankedCount!: number;

  @Field(() => Int, { description: 'Roles left out because they have fewer requirements than the minimum.' })
  unrankedCount!: number;
}

export const StatedDirection = enumOf(STATED_DIRECTIONS);
export type StatedDirection = StatedDirectionName;
registerEnumType(StatedDirection, {
  name: 'StatedDirection',
  description: 'Which way the stated edges of one kind go between the two roles of a transition.',
  valuesConfig: {
    FORWARD: { description: 'From the first role to the target (the way of the transition).' },
    BACKWARD: { description: 'From the target to the first role only.' },
    BOTH: { description: 'Edges of this kind go both ways.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'The edges of one kind sources state between two roles.' })
export class StatedMove {
  @Field({
    description: 'PROGRESSES_TO (a promotion), PIVOTS_TO, RELATED_TO (O*NET) or EQUIVALENT_TO (the crosswalk).',
  })
  kind!: string;

  @Field(() => StatedDirection)
  direction!: StatedDirection;

  @Field(() => [String], { description: 'The sources (or the article’s sections) that state it.' })
  sources!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'A role one step away by the similarity of what the two require.' })
export class Transition {
  @Field(() => Role)
  role!: RoleRecord;

  @Field(() => Float, {
    description: 'The fit of the target to the first role’s requirements taken as a profile, 0 to 1.',
  })
  similarity!: number;

  @Field(() => Int, { description: 'Its place among the first role’s stored transitions, 1 first.' })
  rank!: number;

  @Field(() => [WeightedItem], {
    description: 'Requirements both have, by the target’s weight, heaviest first (at most 50).',
  })
  shared!: WeightedItemRecord[];

  @Field(() => [WeightedItem], {
    description: 'What the target requires that the first role does not, heaviest first (at most 50).',
  })
  missing!: WeightedItemRecord[];

  @Field(() => SalaryChange, {
    nullable: true,
    description: 'The target’s pay minus the first role’s; null unless both have comparable figures.',
  })
  salaryChange!: SalaryChangeRecord | null;

  @Field({
    description: 'Compared through the crosswalk: an ESCO occupation’s side borrowed its O*NET counterparts’ items.',
  })
  borrowed!: boolean;

  @Field(() => [Role], { description: 'The O*NET counterparts whose items were borrowed; empty when none.' })
  comparedVia!: RoleRecord[];

  @Field(() => [StatedMove], {
    description: 'Edges sources state between the two roles, either way: one entry per kind, its sources merged.',
  })
  statedBy!: { kind: string; direction: StatedDirection; sources: string[] }[];

  @Field({ description: 'The version of the requirements this transition was computed for.' })
  dataVersion!: string;

  @Field({ description: 'True when requirements changed since (recomputed at the next start or import).' })
  stale!: boolean;
}

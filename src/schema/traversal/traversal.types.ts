import { Field, Float, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import {
  ROUTE_RANKS,
  TRANSITION_KIND_NAMES,
  TRANSITION_TYPES,
  type RouteRankName,
  type TransitionKindName,
} from '../../model/transitions';
import { Role } from '../role/role.type';
import { enumOf, SalaryPeriod } from '../shared/enums';
import { Employer, Framework, Skill, Tool, Workflow } from '../shared/entity.types';

/** The kinds of move a route may take (declared with their relationship types in src/model/transitions.ts). */
export const TransitionKind = enumOf(TRANSITION_KIND_NAMES);
export type TransitionKind = TransitionKindName;
registerEnumType(TransitionKind, {
  name: 'TransitionKind',
  description: 'A kind of move between two roles.',
  valuesConfig: {
    PROMOTION: { description: `A step up (${TRANSITION_TYPES.PROMOTION}).` },
    PIVOT: { description: `A move sideways into an adjacent role (${TRANSITION_TYPES.PIVOT}).` },
    RELATED: { description: `An O*NET related occupation (${TRANSITION_TYPES.RELATED}, with its tier and rank).` },
    SIMILAR: {
      description: `A role among the most similar by what they require, stored at import (${TRANSITION_TYPES.SIMILAR}, with its score).`,
    },
  },
});

export const RouteRank = enumOf(ROUTE_RANKS);
export type RouteRank = RouteRankName;
registerEnumType(RouteRank, {
  name: 'RouteRank',
  description: 'How routes are ordered; ties fall back on FEWEST_STEPS, then the route’s role ids.',
  valuesConfig: {
    FEWEST_STEPS: { description: 'Fewer steps, then larger pay gain (unknown last), then fewer skills to acquire.' },
    LEAST_TO_LEARN: { description: 'Fewer skills and tools to learn (toLearnCount).' },
    MOST_PAY_GAIN: {
      description:
        'Larger pay gain (end minus start, min + max, only between figures of one currency, period and basis); unknown last.',
    },
  },
});

function Overlap<T extends object>(Item: ClassType<T>, name: string) {
  @ObjectType(`${name}Overlap`, {
    simpleResolvers: true,
    description: `How two roles' ${name.toLowerCase()}s overlap.`,
  })
  class OverlapType {
    @Field(() => [Item], { description: 'Held by both roles.' })
    shared!: NodeRecord[];

    @Field(() => [Item], { description: 'Held only by role a.' })
    onlyA!: NodeRecord[];

    @Field(() => [Item], { description: 'Held only by role b.' })
    onlyB!: NodeRecord[];

    @Field(() => Float, { description: 'Shared divided by all distinct (0 when neither has any).' })
    jaccard!: number;
  }
  return OverlapType;
}

export const ToolOverlap = Overlap(Tool, 'Tool');
export const SkillOverlap = Overlap(Skill, 'Skill');
export const FrameworkOverlap = Overlap(Framework, 'Framework');
export const WorkflowOverlap = Overlap(Workflow, 'Workflow');
export const EmployerOverlap = Overlap(Employer, 'Employer');

@ObjectType({ simpleResolvers: true, description: 'A difference in pay, in one currency.' })
export class SalaryChange {
  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;

  @Field()
  currency!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Two roles side by side, computed from the graph.' })
export class RoleComparison {
  @Field(() => Role)
  a!: NodeRecord;

  @Field(() => Role)
  b!: NodeRecord;

  @Field(() => ToolOverlap)
  tools!: object;

  @Field(() => SkillOverlap)
  skills!: object;

  @Field(() => FrameworkOverlap)
  frameworks!: object;

  @Field(() => WorkflowOverlap)
  workflows!: object;

  @Field(() => EmployerOverlap)
  employers!: object;

  @Field(() => Float, {
    description:
      "How similar b is to a (0..1), as transitions and matchRoles weigh it: b's fit to a's requirements (borrowed ones included) taken as a profile. Directional: compareRoles(a: b, b: a) may differ.",
  })
  similarity!: number;

  @Field(() => Float, {
    description:
      'Jaccard similarity of the tools, skills and frameworks the two roles state (0..1): shared divided by all distinct, every item counted alike, borrowed requirements not counted.',
  })
  jaccard!: number;

  @Field(() => SalaryChange, {
    nullable: true,
    description: "b's salary minus a's; null when either lacks a figure or the currencies differ.",
  })
  salaryDifference!: SalaryChange | null;
}

@ObjectType({ simpleResolvers: true, description: 'Why a step of a route exists.' })
export class StepReason {
  @Field(() => TransitionKind)
  kind!: TransitionKind;

  @Field(() => [String], { description: 'Who states the move (empty for a computed similarity).' })
  sources!: string[];

  @Field(() => Float, { nullable: true, description: 'SIMILAR: the stored similarity score, in (0, 1].' })
  similarity!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'RELATED: O*NET’s tier (PRIMARY_SHORT, PRIMARY_LONG, SUPPLEMENTAL).',
  })
  tier!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'RELATED and SIMILAR: the position in the source’s or the stored list.',
  })
  rank!: number | null;

  @Field({ description: 'The reason in one sentence, for people.' })
  text!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One move along a career path.' })
export class CareerStep {
  @Field(() => Role)
  from!: NodeRecord;

  @Field(() => Role)
  to!: NodeRecord;

  @Field(() => TransitionKind)
  kind!: TransitionKind;

  @Field(() => [String], { description: 'Sections of the source material that state this move.' })
  sources!: string[];

  @Field(() => StepReason, {
    description: 'Why the step exists: which source states it, or how similar the roles are.',
  })
  reason!: StepReason;
}

/** A role's pay figure as a route compares it. */
@ObjectType({
  simpleResolvers: true,
  description:
    "One role's pay figure and where it comes from: the article's ranges and BLS percentiles measure different things.",
})
export class PayFigure {
  @Field(() => Role)
  role!: NodeRecord;

  @Field(() => String, { nullable: true, description: 'Who states the figure; null when the role has none.' })
  source!: string | null;

  @Field(() => SalaryPeriod, { nullable: true })
  period!: string | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A route between two roles and what it takes.' })
export class CareerPath {
  @Field(() => [Role], { description: 'The roles in order, start and end included.' })
  roles!: NodeRecord[];

  @Field(() => [CareerStep])
  steps!: CareerStep[];

  @Field(() => Int, { description: 'Number of steps.' })
  length!: number;

  @Field(() => SalaryChange, {
    nullable: true,
    description: "The end role's salary minus the start's; null when either lacks a figure.",
  })
  salaryChange!: SalaryChange | null;

  @Field(() => [PayFigure], { description: 'The start’s and the end’s pay figures, each with its source.' })
  payFigures!: object[];

  @Field(() => Int, {
    description:
      'Distinct skills and tools the traveller lacks along the route; what earlier steps taught counts as known.',
  })
  toLearnCount!: number;

  @Field(() => [Skill], { description: 'Skills the roles along the route need that the start role does not have.' })
  skillsToAcquire!: NodeRecord[];

  @Field(() => [Tool], { description: 'Tools the roles along the route use that the start role does not.' })
  toolsToLearn!: NodeRecord[];
}

@ObjectType({ simpleResolvers: true, description: 'What moving from one role to another asks for.' })
export class SkillGap {
  @Field(() => Role)
  from!: NodeRecord;

  @Field(() => Role)
  to!: NodeRecord;

  @Field(() => [Skill], { description: 'Skills the target requires that the current role lacks.' })
  missingSkills!: NodeRecord[];

  @Field(() => [Skill], { description: 'Skills both require.' })
  sharedSkills!: NodeRecord[];

  @Field(() => [Tool], { description: 'Tools the target uses that the current role does not.' })
  newTools!: NodeRecord[];

  @Field(() => [Framework], { description: 'Frameworks the target uses that the current role does not.' })
  newFrameworks!: NodeRecord[];

  @Field(() => Float, { description: "Share of the target's skills the current role already has (0..1)." })
  coverage!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A role like another, and why.' })
export class RoleSimilarity {
  @Field(() => Role)
  role!: NodeRecord;

  @Field(() => Float, {
    description:
      "How similar this role is to the one asked about (0..1), the rule of compareRoles.similarity and transitions: this role's fit to the other's requirements (borrowed ones included) taken as a profile. Directional.",
  })
  score!: number;

  @Field(() => Float, {
    description:
      'Jaccard similarity of the tools, skills and frameworks the two roles state (0..1), every item counted alike, borrowed requirements not counted.',
  })
  jaccard!: number;

  @Field(() => [Tool], { description: 'Tools both roles require (borrowed ones included), by name.' })
  sharedTools!: NodeRecord[];

  @Field(() => [Skill], { description: 'Skills both roles require (borrowed ones included), by name.' })
  sharedSkills!: NodeRecord[];

  @Field(() => [Framework], { description: 'Frameworks both roles require (borrowed ones included), by name.' })
  sharedFrameworks!: NodeRecord[];
}

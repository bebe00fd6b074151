import { Field, Float, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import { Role } from '../role/role.type';
import { Employer, Framework, Skill, Tool, Workflow } from '../shared/entity.types';

export enum TransitionKind {
  PROMOTION = 'PROMOTION',
  PIVOT = 'PIVOT',
}
registerEnumType(TransitionKind, {
  name: 'TransitionKind',
  valuesConfig: {
    PROMOTION: { description: 'A step up (PROGRESSES_TO).' },
    PIVOT: { description: 'A move sideways into an adjacent role (PIVOTS_TO).' },
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

  @Field(() => Float, { description: 'Jaccard similarity of tools, skills and frameworks together (0..1).' })
  similarity!: number;

  @Field(() => SalaryChange, {
    nullable: true,
    description: "b's salary minus a's; null when either lacks a figure or the currencies differ.",
  })
  salaryDifference!: SalaryChange | null;
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

  @Field(() => Float, { description: 'Jaccard similarity of tools, skills and frameworks together (0..1).' })
  score!: number;

  @Field(() => [Tool])
  sharedTools!: NodeRecord[];

  @Field(() => [Skill])
  sharedSkills!: NodeRecord[];

  @Field(() => [Framework])
  sharedFrameworks!: NodeRecord[];
}

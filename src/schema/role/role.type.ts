import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from '../shared/node.interface';
import { SalaryBasis, SalaryPeriod, Track } from '../shared/enums';

/** The same shape is read (Salary) and written (SalaryInput). */
@ObjectType({ simpleResolvers: true, description: 'A pay range, as the source states it.' })
@InputType('SalaryInput', { description: 'A pay range.' })
export class Salary {
  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;

  @Field({ description: 'ISO 4217 code, e.g. "USD".' })
  currency!: string;

  @Field(() => SalaryPeriod)
  period!: SalaryPeriod;

  @Field(() => SalaryBasis)
  basis!: SalaryBasis;

  @Field(() => String, { nullable: true, description: 'Where the figure applies, e.g. "US".' })
  region!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the figure depends on (location, industry, company size...).',
  })
  caveat!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: NodeInterface, description: 'An engineering role.' })
export class Role extends NodeInterface {
  @Field(() => String, { nullable: true, description: 'Seniority as the source says it, e.g. "Senior".' })
  seniority!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Position on one ladder: 1 junior, 2 mid-level, 3 senior, 4 staff, 5 principal.',
  })
  level!: number | null;

  @Field(() => Track, { nullable: true })
  track!: Track | null;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'Who the role suits.' })
  bestFor!: string | null;

  @Field(() => [String])
  responsibilities!: string[];

  @Field(() => String, { nullable: true, description: 'What onboarding into the role concentrates on.' })
  onboardingFocus!: string | null;

  @Field(() => String, { nullable: true, description: 'What documentation the role depends on.' })
  documentationNeeds!: string | null;

  @Field(() => String, { nullable: true, description: 'What makes the day-to-day tooling comfortable.' })
  ergonomics!: string | null;

  @Field(() => Salary, { nullable: true, description: 'Absent where the source gives no figure.' })
  salary!: Salary | null;
}

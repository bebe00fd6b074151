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

  @Field(() => Int, { nullable: true, description: '10th percentile.' })
  p10!: number | null;

  @Field(() => Int, { nullable: true, description: '25th percentile.' })
  p25!: number | null;

  @Field(() => Int, { nullable: true, description: 'Median (50th percentile).' })
  median!: number | null;

  @Field(() => Int, { nullable: true, description: '75th percentile.' })
  p75!: number | null;

  @Field(() => Int, { nullable: true, description: '90th percentile.' })
  p90!: number | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'The percentiles (p10, p25, median, p75, p90) the publisher caps: their figure is a lower bound ("at least").',
  })
  topCoded!: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the figure comes from, e.g. "BLS OEWS May 2023, US national, all industries".',
  })
  source!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The id of the role whose figure this is, when borrowed through an equivalence (crosswalk).',
  })
  borrowedFrom!: string | null;
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

  @Field(() => String, { nullable: true, description: 'Why there is no salary, where a source says so.' })
  salaryMissing!: string | null;

  @Field(() => String, { nullable: true, description: 'O*NET-SOC code of an O*NET occupation, e.g. "15-1252.00".' })
  onetCode!: string | null;

  @Field(() => String, { nullable: true, description: 'ESCO concept URI of an ESCO occupation.' })
  escoUri!: string | null;

  @Field(() => String, { nullable: true, description: 'ESCO occupation code, e.g. "2512.4".' })
  escoCode!: string | null;

  @Field(() => String, { nullable: true, description: 'ISCO-08 unit group of an ESCO occupation, e.g. "2512".' })
  iscoGroup!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'O*NET job zone: 1 (little preparation) to 5 (extensive preparation).',
  })
  jobZone!: number | null;

  /** Resolved with its `first` argument (role.resolver.ts); read at most MAX_FIRST. */
  alternateTitles!: string[];

  @Field(() => Int, { description: 'How many alternate titles the role has (all searchable).' })
  alternateTitlesCount!: number;
}

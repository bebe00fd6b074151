import type { GraphQLScalarType } from 'graphql';
import { Field, Float, InputType, Int, ObjectType, type FieldOptions } from 'type-graphql';
import { NodeInterface } from '../shared/node.interface';
import { SalaryBasis, SalaryPeriod, Track } from '../shared/enums';

/** The figures of a pay range as published, fractions kept: BLS states hourly pay in dollars and cents. */
@ObjectType({ simpleResolvers: true, description: 'The figures of a pay range as published, fractions kept.' })
export class SalaryAmounts {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;

  @Field(() => Float, { nullable: true })
  p10!: number | null;

  @Field(() => Float, { nullable: true })
  p25!: number | null;

  @Field(() => Float, { nullable: true })
  median!: number | null;

  @Field(() => Float, { nullable: true })
  p75!: number | null;

  @Field(() => Float, { nullable: true })
  p90!: number | null;
}

abstract class SalaryShape {
  min!: number;
  max!: number;
  currency!: string;
  period!: SalaryPeriod;
  basis!: SalaryBasis;
  region!: string | null;
  caveat!: string | null;
  p10!: number | null;
  p25!: number | null;
  median!: number | null;
  p75!: number | null;
  p90!: number | null;
  topCoded!: string[] | null;
  source!: string | null;
  borrowedFrom!: string | null;
}

/**
 * The fields of a pay range, read (Salary) and written (SalaryInput) alike, declared once and
 * applied to both classes below. The figures are whole units; hourly pay has cents, so reads
 * round it there and give it exactly in `Salary.amounts`, a field the input does not have.
 */
const SALARY_FIELDS: [keyof SalaryShape, () => GraphQLScalarType | object, FieldOptions][] = [
  ['min', () => Int, { description: 'The lowest figure, in whole currency units.' }],
  ['max', () => Int, { description: 'The highest figure, in whole currency units.' }],
  ['currency', () => String, { description: 'ISO 4217 code, e.g. "USD".' }],
  ['period', () => SalaryPeriod, {}],
  ['basis', () => SalaryBasis, {}],
  ['region', () => String, { nullable: true, description: 'Where the figure applies, e.g. "US".' }],
  [
    'caveat',
    () => String,
    { nullable: true, description: 'What the figure depends on (location, industry, company size...).' },
  ],
  ['p10', () => Int, { nullable: true, description: '10th percentile.' }],
  ['p25', () => Int, { nullable: true, description: '25th percentile.' }],
  ['median', () => Int, { nullable: true, description: 'Median (50th percentile).' }],
  ['p75', () => Int, { nullable: true, description: '75th percentile.' }],
  ['p90', () => Int, { nullable: true, description: '90th percentile.' }],
  [
    'topCoded',
    () => [String],
    {
      nullable: true,
      description:
        'The percentiles (p10, p25, median, p75, p90) the publisher caps: their figure is a lower bound ("at least").',
    },
  ],
  [
    'source',
    () => String,
    {
      nullable: true,
      description: 'Where the figure comes from, e.g. "BLS OEWS May 2023, US national, all industries".',
    },
  ],
  [
    'borrowedFrom',
    () => String,
    {
      nullable: true,
      description: 'The id of the role whose figure this is, when borrowed through an equivalence (crosswalk).',
    },
  ],
];

@ObjectType({
  simpleResolvers: true,
  description: 'A pay range, as the source states it; hourly pay is rounded to whole units, exact in `amounts`.',
})
export class Salary extends SalaryShape {
  @Field(() => SalaryAmounts, {
    description: 'The same figures unrounded (an hourly figure of 15.98 is 16 in the whole-unit fields).',
  })
  amounts!: SalaryAmounts;
}

@InputType('SalaryInput', { description: 'A pay range.' })
export class SalaryInput extends SalaryShape {}

for (const target of [Salary, SalaryInput]) {
  for (const [name, type, options] of SALARY_FIELDS) Field(type, options)(target.prototype, name);
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

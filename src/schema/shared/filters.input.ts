import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SLUG_PATTERN } from '../../model/slug';
import { Track } from './enums';

const SLUG_MESSAGE = '$property must be an id: lowercase letters and digits separated by single "-"';
const IdFilter = () => Matches(SLUG_PATTERN, { message: SLUG_MESSAGE });

/** Fields every filter has. */
@InputType({ description: 'Filter by name only.' })
export class NameFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' })
  @IsOptional()
  @MaxLength(200)
  nameContains?: string;
}

@InputType()
export class RoleFilter extends NameFilter {
  @Field(() => String, { nullable: true, description: 'Seniority as stated, e.g. "Senior" (any case).' })
  @IsOptional()
  @MaxLength(200)
  seniority?: string;

  @Field(() => Track, { nullable: true })
  track?: Track;

  @Field(() => Int, { nullable: true, description: 'Only roles at this ladder level or above.' })
  @IsOptional()
  @Min(1)
  @Max(10)
  minLevel?: number;

  @Field(() => Int, { nullable: true, description: 'Only roles at this ladder level or below.' })
  @IsOptional()
  @Min(1)
  @Max(10)
  maxLevel?: number;

  @Field(() => ID, { nullable: true, description: 'Only roles that use this tool.' })
  @IsOptional()
  @IdFilter()
  usesTool?: string;

  @Field(() => ID, { nullable: true, description: 'Only roles that require this skill.' })
  @IsOptional()
  @IdFilter()
  requiresSkill?: string;

  @Field(() => ID, { nullable: true, description: 'Only roles that use this framework.' })
  @IsOptional()
  @IdFilter()
  usesFramework?: string;

  @Field(() => ID, { nullable: true, description: 'Only roles this employer hires for.' })
  @IsOptional()
  @IdFilter()
  hiredBy?: string;
}

@InputType()
export class ToolFilter extends NameFilter {
  @Field(() => ID, { nullable: true, description: 'Only tools in this category (a category id).' })
  @IsOptional()
  @IdFilter()
  category?: string;

  @Field(() => ID, { nullable: true, description: 'Only tools this role uses.' })
  @IsOptional()
  @IdFilter()
  usedByRole?: string;
}

@InputType()
export class SkillFilter extends NameFilter {
  @Field(() => ID, { nullable: true, description: 'Only skills this role requires.' })
  @IsOptional()
  @IdFilter()
  requiredByRole?: string;
}

@InputType()
export class FrameworkFilter extends NameFilter {
  @Field(() => ID, { nullable: true, description: 'Only frameworks this role uses.' })
  @IsOptional()
  @IdFilter()
  usedByRole?: string;

  @Field(() => ID, { nullable: true, description: 'Only frameworks that run on this tool.' })
  @IsOptional()
  @IdFilter()
  runsOn?: string;
}

@InputType()
export class EmployerFilter extends NameFilter {
  @Field(() => ID, { nullable: true, description: 'Only employers that hire for this role.' })
  @IsOptional()
  @IdFilter()
  hiresRole?: string;
}

@InputType()
export class WorkflowFilter extends NameFilter {
  @Field(() => ID, { nullable: true, description: 'Only workflows this role practices.' })
  @IsOptional()
  @IdFilter()
  practicedByRole?: string;
}

@InputType()
export class LanguageFilter extends NameFilter {
  @Field(() => ID, { nullable: true, description: 'Only languages this role uses.' })
  @IsOptional()
  @IdFilter()
  usedByRole?: string;
}

@InputType()
export class CategoryFilter extends NameFilter {}

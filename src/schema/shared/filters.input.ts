import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, type ClassType } from 'type-graphql';
import { labelOf, NODE_KIND_NAMES, type NodeKind } from '../../model/kinds';
import { endsOf } from '../../model/relationships';
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
}

@InputType()
export class ToolFilter extends NameFilter {}

@InputType()
export class SkillFilter extends NameFilter {}

@InputType()
export class FrameworkFilter extends NameFilter {}

@InputType()
export class EmployerFilter extends NameFilter {}

@InputType()
export class WorkflowFilter extends NameFilter {}

@InputType()
export class LanguageFilter extends NameFilter {}

@InputType()
export class CategoryFilter extends NameFilter {}

export const FILTERS: Record<NodeKind, ClassType> = {
  ROLE: RoleFilter,
  TOOL: ToolFilter,
  SKILL: SkillFilter,
  FRAMEWORK: FrameworkFilter,
  EMPLOYER: EmployerFilter,
  WORKFLOW: WorkflowFilter,
  LANGUAGE: LanguageFilter,
  CATEGORY: CategoryFilter,
};

/** One relationship filter per end of the kind (and its deprecated name), from the model's table. */
function relationFilters(kind: NodeKind): void {
  const prototype = FILTERS[kind].prototype as object;
  const owner = labelOf(kind).toLowerCase();
  for (const end of endsOf(kind)) {
    const description = `Only the ${owner} nodes whose ${end.names.nodes} include the ${labelOf(end.far)} with this id.`;
    const names: [string, string | undefined][] = [[end.names.filter, undefined]];
    if (end.deprecated.filter) {
      names.push([end.deprecated.filter, `Use ${end.names.filter}; this name is removed in the next release.`]);
    }
    for (const [name, deprecationReason] of names) {
      Field(() => ID, { nullable: true, description, deprecationReason })(prototype, name);
      IsOptional()(prototype, name);
      IdFilter()(prototype, name);
    }
  }
}
NODE_KIND_NAMES.forEach(relationFilters);

import { Field, ID, InputType, Int } from 'type-graphql';
import { SalaryInput } from '../role/role.type';
import { STATED_PROPERTY_SPECS } from '../../model/relationships';
import { Track } from '../shared/enums';
import { propertyField } from '../shared/link';

/*
 * Write inputs. Only id and name are required; a field left out is kept as it is, a field sent
 * as null is cleared. The rules of a valid value are the loader's (src/model/rules.ts), applied
 * by the resolver, so they are written once.
 */

@InputType({ description: 'A node to create or update by id.' })
export class NodeInput {
  @Field(() => ID, { description: 'Slug of the name, e.g. "spring-boot".' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Where the facts come from; "API" when left out on creation.' })
  sources?: string[] | null;
}

@InputType({ description: 'A role to create or update by id.' })
export class RoleInput extends NodeInput {
  @Field(() => String, { nullable: true })
  seniority?: string | null;

  @Field(() => Int, { nullable: true })
  level?: number | null;

  @Field(() => Track, { nullable: true })
  track?: Track | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  bestFor?: string | null;

  @Field(() => [String], { nullable: true })
  responsibilities?: string[] | null;

  @Field(() => String, { nullable: true })
  onboardingFocus?: string | null;

  @Field(() => String, { nullable: true })
  documentationNeeds?: string | null;

  @Field(() => String, { nullable: true })
  ergonomics?: string | null;

  @Field(() => SalaryInput, { nullable: true })
  salary?: SalaryInput | null;
}

@InputType({
  description: 'Properties of a relationship: note, sources, and those its relation declares (see RelationKind).',
})
export class LinkProperties {
  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'Where the fact comes from; "API" when left out on creation.' })
  sources?: string[] | null;

  [property: string]: string | number | string[] | null | undefined;
}
// A derived type's properties are computed, never given.
for (const [name, spec] of STATED_PROPERTY_SPECS) propertyField(LinkProperties.prototype, name, spec);

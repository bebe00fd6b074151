import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** The most items of one kind a profile may list: enough for anyone's CV, bounded for the database. */
export const MAX_PROFILE_ITEMS = 200;

/** What a person knows, by node id: the input of the questions about fit, gaps and routes. Lists default to empty (their initialisers). */
@InputType({
  description: 'What a person knows: skills, tools, frameworks and languages by id, and their current role.',
})
export class ProfileInput {
  @Field(() => [ID], { description: `Skill ids (at most ${MAX_PROFILE_ITEMS}).` })
  @ArrayMaxSize(MAX_PROFILE_ITEMS)
  skills: string[] = [];

  @Field(() => [ID], { description: `Tool ids (at most ${MAX_PROFILE_ITEMS}).` })
  @ArrayMaxSize(MAX_PROFILE_ITEMS)
  tools: string[] = [];

  @Field(() => [ID], { description: `Framework ids (at most ${MAX_PROFILE_ITEMS}).` })
  @ArrayMaxSize(MAX_PROFILE_ITEMS)
  frameworks: string[] = [];

  @Field(() => [ID], { description: `Language ids (at most ${MAX_PROFILE_ITEMS}).` })
  @ArrayMaxSize(MAX_PROFILE_ITEMS)
  languages: string[] = [];

  @Field(() => ID, { nullable: true, description: "A role id: that role's requirements count as known." })
  currentRole?: string;
}

import { Field, ObjectType } from 'type-graphql';
import { NodeInterface } from './node.interface';

/** The ESCO concept a tool, language, framework or skill is, where ESCO names it. */
const EscoUri = () => Field(() => String, { nullable: true, description: 'ESCO concept URI, where ESCO names it.' });

/*
 * The kinds of node that carry only the common fields. Their relationship fields live in each
 * domain's resolver.
 */

@ObjectType({
  simpleResolvers: true,
  implements: NodeInterface,
  description: 'A tool, platform or product engineers work with.',
})
export class Tool extends NodeInterface {
  @EscoUri()
  escoUri!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: NodeInterface, description: 'A skill a role calls for.' })
export class Skill extends NodeInterface {
  @Field(() => String, {
    nullable: true,
    description: 'What the source calls it: skill, knowledge, transversal or unspecified.',
  })
  skillKind!: string | null;

  @Field(() => String, { nullable: true, description: 'O*NET content model element id, e.g. "2.A.1.a".' })
  onetElementId!: string | null;

  @EscoUri()
  escoUri!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: NodeInterface, description: 'A software framework.' })
export class Framework extends NodeInterface {
  @EscoUri()
  escoUri!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: NodeInterface, description: 'A company known to hire for roles.' })
export class Employer extends NodeInterface {}

@ObjectType({ simpleResolvers: true, implements: NodeInterface, description: 'A way of working that roles follow.' })
export class Workflow extends NodeInterface {}

@ObjectType({ simpleResolvers: true, implements: NodeInterface, description: 'A programming language.' })
export class Language extends NodeInterface {
  @EscoUri()
  escoUri!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: NodeInterface,
  description: 'A category that groups tools, e.g. "Cloud Platform".',
})
export class Category extends NodeInterface {
  @Field(() => String, { nullable: true, description: 'UNSPSC commodity code, for O*NET technology categories.' })
  unspscCode!: string | null;
}

import { Field, ID, InterfaceType } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import { Provenance } from '../provenance/provenance.type';

@InterfaceType('Node', {
  description:
    'Anything in the career graph: a role, tool, skill, framework, employer, workflow, language or category.',
  resolveType: (value: NodeRecord) => value.__typename,
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Stable slug of the canonical name, e.g. "backend-engineer".' })
  id!: string;

  @Field({ description: 'Canonical name.' })
  name!: string;

  @Field(() => [String], { description: 'Other names people use, e.g. "K8s" for Kubernetes.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'A short description.' })
  description!: string | null;

  @Field(() => [String], { description: 'Sections of the source material this node comes from.' })
  sources!: string[];

  @Field(() => [Provenance], {
    description:
      'Every source that states this node, with its release and its own id for it; empty for hand-made nodes.',
  })
  provenance!: string[];

  @Field(() => String, { nullable: true, description: 'When this node was last written (ISO 8601).' })
  updatedAt!: string | null;
}

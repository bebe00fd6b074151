import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import { RELATIONSHIPS, RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationships';
import { NodeInterface } from '../shared/node.interface';

/** One value per relationship type of the model, named exactly as the type. */
export const RelationKind = Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, t])) as {
  [K in RelationshipType]: K;
};
registerEnumType(RelationKind, {
  name: 'RelationKind',
  description: 'The relationship types of the graph.',
  valuesConfig: Object.fromEntries(
    RELATIONSHIP_TYPES.map((type) => {
      const spec = RELATIONSHIPS[type];
      const emphasis = 'emphasis' in spec ? spec.emphasis : undefined;
      const allowed = Array.isArray(emphasis) ? ` Emphasis: ${emphasis.join(', ')}.` : '';
      return [type, { description: `${spec.meaning} (${spec.from} → ${spec.to}.)${allowed}` }];
    }),
  ),
});

@ObjectType({ simpleResolvers: true, description: 'A relationship as written.' })
export class Relationship {
  @Field(() => RelationKind)
  relation!: RelationshipType;

  @Field(() => NodeInterface)
  from!: NodeRecord;

  @Field(() => NodeInterface)
  to!: NodeRecord;

  @Field(() => String, { nullable: true })
  emphasis!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [String])
  sources!: string[];

  @Field({ description: 'Whether this write created the relationship (false: it existed and was updated).' })
  created!: boolean;
}

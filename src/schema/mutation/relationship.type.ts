import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import { PROPERTY_SPECS, RELATIONSHIP_TYPES, specOf, type RelationshipType } from '../../model/relationships';
import { commonPropertyFields, propertyField } from '../shared/link';
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
      const spec = specOf(type);
      const properties = Object.entries(spec.properties).map(([name, p]) => ` ${name}: ${p.description}`);
      return [type, { description: `${spec.meaning} (${spec.from} → ${spec.to}.)${properties.join('')}` }];
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

  @Field({ description: 'Whether this write created the relationship (false: it existed and was updated).' })
  created!: boolean;

  /** The relationship's properties; those its type does not declare are null. */
  [property: string]: unknown;
}
for (const [name, spec] of PROPERTY_SPECS) propertyField(Relationship.prototype, name, spec);
commonPropertyFields(Relationship.prototype);

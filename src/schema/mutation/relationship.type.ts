import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { NodeRecord } from '../../graph/records';
import {
  RELATIONSHIP_TYPES,
  STATED_PROPERTY_SPECS,
  specOf,
  writeRefusal,
  type RelationshipType,
} from '../../model/relationships';
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
      const refused = writeRefusal(type);
      const written = refused === null ? '' : ` Not writable: ${refused}.`;
      return [type, { description: `${spec.meaning} (${spec.from} → ${spec.to}.)${properties.join('')}${written}` }];
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
// Only stated types are written, so only their properties are a write's answer.
for (const [name, spec] of STATED_PROPERTY_SPECS) propertyField(Relationship.prototype, name, spec);
commonPropertyFields(Relationship.prototype);

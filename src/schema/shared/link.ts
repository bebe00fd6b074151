import { Field, Float, Int, ObjectType, type ClassType } from 'type-graphql';
import { COMMON_PROPERTIES, isDerived, specOf, type PropertySpec, type RelationEnd } from '../../model/relationships';
import { labelOf } from '../../model/kinds';
import { Provenance } from '../provenance/provenance.type';
import { isWeighted } from './relation.args';

/** A relationship property as a GraphQL field (nullable: a relationship may not state it). */
export function propertyField(prototype: object, name: string, spec: PropertySpec): void {
  const type = { int: Int, float: Float, bool: Boolean, string: String, text: String }[spec.type];
  Field(() => type, { nullable: true, description: spec.description })(prototype, name);
}

/** The properties every relationship has, whatever its type. */
export function commonPropertyFields(prototype: object): void {
  const [note, sources] = COMMON_PROPERTIES;
  Field(() => String, { nullable: true, description: 'A short explanation.' })(prototype, note);
  Field(() => [String], { description: 'Sections of the source material that state this link.' })(prototype, sources);
  Field(() => [Provenance], { description: 'Every source that states this link, with its own id for it.' })(
    prototype,
    'provenance',
  );
}

/**
 * One end's link type (e.g. `RoleToolLink` for `Role.toolLinks`): the node at the other end,
 * under its kind's name (`tool`), and the relationship's own properties, from the model's table.
 */
export function Link<T extends object>(end: RelationEnd, Far: ClassType<T>): ClassType {
  const spec = specOf(end.type);
  @ObjectType(end.names.linkType, {
    simpleResolvers: true,
    description: `A ${end.type} relationship seen from the ${labelOf(end.owner)}: ${spec.meaning}`,
  })
  class LinkType {
    // Published under another name than the property, so it needs type-graphql's own resolver.
    @Field(() => Far, { name: labelOf(end.far).toLowerCase(), simple: false })
    node!: T;
  }
  for (const [name, property] of Object.entries(spec.properties)) propertyField(LinkType.prototype, name, property);
  if (isWeighted(end.type)) {
    Field(() => Float, {
      description:
        'How much the role needs it, 0 to 1, the need of the fit (matchRoles): the strongest of what the link states (O*NET importance / 5, its technology flags, ESCO essential 1 or optional 0.5, the article’s emphasis), 0.5 when it states none. Lists ordered by WEIGHT put the heaviest first.',
    })(LinkType.prototype, 'weight');
  }
  // A derived type's edges are computed: no source states them and nobody notes on them (see the table).
  if (isDerived(end.type)) return LinkType;
  commonPropertyFields(LinkType.prototype);
  // Every link had an `emphasis` before properties were declared per type: kept, always null, for one release.
  if (!('emphasis' in spec.properties)) {
    Field(() => String, {
      nullable: true,
      description: `${end.type} takes no emphasis: always null.`,
      deprecationReason: `${end.type} takes no emphasis; this field is removed in the next release.`,
    })(LinkType.prototype, 'emphasis');
  }
  return LinkType;
}

import {
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { labelOf } from '../../src/model/kinds';
import { RELATION_ENDS, specOf, type RelationEnd } from '../../src/model/relationships';
import { buildGraphQLSchema } from '../../src/schema';

/*
 * The relationship table drives the schema: for every end of every relationship type, the
 * fields, link type, count, filter and deprecated aliases are there, named by the rule.
 */

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

function fieldOf(typeName: string, field: string): GraphQLField<unknown, unknown> {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const found = type.getFields()[field];
  if (!found) throw new Error(`${typeName}.${field} is missing`);
  return found;
}

/** "[Tool!]!" and the like. */
const GRAPHQL_SCALAR = { int: 'Int', float: 'Float', bool: 'Boolean', string: 'String', text: 'String' } as const;
const typeText = (field: GraphQLField<unknown, unknown>) => String(field.type);

const endName = (end: RelationEnd) => `${labelOf(end.owner)}.${end.names.nodes} (${end.type} ${end.direction})`;

describe('the fields generated from the relationship table', () => {
  it.each(RELATION_ENDS.map((end) => [endName(end), end] as const))(
    'when the schema is built, then %s has its nodes, links and count fields, bounded by first',
    (_name, end) => {
      const owner = labelOf(end.owner);
      const nodes = fieldOf(owner, end.names.nodes);
      const links = fieldOf(owner, end.names.links);
      const count = fieldOf(owner, end.names.count);
      expect(typeText(nodes)).toBe(`[${labelOf(end.far)}!]!`);
      expect(typeText(links)).toBe(`[${end.names.linkType}!]!`);
      expect(typeText(count)).toBe('Int!');
      for (const list of [nodes, links]) {
        const first = list.args.find((a) => a.name === 'first');
        expect({ type: String(first?.type), default: first?.defaultValue }).toEqual({ type: 'Int!', default: 100 });
        expect(first?.description).toContain('1 to 1000');
      }
    },
  );

  it.each(RELATION_ENDS.map((end) => [endName(end), end] as const))(
    'when the schema is built, then the link type of %s names the far node and every property of the type',
    (_name, end) => {
      const link = schema.getType(end.names.linkType);
      if (!isObjectType(link)) throw new Error(`${end.names.linkType} is not an object type`);
      const fields = link.getFields();
      expect(String(fields[labelOf(end.far).toLowerCase()]?.type)).toBe(`${labelOf(end.far)}!`);
      for (const [name, property] of Object.entries(specOf(end.type).properties)) {
        expect(String(fields[name]?.type)).toBe(GRAPHQL_SCALAR[property.type]);
      }
      expect(String(fields.sources?.type)).toBe('[String!]!');
      expect(String(fields.note?.type)).toBe('String');
    },
  );

  it.each(RELATION_ENDS.map((end) => [endName(end), end] as const))(
    'when the schema is built, then the list filter of %s takes the far end id, and deprecated names say what replaces them',
    (_name, end) => {
      const filter = schema.getType(`${labelOf(end.owner)}Filter`);
      if (!isInputObjectType(filter)) throw new Error(`${labelOf(end.owner)}Filter is not an input type`);
      const fields = filter.getFields();
      expect(String(fields[end.names.filter]?.type)).toBe('ID');
      expect(fields[end.names.filter].deprecationReason).toBeUndefined();
      const old = end.deprecated;
      const aliases = [
        [old.filter, fields[old.filter ?? '']?.deprecationReason, end.names.filter],
        [old.nodes, old.nodes && fieldOf(labelOf(end.owner), old.nodes).deprecationReason, end.names.nodes],
        [old.links, old.links && fieldOf(labelOf(end.owner), old.links).deprecationReason, end.names.links],
      ].filter(([name]) => name !== undefined);
      for (const [, reason, current] of aliases) expect(reason).toContain(`Use ${current}`);
    },
  );

  it('when RELATED_TO is read from the table, then Role has relatedRoles, its links with tier and rank, an order by rank, its inverse and filters', () => {
    expect(typeText(fieldOf('Role', 'relatedRoles'))).toBe('[Role!]!');
    expect(typeText(fieldOf('Role', 'relatedRoleLinks'))).toBe('[RoleRelatedRoleLink!]!');
    expect(typeText(fieldOf('Role', 'relatedRolesCount'))).toBe('Int!');
    expect(typeText(fieldOf('Role', 'relatedFrom'))).toBe('[Role!]!');
    expect(typeText(fieldOf('Role', 'relatedFromLinks'))).toBe('[RoleRelatedFromLink!]!');
    const link = schema.getType('RoleRelatedRoleLink');
    if (!isObjectType(link)) throw new Error('RoleRelatedRoleLink is missing');
    expect(Object.keys(link.getFields()).sort()).toEqual([
      'emphasis',
      'note',
      'provenance',
      'rank',
      'role',
      'sources',
      'tier',
    ]);
    expect(link.getFields().emphasis.deprecationReason).toContain('takes no emphasis');
    const orderBy = fieldOf('Role', 'relatedRoles').args.find((a) => a.name === 'orderBy')!;
    expect(String(orderBy.type)).toBe('RelatedToOrder!');
    const order = schema.getType('RelatedToOrder');
    expect(order && 'getValues' in order ? order.getValues().map((v) => v.name) : []).toEqual(['NAME', 'RANK']);
    const filter = schema.getType('RoleFilter');
    if (!isInputObjectType(filter)) throw new Error('RoleFilter is missing');
    expect(Object.keys(filter.getFields())).toEqual(expect.arrayContaining(['relatedRoles', 'relatedFrom']));
    const kinds = schema.getType('RelationKind');
    expect(kinds && 'getValues' in kinds ? kinds.getValues().map((v) => v.name) : []).toContain('RELATED_TO');
    const properties = schema.getType('LinkProperties');
    if (!isInputObjectType(properties)) throw new Error('LinkProperties is missing');
    expect(Object.keys(properties.getFields())).toEqual(expect.arrayContaining(['tier', 'rank', 'note', 'sources']));
  });

  it('when a relationship type has no orderable property and is not a requirement, then its lists take no orderBy', () => {
    const employers = fieldOf('Role', 'employers');
    expect(employers.args.map((a) => a.name)).toEqual(['first']);
    expect(isNonNullType(employers.type) && isListType(employers.type.ofType)).toBe(true);
  });

  it('when a relationship type is something a role requires, then its links have a weight and its lists order by it', () => {
    const orderBy = fieldOf('Role', 'toolLinks').args.find((a) => a.name === 'orderBy')!;
    expect(String(orderBy.type)).toBe('UsesToolOrder!');
    const order = schema.getType('UsesToolOrder');
    expect(order && 'getValues' in order ? order.getValues().map((v) => v.name) : []).toEqual(['NAME', 'WEIGHT']);
    const link = schema.getType('RoleToolLink');
    if (!isObjectType(link)) throw new Error('RoleToolLink is missing');
    expect(String(link.getFields().weight?.type)).toBe('Float!');
    for (const name of ['RoleEmployerLink', 'RoleWorkflowLink']) {
      const other = schema.getType(name);
      if (!isObjectType(other)) throw new Error(`${name} is missing`);
      expect(Object.keys(other.getFields())).not.toContain('weight');
    }
  });
});

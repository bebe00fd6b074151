import {
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { labelOf } from '../../src/model/kinds';
import {
  DERIVED_TYPES,
  RELATION_ENDS,
  RELATIONSHIP_TYPES,
  STATED_TYPES,
  isDerived,
  specOf,
  writeRefusal,
  type RelationEnd,
} from '../../src/model/relationships';
import { relationshipSchema } from '../../src/model/rules';
import { TRANSITION_TYPES } from '../../src/model/transitions';
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
      // A derived type's link has no note, sources or provenance: nothing states or annotates a computed edge.
      const stated = isDerived(end.type) ? {} : { note: 'String', sources: '[String!]!', provenance: '[Provenance!]!' };
      const common = ['note', 'sources', 'provenance'].filter((name) => name in fields);
      expect(Object.fromEntries(common.map((name) => [name, String(fields[name].type)]))).toEqual(stated);
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

  it('when SIMILAR_TO is read from the table, then it is derived and Role has similarTo, its links with score and rank, an order by rank, its inverse, counts and filters', () => {
    expect(DERIVED_TYPES).toEqual(['SIMILAR_TO']);
    expect(TRANSITION_TYPES.SIMILAR).toBe('SIMILAR_TO');
    expect(typeText(fieldOf('Role', 'similarTo'))).toBe('[Role!]!');
    expect(typeText(fieldOf('Role', 'similarToLinks'))).toBe('[RoleSimilarToLink!]!');
    expect(typeText(fieldOf('Role', 'similarToCount'))).toBe('Int!');
    expect(typeText(fieldOf('Role', 'similarFrom'))).toBe('[Role!]!');
    expect(typeText(fieldOf('Role', 'similarFromLinks'))).toBe('[RoleSimilarFromLink!]!');
    expect(typeText(fieldOf('Role', 'similarFromCount'))).toBe('Int!');
    const link = schema.getType('RoleSimilarToLink');
    if (!isObjectType(link)) throw new Error('RoleSimilarToLink is missing');
    expect(Object.fromEntries(Object.entries(link.getFields()).map(([name, f]) => [name, String(f.type)]))).toEqual({
      role: 'Role!',
      score: 'Float',
      rank: 'Int',
      borrowed: 'Boolean',
      dataVersion: 'String',
    });
    const order = schema.getType('SimilarToOrder');
    expect(order && 'getValues' in order ? order.getValues().map((v) => v.name) : []).toEqual(['NAME', 'RANK']);
    const filter = schema.getType('RoleFilter');
    if (!isInputObjectType(filter)) throw new Error('RoleFilter is missing');
    expect(Object.keys(filter.getFields())).toEqual(expect.arrayContaining(['similarTo', 'similarFrom']));
  });
});

describe('the derived flag', () => {
  it('when the types are split by the flag, then every type is either stated or derived, never both', () => {
    expect([...STATED_TYPES, ...DERIVED_TYPES].sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(STATED_TYPES.filter((t) => DERIVED_TYPES.includes(t))).toEqual([]);
    expect(RELATIONSHIP_TYPES.filter(isDerived)).toEqual(DERIVED_TYPES);
  });

  it('when a write of each type is asked about, then only the derived ones are refused, saying why', () => {
    const refusals = Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, writeRefusal(t)]));
    for (const type of STATED_TYPES) expect({ type, refusal: refusals[type] }).toEqual({ type, refusal: null });
    expect(refusals.SIMILAR_TO).toMatch(/^SIMILAR_TO is derived: .*requirements.*no source states it/);
  });

  it('when a data-file fact of a derived type is checked, then the loader rules refuse it at its type', () => {
    const result = relationshipSchema.safeParse({
      type: 'SIMILAR_TO',
      from: 'backend-engineer',
      to: 'frontend-engineer',
      properties: { score: 0.5, rank: 1 },
      sources: ['Somewhere'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      { path: ['type'], message: writeRefusal('SIMILAR_TO') },
    ]);
  });

  it('when the write inputs are built, then they take no property only a derived type has', () => {
    const properties = schema.getType('LinkProperties');
    if (!isInputObjectType(properties)) throw new Error('LinkProperties is missing');
    const derivedOnly = DERIVED_TYPES.flatMap((t) => Object.keys(specOf(t).properties)).filter(
      (name) => !STATED_TYPES.some((t) => name in specOf(t).properties),
    );
    expect(derivedOnly.length).toBeGreaterThan(0);
    expect(Object.keys(properties.getFields()).filter((name) => derivedOnly.includes(name))).toEqual([]);
  });
});

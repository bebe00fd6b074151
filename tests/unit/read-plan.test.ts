import { execute, graphql, parse, print, type DocumentNode, type GraphQLSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import { keyedReads, listNodes } from '../../src/graph/cypher/read.cypher';
import { joinShared, plannedItems, type NodePlan } from '../../src/graph/read-plan';
import { buildGraphQLSchema } from '../../src/schema';
import { rolesWithTools } from '../helpers/read-plans';

/*
 * The read plan: compiled from a query's selection at its root field, and turned into Cypher.
 * No database: the plans are captured from a context that answers nothing, and the Cypher is
 * checked as text.
 */

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

/** Runs `query` against a context that records the plans the root fields pass down. */
function plansOf(query: string): Promise<NodePlan[]> {
  return plansOfDocument(parse(query));
}

/** The same, for an already parsed document (as Apollo keeps one per query text) and variables. */
async function plansOfDocument(document: DocumentNode, variableValues?: Record<string, unknown>): Promise<NodePlan[]> {
  const plans: NodePlan[] = [];
  const contextValue = {
    loaders: {
      node: (plan: NodePlan) => (plans.push(plan), Promise.resolve(null)),
    },
    services: {
      catalog: {
        list: (plan: NodePlan) => (plans.push(plan), Promise.resolve({ nodes: [], hasNextPage: false, totalCount: 0 })),
      },
    },
  };
  const result = await execute({ schema, document, contextValue, variableValues });
  expect(result.errors).toBeUndefined();
  return plans;
}

describe('compiling a selection into a plan', () => {
  it('when a list asks for fields, relationships two levels deep, links, a count and an alias, then one plan holds them all', async () => {
    const [plan] = await plansOf(`{
      roles(first: 5) { edges { node {
        name salary { min }
        tools(first: 5) { name usedBy { id } }
        toolLinks(first: 5) { emphasis tool { description } }
        toolUsages(first: 5) { sources tool { aliases } }
        toolsCount
        ... on Node { updatedAt }
      } } }
    }`);
    expect(plan).toEqual({
      kind: 'ROLE',
      fields: ['name', 'salary.min', 'updatedAt'],
      relations: [
        {
          key: 'USES_TOOL:OUT:count',
          type: 'USES_TOOL',
          direction: 'OUT',
          read: 'count',
          first: 1,
          orderBy: null,
          node: null,
        },
        {
          key: 'USES_TOOL:OUT:links:5:name',
          type: 'USES_TOOL',
          direction: 'OUT',
          read: 'links',
          first: 5,
          orderBy: null,
          // The deprecated alias reads the same relationship: its selection is merged into the field's.
          // Only stored fields are asked of these tools: the read leaves out their id and __typename.
          node: { kind: 'TOOL', fields: ['aliases', 'description'], relations: [], storedOnly: true },
        },
        {
          key: 'USES_TOOL:OUT:nodes:5:name',
          type: 'USES_TOOL',
          direction: 'OUT',
          read: 'nodes',
          first: 5,
          orderBy: null,
          node: {
            kind: 'TOOL',
            fields: ['name'],
            relations: [
              {
                key: 'USES_TOOL:IN:nodes:100:name',
                type: 'USES_TOOL',
                direction: 'IN',
                read: 'nodes',
                first: 100,
                orderBy: null,
                node: { kind: 'ROLE', fields: [], relations: [] },
              },
            ],
          },
        },
      ],
    });
  });

  it('when a lookup by id asks an order and a page beyond the maximum, then the plan orders by the property and reads at most the maximum', async () => {
    const [plan] = await plansOf(
      '{ role(id: "a") { relatedRoleLinks(first: 5000, orderBy: RANK) { rank role { name } } } }',
    );
    expect(plan.relations).toEqual([
      expect.objectContaining({ key: 'RELATED_TO:OUT:links:1000:rank', first: 1000, orderBy: 'rank' }),
    ]);
  });

  it('when parts of a salary are selected in two fragments, then the plan names each part once and nothing else of it', async () => {
    const [plan] = await plansOf(`{
      roles(first: 5) { edges { node { salary { max min } ...pay } } }
    }
    fragment pay on Role { salary { __typename median amounts { min } min } }`);
    expect(plan.fields).toEqual(['name', 'salary.amounts', 'salary.max', 'salary.median', 'salary.min']);
  });

  it('when a salary is selected with no stored part (only its __typename), then the plan reads it whole', async () => {
    const [plan] = await plansOf('{ roles(first: 5) { edges { node { salary { __typename } } } } }');
    expect(plan.fields).toEqual(['name', 'salary']);
  });

  it('when search hits are selected through fragments, then each kind gets the plan of its own fragment', async () => {
    const plans: Record<string, NodePlan>[] = [];
    const contextValue = {
      services: { catalog: { search: (...args: unknown[]) => (plans.push(args[3] as never), Promise.resolve([])) } },
    };
    const result = await graphql({
      schema,
      source: '{ search(text: "x") { node { name ... on Role { level tools { id } } ... on Tool { usedByCount } } } }',
      contextValue,
    });
    expect(result.errors).toBeUndefined();
    expect(plans[0].ROLE.fields).toEqual(['level', 'name']);
    expect(plans[0].ROLE.relations.map((r) => r.key)).toEqual(['USES_TOOL:OUT:nodes:100:name']);
    expect(plans[0].TOOL.relations.map((r) => r.key)).toEqual(['USES_TOOL:IN:count']);
    expect(plans[0].SKILL).toEqual({ kind: 'SKILL', fields: ['name'], relations: [], storedOnly: true });
  });

  it('when only stored fields are asked of far nodes, then their plan says so, and not when their id, a computed field or a relationship is asked', async () => {
    const [plan] = await plansOf(`{ role(id: "a") {
      tools(first: 1) { name aliases }
      skills(first: 2) { id name }
      frameworks(first: 3) { __typename name }
      relatedRoles(first: 4) { name similarRoles(first: 1) { score } }
      equivalentRoles(first: 5) { name toolsCount }
      languages(first: 6) { ... on Skill { name } }
    } }`);
    const storedOnly = Object.fromEntries(plan.relations.map((r) => [r.key, r.node?.storedOnly ?? false]));
    expect(storedOnly).toEqual({
      'USES_TOOL:OUT:nodes:1:name': true,
      'REQUIRES_SKILL:OUT:nodes:2:name': false,
      // A list of one object type: GraphQL names its items' type itself, not from the record.
      'USES_FRAMEWORK:OUT:nodes:3:name': true,
      'RELATED_TO:OUT:nodes:4:name': false,
      'EQUIVALENT_TO:OUT:nodes:5:name': false,
      // A selection that applies to no field of these nodes is read with their identity, as before.
      'USES_LANGUAGE:OUT:nodes:6:name': false,
    });
  });

  it('when one field asks only stored fields and another the id of the same relationship, then the merged plan reads the id', async () => {
    const [plan] = await plansOf('{ role(id: "a") { a: tools(first: 3) { name } b: tools(first: 3) { id } } }');
    expect(plan.relations).toHaveLength(1);
    expect(plan.relations[0].node).toEqual({ kind: 'TOOL', fields: ['name'], relations: [] });
  });
});

describe('compiling once per document', () => {
  const ROLE_PAGE = parse(`query ($id: ID!, $n: Int! = 5, $links: Boolean! = false) {
    role(id: $id) { name tools(first: $n) { name } toolLinks(first: 5) @include(if: $links) { emphasis } }
  }`);

  it('when the same document is run for other ids, then every request gets the plan the first one compiled', async () => {
    const [first] = await plansOfDocument(ROLE_PAGE, { id: 'backend-engineer' });
    const [second] = await plansOfDocument(ROLE_PAGE, { id: 'architect' });
    expect(second).toBe(first);
    expect(first.relations.map((r) => r.key)).toEqual(['USES_TOOL:OUT:nodes:5:name']);
  });

  it('when a variable the selection reads changes, then the plan follows it, and comes back the same when it does', async () => {
    const [five] = await plansOfDocument(ROLE_PAGE, { id: 'backend-engineer', n: 5 });
    const [seven] = await plansOfDocument(ROLE_PAGE, { id: 'backend-engineer', n: 7 });
    const [withLinks] = await plansOfDocument(ROLE_PAGE, { id: 'backend-engineer', n: 5, links: true });
    expect(seven.relations.map((r) => r.first)).toEqual([7]);
    expect(withLinks.relations.map((r) => r.key).sort()).toEqual([
      'USES_TOOL:OUT:links:5:name',
      'USES_TOOL:OUT:nodes:5:name',
    ]);
    expect((await plansOfDocument(ROLE_PAGE, { id: 'architect', n: 7 }))[0]).toBe(seven);
    expect((await plansOfDocument(ROLE_PAGE, { id: 'architect', n: 5 }))[0]).toBe(five);
  });

  it('when a variable reaches the selection only through a fragment, then it still decides the plan', async () => {
    const document = parse(`query ($id: ID!, $n: Int!) { role(id: $id) { ...Page } }
      fragment Page on Role { skills(first: $n) { name } }`);
    const [two] = await plansOfDocument(document, { id: 'architect', n: 2 });
    const [three] = await plansOfDocument(document, { id: 'architect', n: 3 });
    expect([two, three].map((plan) => plan.relations[0].first)).toEqual([2, 3]);
  });

  it('when another document asks the same selection, then its plan is equal, compiled for that document', async () => {
    const [a] = await plansOfDocument(ROLE_PAGE, { id: 'architect' });
    const [b] = await plansOfDocument(parse(print(ROLE_PAGE)), { id: 'architect' });
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
  });
});

describe('a relationship read’s answer as the record holds it', () => {
  it('when it is a column of one field’s values, then each value becomes an item with that field; lists and counts are returned as they are', () => {
    expect(plannedItems({ name: ['Git', 'Go'] })).toEqual([{ name: 'Git' }, { name: 'Go' }]);
    expect(plannedItems({ salary: [{ min: 1 }, null] })).toEqual([{ salary: { min: 1 } }, { salary: null }]);
    expect(plannedItems({ name: [] })).toEqual([]);
    const items = [{ name: 'Git' }];
    expect(plannedItems(items)).toBe(items);
    expect(plannedItems(3)).toBe(3);
    expect(plannedItems(null)).toBeNull();
  });
});

describe('the Cypher a plan produces', () => {
  const toolsWithUsers = rolesWithTools([
    {
      key: 'USES_TOOL:IN:count',
      type: 'USES_TOOL',
      direction: 'IN',
      read: 'count',
      first: 1,
      orderBy: null,
      node: null,
    },
  ]);

  it('when nodes are read by id with a relationship and a count below it, then one statement reads them with nested subqueries', () => {
    const { text, params } = keyedReads([toolsWithUsers]);
    expect(text.trim()).toBe(
      [
        'UNWIND $ids0 AS id',
        'MATCH (n:Role {id: id})',
        "RETURN 0 AS g, id, { __typename: 'Role', id: n.id, name: n.name, _planned: { `USES_TOOL:OUT:nodes:5:name`: " +
          'COLLECT { MATCH (n)-[:USES_TOOL]->(n1:Tool) WITH n1 ORDER BY n1.name, n1.id LIMIT $p0 ' +
          "RETURN { __typename: 'Tool', id: n1.id, name: n1.name, _planned: { `USES_TOOL:IN:count`: COUNT { (n1)<-[:USES_TOOL]-(:Role) } } } } } } AS value",
      ].join('\n'),
    );
    expect(params).toEqual({ p0: neo4j.int(5) });
  });

  it('when a plan reads parts of a salary, then the statement projects only those, and the whole salary when it is also read whole', () => {
    const parts: NodePlan = { kind: 'ROLE', fields: ['name', 'salary.max', 'salary.min'], relations: [] };
    expect(keyedReads([parts]).text).toContain(
      "{ __typename: 'Role', id: n.id, name: n.name, salary: CASE WHEN n.salaryMin IS NULL THEN null ELSE " +
        '{ min: toInteger(round(n.salaryMin)), max: toInteger(round(n.salaryMax)) } END }',
    );
    const amounts = keyedReads([{ kind: 'ROLE', fields: ['salary.amounts'], relations: [] }]).text;
    expect(amounts).toContain(
      'ELSE { amounts: { min: n.salaryMin, max: n.salaryMax, p10: n.salaryP10, p25: n.salaryP25, median: n.salaryMedian, p75: n.salaryP75, p90: n.salaryP90 } } END',
    );
    const whole = keyedReads([{ kind: 'ROLE', fields: ['salary', 'salary.min'], relations: [] }]).text;
    const full = keyedReads([{ kind: 'ROLE', fields: ['salary'], relations: [] }]).text;
    expect(whole).toBe(full);
    expect(full).toContain('currency: n.salaryCurrency');
    expect(full).toContain('borrowedFrom: n.salaryBorrowedFrom, amounts: {');
  });

  it('when links are read in the order of a property, then they carry the properties of their type and are ordered by it first', () => {
    const { text } = keyedReads([
      {
        kind: 'ROLE',
        fields: [],
        relations: [
          {
            key: 'RELATED_TO:IN:links:10:rank',
            type: 'RELATED_TO',
            direction: 'IN',
            read: 'links',
            first: 10,
            orderBy: 'rank',
            node: { kind: 'ROLE', fields: [], relations: [] },
          },
        ],
      },
    ]);
    expect(text).toContain(
      'MATCH (n)<-[r1:RELATED_TO]-(n1:Role) WITH r1, n1 ORDER BY r1.rank, n1.name, n1.id LIMIT $p0',
    );
    expect(text).toContain(
      "RETURN { note: r1.note, sources: coalesce(r1.sources, []), tier: r1.tier, rank: r1.rank, provenance: coalesce(r1.provenance, []), node: { __typename: 'Role', id: n1.id } }",
    );
  });

  it('when only stored fields are asked of the far nodes of a relationship, then they are projected without id and __typename, and the node read by id keeps both', () => {
    const plan = rolesWithTools();
    const lean: NodePlan = {
      ...plan,
      relations: [{ ...plan.relations[0], node: { ...plan.relations[0].node!, storedOnly: true } }],
    };
    const twoFields: NodePlan = {
      ...plan,
      relations: [
        { ...plan.relations[0], node: { ...plan.relations[0].node!, fields: ['escoUri', 'name'], storedOnly: true } },
      ],
    };
    const { text } = keyedReads([twoFields]);
    expect(text).toContain("RETURN 0 AS g, id, { __typename: 'Role', id: n.id, name: n.name, _planned: {");
    expect(text).toContain('WITH n1 ORDER BY n1.name, n1.id LIMIT $p0 RETURN { escoUri: n1.escoUri, name: n1.name } }');
    // One field alone comes back as a column of its values.
    expect(keyedReads([lean]).text).toContain(
      '`USES_TOOL:OUT:nodes:5:name`: { name: COLLECT { MATCH (n)-[:USES_TOOL]->(n1:Tool) WITH n1 ORDER BY n1.name, n1.id LIMIT $p0 RETURN n1.name } }',
    );
    // Nodes read at the root, by id or as a page, keep their identity whatever their plan says.
    expect(keyedReads([{ kind: 'TOOL', fields: ['name'], relations: [], storedOnly: true }]).text).toContain(
      "RETURN 0 AS g, id, { __typename: 'Tool', id: n.id, name: n.name } AS value",
    );
    expect(listNodes({ kind: 'TOOL', fields: ['name'], relations: [], storedOnly: true }, []).text).toContain(
      "{ __typename: 'Tool', id: n.id, name: n.name }",
    );
  });

  it('when two plans are read in one statement, then their parts are joined and their parameters kept apart', () => {
    const { text, params } = keyedReads([toolsWithUsers, toolsWithUsers]);
    expect(text.split('UNION ALL')).toHaveLength(2);
    expect(text).toContain('LIMIT $p0');
    expect(text).toContain('LIMIT $p1');
    expect(Object.keys(params)).toEqual(['p0', 'p1']);
  });

  it('when the same plans are read again, then the statement built the first time is reused, and other plans or filters get their own', () => {
    const first = keyedReads([toolsWithUsers]);
    expect(keyedReads([toolsWithUsers])).toBe(first);
    expect(Object.isFrozen(first.params)).toBe(true);
    expect(keyedReads([toolsWithUsers, toolsWithUsers])).not.toBe(first);
    const copy: NodePlan = { ...toolsWithUsers };
    const again = keyedReads([copy]);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(listNodes(toolsWithUsers, ['tools'])).toBe(listNodes(toolsWithUsers, ['tools']));
    expect(listNodes(toolsWithUsers, ['tools']).text).not.toBe(listNodes(toolsWithUsers, ['usesTool']).text);
  });

  it('when a filtered page is read, then the filters come from the table and the page projects the plan', () => {
    const { text } = listNodes(toolsWithUsers, ['nameContains', 'tools', 'usesTool']);
    expect(text).toContain('EXISTS { (n)-[:USES_TOOL]->(:Tool {id: $filter.tools}) }');
    expect(text).toContain('EXISTS { (n)-[:USES_TOOL]->(:Tool {id: $filter.usesTool}) }');
    expect(text).toContain("collect({ __typename: 'Role', id: n.id, name: n.name, _planned: {");
  });

  it("when a page's far nodes read relationships of their own, then the page names them by id and reads each of them once", () => {
    const { text } = listNodes(toolsWithUsers, []);
    // Per role: its page of tools, as the tool node and what stands in its place (its id).
    expect(text).toContain(
      'COLLECT { MATCH (n)-[:USES_TOOL]->(n1:Tool) WITH n1 ORDER BY n1.name, n1.id LIMIT $p0 RETURN { n: n1, v: n1.id } } AS s0',
    );
    expect(text).toContain('_planned: { `USES_TOOL:OUT:nodes:5:name`: [x IN s0 | x.v] }');
    // The tools once each, with what they read below them.
    expect(text).toContain('WITH DISTINCT x.n AS n1');
    expect(text).toContain(
      "RETURN collect({ __typename: 'Tool', id: n1.id, name: n1.name, _planned: { `USES_TOOL:IN:count`: COUNT { (n1)<-[:USES_TOOL]-(:Role) } } }) AS shared0",
    );
    expect(text).toContain('RETURN page, [shared0] AS shared');
  });

  it('when far nodes read nothing below them, then the page reads them in place and shares nothing', () => {
    const { text } = listNodes(rolesWithTools(), []);
    expect(text).not.toContain('DISTINCT');
    expect(text).toContain('[] AS shared');
  });

  it('when shared far nodes are joined back, then every place gets its node, links keep their own properties, and a missing node is an error', () => {
    const links = rolesWithTools([toolsWithUsers.relations[0].node!.relations[0]]);
    const linkRead = { ...links.relations[0], key: 'USES_TOOL:OUT:links:5:name', read: 'links' as const };
    const plan: NodePlan = { ...links, relations: [links.relations[0], linkRead] };
    const tool = (id: string) => ({
      __typename: 'Tool',
      id,
      name: id.toUpperCase(),
      _planned: { 'USES_TOOL:IN:count': 3 },
    });
    const role = (id: string, tools: string[]) => ({
      __typename: 'Role',
      id,
      _planned: {
        'USES_TOOL:OUT:nodes:5:name': tools,
        'USES_TOOL:OUT:links:5:name': tools.map((t) => ({ emphasis: `${id}-${t}`, node: t })),
      },
    });
    const records = [role('a', ['git', 'jira']), role('b', ['git'])];
    joinShared(records, plan, [
      [tool('git'), tool('jira')],
      [tool('git'), tool('jira')],
    ]);
    expect(records[0]._planned['USES_TOOL:OUT:nodes:5:name']).toEqual([tool('git'), tool('jira')]);
    expect(records[1]._planned['USES_TOOL:OUT:nodes:5:name']).toEqual([tool('git')]);
    expect(records[1]._planned['USES_TOOL:OUT:links:5:name']).toEqual([{ emphasis: 'b-git', node: tool('git') }]);
    expect(() => joinShared([role('c', ['vim'])], plan, [[tool('git')], [tool('git')]])).toThrow(/names vim/);
  });
});

import type { NodePlan, RelationPlan } from '../../src/graph/read-plan';

/** A plan of roles with their names and first five tools by name, the tools read with `toolRelations`. */
export const rolesWithTools = (toolRelations: readonly RelationPlan[] = []): NodePlan => ({
  kind: 'ROLE',
  fields: ['name'],
  relations: [
    {
      key: 'USES_TOOL:OUT:nodes:5:name',
      type: 'USES_TOOL',
      direction: 'OUT',
      read: 'nodes',
      first: 5,
      orderBy: null,
      node: { kind: 'TOOL', fields: ['name'], relations: toolRelations },
    },
  ],
});

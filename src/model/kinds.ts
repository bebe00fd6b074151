/**
 * The kinds of node in the graph. Each kind has one Neo4j label and one key in data files;
 * labels are only ever taken from this table, never from user text.
 */
export const NODE_KINDS = {
  ROLE: { label: 'Role', fileKey: 'roles' },
  TOOL: { label: 'Tool', fileKey: 'tools' },
  SKILL: { label: 'Skill', fileKey: 'skills' },
  FRAMEWORK: { label: 'Framework', fileKey: 'frameworks' },
  EMPLOYER: { label: 'Employer', fileKey: 'employers' },
  WORKFLOW: { label: 'Workflow', fileKey: 'workflows' },
  LANGUAGE: { label: 'Language', fileKey: 'languages' },
  CATEGORY: { label: 'Category', fileKey: 'categories' },
} as const;

export type NodeKind = keyof typeof NODE_KINDS;
export type NodeLabel = (typeof NODE_KINDS)[NodeKind]['label'];
export type FileKey = (typeof NODE_KINDS)[NodeKind]['fileKey'];

export const NODE_KIND_NAMES = Object.keys(NODE_KINDS) as NodeKind[];

/** The kinds of item a role uses or requires: what a profile lists, what fit and rankings weigh and count. */
export const REQUIREMENT_KINDS = ['SKILL', 'TOOL', 'FRAMEWORK', 'LANGUAGE'] as const satisfies readonly NodeKind[];
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

export function labelOf(kind: NodeKind): NodeLabel {
  return NODE_KINDS[kind].label;
}

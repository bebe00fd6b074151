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

export function labelOf(kind: NodeKind): NodeLabel {
  return NODE_KINDS[kind].label;
}

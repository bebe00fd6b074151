// Drawing with Cytoscape.js: a node's neighbourhood, and the routes between two roles.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { AnyNeighbourhood, CareerPath, NodeKind, NodeRef, RelationField, Stated } from './operations';

/** Colour and shape per kind of node: the legend in index.html uses the same values. */
export const KIND_STYLE: Record<NodeKind, { color: string; shape: cytoscape.Css.NodeShape }> = {
  Role: { color: '#1d4ed8', shape: 'ellipse' },
  Tool: { color: '#15803d', shape: 'round-rectangle' },
  Skill: { color: '#b45309', shape: 'diamond' },
  Framework: { color: '#7e22ce', shape: 'hexagon' },
  Employer: { color: '#0e7490', shape: 'rectangle' },
  Workflow: { color: '#be185d', shape: 'triangle' },
  Language: { color: '#4d7c0f', shape: 'pentagon' },
  Category: { color: '#4b5563', shape: 'barrel' },
};

/** One link of a neighbourhood: the node at the other end, the sources that state it, and its properties. */
export interface Link {
  node: NodeRef;
  sources: string[];
  provenance: Stated[];
  /** Computed by the API (a stored transition), not stated by a source: it has no sources. */
  computed: boolean;
  /** 0 to 1, where the relationship type has a weight (lists of such types come heaviest first). */
  weight?: number;
  /** The link's stated properties, in words ("hot", "importance 4.1", "rank 3"). */
  facts: string[];
}

/** One relationship of a neighbourhood, in the direction the graph stores it: a page of its links and how many there are. */
export interface Relation {
  field: RelationField;
  type: string;
  kind: NodeKind;
  direction: 'out' | 'in';
  links: Link[];
  count: number;
  /** How the page was chosen: the strongest by weight, the first by the source's rank, the most similar, or by name. */
  order: 'weight' | 'rank' | 'similarity' | 'name';
}

/**
 * A link as the API answers it: the far node under its kind's name; every property optional,
 * since each type has its own (a computed link has no sources).
 */
type LinkRecord = Partial<Record<Lowercase<NodeKind>, NodeRef>> & {
  sources?: string[];
  provenance?: Stated[];
  score?: number | null;
  weight?: number;
  emphasis?: string | null;
  hot?: boolean | null;
  inDemand?: boolean | null;
  escoRelation?: string | null;
  importance?: number | null;
  level?: number | null;
  tier?: string | null;
  rank?: number | null;
  confidence?: number | null;
  reason?: string | null;
};

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toString();

function factsOf(l: LinkRecord): string[] {
  const facts: (string | false | null | undefined)[] = [
    l.emphasis?.toLowerCase(),
    l.hot && 'hot technology',
    l.inDemand && 'in demand',
    l.escoRelation,
    l.importance != null && `importance ${oneDecimal(l.importance)}/5`,
    l.level != null && `level ${oneDecimal(l.level)}/7`,
    l.tier && `${l.tier.toLowerCase().replace('_', '-')}`,
    l.score != null && `similarity ${l.score.toFixed(2)}`,
    l.rank != null && `rank ${l.rank}`,
    l.confidence != null && `confidence ${l.confidence}`,
    l.reason,
  ];
  return facts.filter((f): f is string => Boolean(f));
}

function farNode(link: LinkRecord, kind: NodeKind): NodeRef {
  const node = link[kind.toLowerCase() as Lowercase<NodeKind>];
  if (!node) throw new Error(`A ${kind} link without its ${kind.toLowerCase()}`);
  return node;
}

/** The relationship fields of a node, as typed edges to typed neighbours. */
export function relationsOf(n: AnyNeighbourhood): Relation[] {
  const rel =
    (direction: 'out' | 'in') =>
    (
      field: RelationField,
      type: string,
      kind: NodeKind,
      links: LinkRecord[],
      count: number,
      order: Relation['order'] = 'name',
    ): Relation => ({
      field,
      type,
      kind,
      direction,
      count,
      order,
      links: links.map((l) => ({
        node: farNode(l, kind),
        sources: l.sources ?? [],
        provenance: l.provenance ?? [],
        computed: l.sources === undefined,
        weight: l.weight,
        facts: factsOf(l),
      })),
    });
  const [out, inc] = [rel('out'), rel('in')];
  switch (n.__typename) {
    case 'Role':
      return [
        out('tools', 'USES_TOOL', 'Tool', n.toolLinks, n.toolsCount, 'weight'),
        out('skills', 'REQUIRES_SKILL', 'Skill', n.skillLinks, n.skillsCount, 'weight'),
        out('frameworks', 'USES_FRAMEWORK', 'Framework', n.frameworkLinks, n.frameworksCount, 'weight'),
        out('languages', 'USES_LANGUAGE', 'Language', n.languageLinks, n.languagesCount, 'weight'),
        out('workflows', 'PRACTICES', 'Workflow', n.workflowLinks, n.workflowsCount),
        inc('employers', 'HIRES', 'Employer', n.employerLinks, n.employersCount),
        out('nextRoles', 'PROGRESSES_TO', 'Role', n.nextRoleLinks, n.nextRolesCount),
        inc('previousRoles', 'PROGRESSES_TO', 'Role', n.previousRoleLinks, n.previousRolesCount),
        out('adjacentRoles', 'PIVOTS_TO', 'Role', n.adjacentRoleLinks, n.adjacentRolesCount),
        inc('pivotsFrom', 'PIVOTS_TO', 'Role', n.pivotsFromLinks, n.pivotsFromCount),
        out('relatedRoles', 'RELATED_TO', 'Role', n.relatedRoleLinks, n.relatedRolesCount, 'rank'),
        inc('relatedFrom', 'RELATED_TO', 'Role', n.relatedFromLinks, n.relatedFromCount, 'rank'),
        out('equivalentRoles', 'EQUIVALENT_TO', 'Role', n.equivalentRoleLinks, n.equivalentRolesCount),
        inc('equivalentFrom', 'EQUIVALENT_TO', 'Role', n.equivalentFromLinks, n.equivalentFromCount),
        out('broaderRoles', 'BROADER_ROLE', 'Role', n.broaderRoleLinks, n.broaderRolesCount),
        inc('narrowerRoles', 'BROADER_ROLE', 'Role', n.narrowerRoleLinks, n.narrowerRolesCount),
        out('similarTo', 'SIMILAR_TO', 'Role', n.similarToLinks, n.similarToCount, 'similarity'),
        inc('similarFrom', 'SIMILAR_TO', 'Role', n.similarFromLinks, n.similarFromCount, 'similarity'),
      ];
    case 'Tool':
      return [
        inc('usedBy', 'USES_TOOL', 'Role', n.usedByLinks, n.usedByCount, 'weight'),
        out('categories', 'IN_CATEGORY', 'Category', n.categoryLinks, n.categoriesCount),
        inc('frameworks', 'RUNS_ON', 'Framework', n.frameworkLinks, n.frameworksCount),
      ];
    case 'Skill':
      return [
        inc('requiredBy', 'REQUIRES_SKILL', 'Role', n.requiredByLinks, n.requiredByCount, 'weight'),
        out('broaderSkills', 'BROADER_SKILL', 'Skill', n.broaderSkillLinks, n.broaderSkillsCount),
        inc('narrowerSkills', 'BROADER_SKILL', 'Skill', n.narrowerSkillLinks, n.narrowerSkillsCount),
      ];
    case 'Framework':
      return [
        inc('usedBy', 'USES_FRAMEWORK', 'Role', n.usedByLinks, n.usedByCount, 'weight'),
        out('runsOn', 'RUNS_ON', 'Tool', n.runsOnLinks, n.runsOnCount),
        out('writtenIn', 'WRITTEN_IN', 'Language', n.writtenInLinks, n.writtenInCount),
      ];
    case 'Employer':
      return [out('roles', 'HIRES', 'Role', n.roleLinks, n.rolesCount)];
    case 'Workflow':
      return [inc('practicedBy', 'PRACTICES', 'Role', n.practicedByLinks, n.practicedByCount)];
    case 'Language':
      return [
        inc('usedBy', 'USES_LANGUAGE', 'Role', n.usedByLinks, n.usedByCount, 'weight'),
        inc('frameworks', 'WRITTEN_IN', 'Framework', n.frameworkLinks, n.frameworksCount),
      ];
    case 'Category':
      return [inc('tools', 'IN_CATEGORY', 'Tool', n.toolLinks, n.toolsCount)];
  }
}

/** A source as people read it: "O*NET 29.3", or an article section. */
export function sourcesText(link: Pick<Link, 'sources' | 'provenance'>): string {
  if (link.sources.length > 0) return link.sources.join('; ');
  return link.provenance.map((p) => `${p.source} ${p.version}`).join('; ') || 'no source recorded';
}

/** Where a link comes from, as people read it: the sources that state it, or that it is computed. */
export function originText(link: Pick<Link, 'sources' | 'provenance' | 'computed'>): string {
  return link.computed ? 'computed from what the two roles require' : `stated by ${sourcesText(link)}`;
}

const baseStyle: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'background-color': 'data(color)',
      shape: 'data(shape)' as unknown as cytoscape.Css.NodeShape,
      color: '#111827',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '110px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      width: 26,
      height: 26,
    },
  },
  {
    selector: 'node.centre',
    style: { width: 44, height: 44, 'font-size': 14, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#111' },
  },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      'font-size': 8,
      color: '#374151',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      width: 1.5,
      'line-color': '#9ca3af',
      'target-arrow-color': '#9ca3af',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
    },
  },
  {
    selector: 'edge.pivot',
    style: { 'line-style': 'dashed', 'line-color': '#d97706', 'target-arrow-color': '#d97706' },
  },
];

function nodeData(id: string, name: string, kind: NodeKind) {
  return { id, label: name, kind, color: KIND_STYLE[kind].color, shape: KIND_STYLE[kind].shape };
}

/** Draws the neighbourhood of one node; clicking (or tapping) a neighbour calls onSelect with its id. */
export function drawNeighbourhood(
  container: HTMLElement,
  centre: AnyNeighbourhood,
  onSelect: (id: string) => void,
  previous?: Core,
  onEdge?: (description: string) => void,
): Core {
  previous?.destroy();
  const elements: ElementDefinition[] = [
    { data: { ...nodeData(centre.id, centre.name, centre.__typename), ring: 3 }, classes: 'centre' },
  ];
  const relations = relationsOf(centre);
  const crowded = new Set(relations.flatMap((r) => r.links.map((l) => l.node.id))).size > 12;
  const seen = new Set([centre.id]);
  for (const rel of relations) {
    for (const { node: other, ...link } of rel.links) {
      if (!seen.has(other.id)) {
        seen.add(other.id);
        // Many neighbours: alternate them over two rings so that their labels have room.
        const ring = crowded && seen.size % 2 === 0 ? 2 : 1;
        elements.push({ data: { ...nodeData(other.id, other.name, rel.kind), ring } });
      }
      const [source, target] = rel.direction === 'out' ? [centre.id, other.id] : [other.id, centre.id];
      elements.push({
        data: { id: `${source}-${rel.type}-${target}`, source, target, label: rel.type, origin: originText(link) },
        classes: rel.type === 'PIVOTS_TO' ? 'pivot' : '',
      });
    }
  }
  const cy = cytoscape({
    container,
    elements,
    style: baseStyle,
    layout: {
      name: 'concentric',
      concentric: (node) => node.data('ring') as number,
      levelWidth: () => 1,
      minNodeSpacing: 18,
      animate: false,
    },
    // Fitting a small neighbourhood would blow it up; cap the zoom instead.
    maxZoom: 1.5,
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (evt) => {
    const id = evt.target.id() as string;
    if (id !== centre.id) onSelect(id);
  });
  // An edge says which sources state it (or that it is computed).
  cy.on('tap', 'edge', (evt) => {
    const e = evt.target as cytoscape.EdgeSingular;
    onEdge?.(`${e.source().data('label')} ${e.data('label')} ${e.target().data('label')}: ${e.data('origin')}.`);
  });
  container.dataset.nodeCount = String(cy.nodes().length);
  container.dataset.edgeCount = String(cy.edges().length);
  container.dataset.centre = centre.id;
  // Where each node is drawn, for the end-to-end tests that click on the canvas.
  (container as HTMLElement & { cy?: Core }).cy = cy;
  return cy;
}

/** Draws each route as a row of roles, left to right, with its steps as labelled edges. */
export function drawRoutes(container: HTMLElement, paths: CareerPath[], previous?: Core): Core {
  previous?.destroy();
  const elements: ElementDefinition[] = [];
  paths.forEach((path, row) => {
    path.roles.forEach((role, col) => {
      elements.push({
        data: { ...nodeData(`r${row}-${col}`, role.name, 'Role') },
        position: { x: col * 190, y: row * 90 },
        classes: col === 0 || col === path.roles.length - 1 ? 'centre' : '',
      });
    });
    path.steps.forEach((step, i) => {
      elements.push({
        data: { id: `r${row}-e${i}`, source: `r${row}-${i}`, target: `r${row}-${i + 1}`, label: step.kind },
        classes: step.kind === 'PIVOT' ? 'pivot' : '',
      });
    });
  });
  const cy = cytoscape({
    container,
    elements,
    style: baseStyle,
    layout: { name: 'preset', padding: 30 },
    maxZoom: 1.5,
  });
  container.dataset.nodeCount = String(cy.nodes().length);
  container.dataset.routeCount = String(paths.length);
  return cy;
}

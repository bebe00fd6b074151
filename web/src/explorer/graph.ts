// Drawing with Cytoscape.js: a node's neighbourhood, and the routes between two roles.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { AnyNeighbourhood, CareerPath, NodeKind, NodeRef } from './operations';

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

/** One relationship of a neighbourhood, in the direction the graph stores it. */
export interface Relation {
  type: string;
  kind: NodeKind;
  direction: 'out' | 'in';
  nodes: NodeRef[];
}

/** The relationship fields of a node, as typed edges to typed neighbours. */
export function relationsOf(n: AnyNeighbourhood): Relation[] {
  const out = (type: string, kind: NodeKind, nodes: NodeRef[]): Relation => ({ type, kind, direction: 'out', nodes });
  const inc = (type: string, kind: NodeKind, nodes: NodeRef[]): Relation => ({ type, kind, direction: 'in', nodes });
  switch (n.__typename) {
    case 'Role':
      return [
        out('USES_TOOL', 'Tool', n.tools),
        out('REQUIRES_SKILL', 'Skill', n.skills),
        out('USES_FRAMEWORK', 'Framework', n.frameworks),
        out('USES_LANGUAGE', 'Language', n.languages),
        out('PRACTICES', 'Workflow', n.workflows),
        inc('HIRES', 'Employer', n.employers),
        out('PROGRESSES_TO', 'Role', n.nextRoles),
        inc('PROGRESSES_TO', 'Role', n.previousRoles),
        out('PIVOTS_TO', 'Role', n.adjacentRoles),
      ];
    case 'Tool':
      return [
        inc('USES_TOOL', 'Role', n.usedBy),
        out('IN_CATEGORY', 'Category', n.categories),
        inc('RUNS_ON', 'Framework', n.frameworks),
      ];
    case 'Skill':
      return [inc('REQUIRES_SKILL', 'Role', n.requiredBy)];
    case 'Framework':
      return [
        inc('USES_FRAMEWORK', 'Role', n.usedBy),
        out('RUNS_ON', 'Tool', n.runsOn),
        out('WRITTEN_IN', 'Language', n.writtenIn),
      ];
    case 'Employer':
      return [out('HIRES', 'Role', n.roles)];
    case 'Workflow':
      return [inc('PRACTICES', 'Role', n.practicedBy)];
    case 'Language':
      return [inc('USES_LANGUAGE', 'Role', n.usedBy), inc('WRITTEN_IN', 'Framework', n.frameworks)];
    case 'Category':
      return [inc('IN_CATEGORY', 'Tool', n.tools)];
  }
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
): Core {
  previous?.destroy();
  const elements: ElementDefinition[] = [
    { data: { ...nodeData(centre.id, centre.name, centre.__typename), ring: 3 }, classes: 'centre' },
  ];
  const relations = relationsOf(centre);
  const crowded = new Set(relations.flatMap((r) => r.nodes.map((n) => n.id))).size > 12;
  const seen = new Set([centre.id]);
  for (const rel of relations) {
    for (const other of rel.nodes) {
      if (!seen.has(other.id)) {
        seen.add(other.id);
        // Many neighbours: alternate them over two rings so that their labels have room.
        const ring = crowded && seen.size % 2 === 0 ? 2 : 1;
        elements.push({ data: { ...nodeData(other.id, other.name, rel.kind), ring } });
      }
      const [source, target] = rel.direction === 'out' ? [centre.id, other.id] : [other.id, centre.id];
      elements.push({
        data: { id: `${source}-${rel.type}-${target}`, source, target, label: rel.type },
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

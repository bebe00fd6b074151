// The Career Graph explorer: search, a node's neighbourhood, routes between roles and a
// comparison of two roles, all through typed GraphQL operations (./operations.ts).
import type { Core } from 'cytoscape';
import { ApiError, request } from './api';
import { drawNeighbourhood, drawRoutes, relationsOf } from './graph';
import {
  Compare,
  Neighbourhood,
  RoleList,
  Routes,
  SearchNodes,
  type AnyNeighbourhood,
  type CareerPath,
  type CompareResult,
  type Money,
  type NodeRef,
  type Overlap,
  type RoleListResult,
} from './operations';

// ---------------------------------------------------------------------------------------------
// Small DOM helpers (text only: nothing from the API is ever parsed as HTML)

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

type StatusKind = 'info' | 'error' | 'empty';

function setStatus(target: HTMLElement, message: string, kind: StatusKind = 'info'): void {
  target.textContent = message;
  target.className = `status ${kind === 'info' ? '' : kind}`.trim();
  target.dataset.state = message ? kind : '';
}

function describeError(err: unknown): { message: string; kind: StatusKind } {
  if (err instanceof ApiError) {
    if (err.kind === 'unavailable') return { message: err.message, kind: 'error' };
    if (err.kind === 'not-found') return { message: err.message, kind: 'empty' };
    return { message: err.message, kind: 'error' };
  }
  return { message: `Something went wrong: ${String(err)}`, kind: 'error' };
}

const money = (n: number, currency: string): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);

function signed(n: number, currency: string): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${money(Math.abs(n), currency)}`;
}

function salaryChangeText(change: Money | null): string {
  if (!change) return 'Salary change: unknown (a role on the route has no published figure)';
  return `Salary change: ${signed(change.min, change.currency)} to ${signed(change.max, change.currency)}`;
}

function names(list: NodeRef[]): string {
  return list.length ? list.map((n) => n.name).join(', ') : 'none';
}

// ---------------------------------------------------------------------------------------------
// Roles: names typed in the pickers resolve to ids

let roles: (NodeRef & { level: number | null })[] = [];
let rolesLoaded: Promise<void> | undefined;

async function loadRoles(): Promise<void> {
  const all: typeof roles = [];
  let after: string | null = null;
  for (;;) {
    const page: RoleListResult = await request(RoleList, { after });
    all.push(...page.roles.edges.map((e) => e.node));
    if (!page.roles.pageInfo.hasNextPage) break;
    after = page.roles.pageInfo.endCursor;
  }
  roles = all;
  const options = byId<HTMLDataListElement>('role-options');
  options.replaceChildren(...roles.map((r) => el('option', { value: r.name })));
}

function ensureRoles(): Promise<void> {
  rolesLoaded ??= loadRoles().catch((err: unknown) => {
    rolesLoaded = undefined;
    throw err;
  });
  return rolesLoaded;
}

/** The role a user typed, by name (any case) or id; undefined when there is none. */
function resolveRole(text: string): NodeRef | undefined {
  const t = text.trim().toLowerCase();
  return roles.find((r) => r.name.toLowerCase() === t || r.id === t);
}

class UnknownRole extends Error {}

async function roleIds(...texts: string[]): Promise<string[]> {
  await ensureRoles();
  return texts.map((text) => {
    const role = resolveRole(text);
    if (!role) throw new UnknownRole(`Unknown role: "${text.trim()}". Pick one of the suggested roles.`);
    return role.id;
  });
}

// ---------------------------------------------------------------------------------------------
// Search and neighbourhood

let nodeCy: Core | undefined;
let routesCy: Core | undefined;

async function runSearch(text: string): Promise<void> {
  const status = byId('search-status');
  const list = byId('search-results');
  list.replaceChildren();
  if (!text.trim()) {
    setStatus(status, 'Type something to search for.', 'empty');
    return;
  }
  setStatus(status, 'Searching…');
  try {
    const { search } = await request(SearchNodes, { text, first: 12 });
    if (search.length === 0) {
      setStatus(status, `No matches for "${text}".`, 'empty');
      return;
    }
    setStatus(status, `${search.length} match${search.length === 1 ? '' : 'es'}: pick one to explore it.`);
    list.replaceChildren(
      ...search.map(({ node }) =>
        el(
          'li',
          {},
          el(
            'button',
            { type: 'button', class: 'link', 'data-id': node.id },
            node.name,
            el('span', { class: `kind ${node.__typename.toLowerCase()}` }, node.__typename),
          ),
        ),
      ),
    );
  } catch (err) {
    const { message, kind } = describeError(err);
    setStatus(status, message, kind);
  }
}

function pickNeighbourhood(data: Record<string, AnyNeighbourhood | null>): AnyNeighbourhood | undefined {
  return Object.values(data).find((n): n is AnyNeighbourhood => n !== null);
}

async function showNode(id: string, pushHistory = true): Promise<void> {
  const status = byId('node-status');
  const details = byId('node-details');
  const graph = byId('node-graph');
  setStatus(status, 'Loading…');
  try {
    const centre = pickNeighbourhood({ ...(await request(Neighbourhood, { id })) });
    if (!centre) {
      nodeCy?.destroy();
      nodeCy = undefined;
      details.replaceChildren();
      graph.dataset.nodeCount = '0';
      setStatus(status, `Unknown node: nothing in the graph has the id "${id}".`, 'empty');
      return;
    }
    if (pushHistory) history.replaceState(null, '', `#node=${encodeURIComponent(centre.id)}`);
    setStatus(
      status,
      `${centre.name} (${centre.__typename}) and its neighbours. Select a neighbour, in the graph or the list, to re-centre.`,
    );
    nodeCy = drawNeighbourhood(graph, centre, (next) => void showNode(next), nodeCy);
    renderDetails(details, centre);
  } catch (err) {
    const { message, kind } = describeError(err);
    setStatus(status, message, kind);
  }
}

function renderDetails(target: HTMLElement, n: AnyNeighbourhood): void {
  const parts: Child[] = [
    el('h3', {}, n.name, el('span', { class: `kind ${n.__typename.toLowerCase()}` }, n.__typename)),
  ];
  if (n.__typename === 'Role') {
    const facts = [n.seniority, n.level !== null ? `level ${n.level}` : null, n.track].filter(Boolean).join(' · ');
    if (facts) parts.push(el('p', {}, facts));
    if (n.salary) {
      parts.push(
        el(
          'p',
          {},
          `Salary: ${money(n.salary.min, n.salary.currency)}–${money(n.salary.max, n.salary.currency)} per ${n.salary.period.toLowerCase()}`,
        ),
      );
    }
    if (n.summary) parts.push(el('p', {}, n.summary));
  } else if (n.description) {
    parts.push(el('p', {}, n.description));
  }
  for (const rel of relationsOf(n)) {
    if (rel.nodes.length === 0) continue;
    const heading = `${rel.direction === 'out' ? '→' : '←'} ${rel.type} (${rel.kind})`;
    parts.push(
      el('h4', {}, heading),
      el(
        'ul',
        { 'data-relation': `${rel.direction}:${rel.type}` },
        ...rel.nodes.map((o) => el('li', {}, el('button', { type: 'button', class: 'link', 'data-id': o.id }, o.name))),
      ),
    );
  }
  target.replaceChildren(...parts.filter((p): p is Node | string => Boolean(p)));
}

// ---------------------------------------------------------------------------------------------
// Routes

async function findRoutes(form: HTMLFormElement): Promise<void> {
  const status = byId('routes-status');
  const list = byId('routes-list');
  const graph = byId('routes-graph');
  const data = new FormData(form);
  list.replaceChildren();
  graph.hidden = true;
  setStatus(status, 'Finding routes…');
  try {
    const [from, to] = await roleIds(String(data.get('from') ?? ''), String(data.get('to') ?? ''));
    const maxSteps = Number(data.get('maxSteps'));
    const includePivots = data.get('includePivots') === 'on';
    const { progressionPaths } = await request(Routes, { from, to, maxSteps, includePivots });
    if (progressionPaths.length === 0) {
      setStatus(
        status,
        `No route from ${String(data.get('from'))} to ${String(data.get('to'))} in ${maxSteps} step${maxSteps === 1 ? '' : 's'}${includePivots ? '' : ' (try including pivots or more steps)'}.`,
        'empty',
      );
      return;
    }
    setStatus(status, `${progressionPaths.length} route${progressionPaths.length === 1 ? '' : 's'}, best first.`);
    graph.hidden = false;
    routesCy = drawRoutes(graph, progressionPaths, routesCy);
    list.replaceChildren(...progressionPaths.map(routeItem));
  } catch (err) {
    if (err instanceof UnknownRole) return setStatus(status, err.message, 'empty');
    const { message, kind } = describeError(err);
    setStatus(status, message, kind);
  }
}

function routeItem(path: CareerPath): HTMLLIElement {
  const steps: Child[] = [path.roles[0]?.name];
  for (const step of path.steps) {
    steps.push(el('span', { class: 'step-kind' }, `→ ${step.kind.toLowerCase()} →`), step.to.name);
  }
  return el(
    'li',
    { class: 'route' },
    el('div', { class: 'route-steps' }, ...steps),
    el('div', {}, `${path.length} step${path.length === 1 ? '' : 's'}. ${salaryChangeText(path.salaryChange)}`),
    el('div', { class: 'skills-to-acquire' }, el('strong', {}, 'Skills to acquire: '), names(path.skillsToAcquire)),
    el('div', { class: 'tools-to-learn' }, el('strong', {}, 'Tools to learn: '), names(path.toolsToLearn)),
  );
}

// ---------------------------------------------------------------------------------------------
// Comparison

const DIMENSIONS = ['tools', 'skills', 'frameworks', 'workflows', 'employers'] as const;

async function compare(form: HTMLFormElement): Promise<void> {
  const status = byId('compare-status');
  const result = byId('compare-result');
  const data = new FormData(form);
  result.replaceChildren();
  setStatus(status, 'Comparing…');
  try {
    const [a, b] = await roleIds(String(data.get('a') ?? ''), String(data.get('b') ?? ''));
    if (a === b) return setStatus(status, 'Pick two different roles to compare.', 'empty');
    const { compareRoles } = await request(Compare, { a, b });
    setStatus(status, '');
    result.replaceChildren(...comparison(compareRoles));
  } catch (err) {
    if (err instanceof UnknownRole) return setStatus(status, err.message, 'empty');
    const { message, kind } = describeError(err);
    setStatus(status, message, kind);
  }
}

function comparison(c: CompareResult['compareRoles']): Node[] {
  const cell = (list: NodeRef[], cls = '') => el('td', cls ? { class: cls } : {}, names(list));
  const row = (dim: (typeof DIMENSIONS)[number], o: Overlap) =>
    el(
      'tr',
      { 'data-dimension': dim },
      el('th', { scope: 'row' }, dim[0].toUpperCase() + dim.slice(1)),
      cell(o.onlyA),
      cell(o.shared, 'shared'),
      cell(o.onlyB),
      el('td', {}, `${Math.round(o.jaccard * 100)}%`),
    );
  const diff = c.salaryDifference;
  return [
    el(
      'p',
      { class: 'similarity' },
      `Similarity of ${c.a.name} and ${c.b.name} (tools, skills and frameworks): ${Math.round(c.similarity * 100)}%. `,
      diff
        ? `${c.b.name} pays ${signed(diff.min, diff.currency)} to ${signed(diff.max, diff.currency)} compared with ${c.a.name}.`
        : 'No salary comparison (a figure is missing or in another currency).',
    ),
    el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        {},
        el('caption', { class: 'visually-hidden' }, `${c.a.name} compared with ${c.b.name}`),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, 'Dimension'),
            el('th', { scope: 'col' }, `Only ${c.a.name}`),
            el('th', { scope: 'col' }, 'Shared'),
            el('th', { scope: 'col' }, `Only ${c.b.name}`),
            el('th', { scope: 'col' }, 'Overlap'),
          ),
        ),
        el('tbody', {}, ...DIMENSIONS.map((d) => row(d, c[d]))),
      ),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Wiring

function start(): void {
  const searchForm = byId<HTMLFormElement>('search-form');
  const searchInput = byId<HTMLInputElement>('search-input');
  searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void runSearch(searchInput.value);
  });

  // Any button carrying a node id (search hits, neighbour lists) re-centres the graph.
  document.addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-id]');
    if (button?.dataset.id) {
      void showNode(button.dataset.id);
      byId('node-status').scrollIntoView({ block: 'nearest' });
    }
  });

  byId<HTMLFormElement>('routes-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void findRoutes(e.currentTarget as HTMLFormElement);
  });
  byId<HTMLFormElement>('compare-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void compare(e.currentTarget as HTMLFormElement);
  });

  // Fill the role pickers early; a failure here shows once the user asks for something.
  ensureRoles().catch(() => undefined);

  const match = /^#node=(.+)$/.exec(location.hash);
  if (match) void showNode(decodeURIComponent(match[1]), false);
  document.body.dataset.ready = 'true';
}

start();

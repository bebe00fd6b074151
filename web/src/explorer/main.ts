// The Career Graph explorer: search, a node's neighbourhood, routes between roles and a
// comparison of two roles, all through typed GraphQL operations (./operations.ts).
import type { Core } from 'cytoscape';
import { request } from './api';
import { byId, describeError, el, money, names, salaryChangeText, setStatus, signed, type Child } from './dom';
import { startProfile } from './profile';
import { startTransitions } from './transitions';
import { ensureRoles, roleIds, UnknownRole } from './roles';
import { drawNeighbourhood, drawRoutes, originText, relationsOf, type Relation } from './graph';
import {
  Compare,
  KindOf,
  Neighbourhood,
  Routes,
  SearchNodes,
  type AnyNeighbourhood,
  type CareerPath,
  type CompareResult,
  type NodeKind,
  type NodeRef,
  type Overlap,
  type PageSizes,
  type TransitionKind,
} from './operations';

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
  return Object.values(data).find((n): n is AnyNeighbourhood => n != null);
}

/** How many links of each relationship a neighbourhood shows first, and how many more each "more" adds. */
const FIRST_PAGE = 8;
const MORE_PAGE = 25;
/** The API's largest page: beyond it a list is not paged further (search finds the rest). */
const LARGEST_PAGE = 1000;

/** The node shown and the page size of each of its lists (reset when another node is shown). */
let shown: { id: string; pages: PageSizes } = { id: '', pages: {} };

async function showNode(id: string, pushHistory = true, pages: PageSizes = {}): Promise<void> {
  const status = byId('node-status');
  const details = byId('node-details');
  const graph = byId('node-graph');
  setStatus(status, 'Loading…');
  try {
    // Its kind first, so that only that kind's relationships are read.
    const { node } = await request(KindOf, { id });
    const kind = node?.__typename.toLowerCase() as Lowercase<NodeKind> | undefined;
    const centre = kind && pickNeighbourhood({ ...(await request(Neighbourhood, { id, [kind]: true, ...pages })) });
    if (!centre) {
      nodeCy?.destroy();
      nodeCy = undefined;
      details.replaceChildren();
      graph.dataset.nodeCount = '0';
      setStatus(status, `Unknown node: nothing in the graph has the id "${id}".`, 'empty');
      return;
    }
    shown = { id: centre.id, pages };
    if (pushHistory) history.replaceState(null, '', `#node=${encodeURIComponent(centre.id)}`);
    setStatus(
      status,
      `${centre.name} (${centre.__typename}) and its neighbours, the strongest few of each kind. Select a neighbour, in the graph or the list, to re-centre.`,
    );
    nodeCy = drawNeighbourhood(
      graph,
      centre,
      (next) => void showNode(next),
      nodeCy,
      (edge) => setStatus(status, edge),
    );
    renderDetails(details, centre);
  } catch (err) {
    const { message, kind } = describeError(err);
    setStatus(status, message, kind);
  }
}

/** Shows more of one list of the node shown, then moves focus to the first newly shown neighbour. */
async function showMore(field: keyof PageSizes): Promise<void> {
  const before = shown.pages[field] ?? FIRST_PAGE;
  const pages = { ...shown.pages, [field]: Math.min(before + MORE_PAGE, LARGEST_PAGE) };
  await showNode(shown.id, false, pages);
  document.querySelector<HTMLButtonElement>(`[data-field="${field}"] li:nth-child(${before + 1}) button`)?.focus();
}

const ORDER_TEXT: Record<Relation['order'], string> = {
  weight: 'strongest first',
  rank: 'in the source’s order',
  similarity: 'most similar first',
  name: 'by name',
};

function relationBlock(rel: Relation): HTMLElement {
  const arrow = rel.direction === 'out' ? '→' : '←';
  const shownCount = rel.links.length;
  const heading = el(
    'h4',
    {},
    `${arrow} ${rel.type} (${rel.kind}) `,
    el(
      'span',
      { class: 'count', 'data-count': String(rel.count) },
      shownCount < rel.count ? `${shownCount} of ${rel.count}, ${ORDER_TEXT[rel.order]}` : `${rel.count}`,
    ),
  );
  const items = rel.links.map((link) =>
    el(
      'li',
      {},
      el('button', { type: 'button', class: 'link', 'data-id': link.node.id }, link.node.name),
      link.weight !== undefined
        ? el('span', { class: 'weight', title: 'Weight, 0 to 1' }, ` ${link.weight.toFixed(2)}`)
        : null,
      link.facts.length ? el('span', { class: 'facts' }, ` ${link.facts.join(', ')}`) : null,
      el(
        'span',
        {
          class: 'sources',
          title: link.provenance.map((p) => `${p.source} ${p.version}: ${p.sourceId}`).join('\n'),
        },
        originText(link),
      ),
    ),
  );
  const more =
    shownCount < rel.count && shownCount < LARGEST_PAGE
      ? el(
          'button',
          { type: 'button', class: 'more', 'data-more': rel.field },
          `Show ${Math.min(MORE_PAGE, rel.count - shownCount, LARGEST_PAGE - shownCount)} more ${rel.kind.toLowerCase()}${rel.kind === 'Category' ? '' : 's'}`,
        )
      : shownCount < rel.count
        ? el('p', { class: 'status empty' }, `The first ${LARGEST_PAGE} are shown; search to find the others.`)
        : null;
  return el(
    'div',
    { class: 'relation', 'data-field': rel.field },
    heading,
    el('ul', { 'data-relation': `${rel.direction}:${rel.type}`, 'data-shown': String(shownCount) }, ...items),
    more,
  );
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
  if (n.provenance.length > 0) {
    parts.push(
      el(
        'p',
        { class: 'sources' },
        `Stated by ${n.provenance.map((p) => `${p.source} ${p.version} (${p.sourceId})`).join('; ')}`,
      ),
    );
  }
  for (const rel of relationsOf(n)) if (rel.count > 0) parts.push(relationBlock(rel));
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
    const via: TransitionKind[] = ['PROMOTION', ...data.getAll('via').map((v) => String(v) as TransitionKind)];
    const { progressionPaths } = await request(Routes, { from, to, maxSteps, via });
    if (progressionPaths.length === 0) {
      setStatus(
        status,
        `No route from ${String(data.get('from'))} to ${String(data.get('to'))} in ${maxSteps} step${maxSteps === 1 ? '' : 's'}${via.length === 4 ? '' : ' (try other kinds of move or more steps)'}.`,
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
    steps.push(
      el('span', { class: 'step-kind', title: step.reason.text }, `→ ${step.kind.toLowerCase()} →`),
      step.to.name,
    );
  }
  return el(
    'li',
    { class: 'route' },
    el('div', { class: 'route-steps' }, ...steps),
    el('ol', { class: 'reasons' }, ...path.steps.map((step) => el('li', { class: 'reason' }, step.reason.text))),
    el(
      'div',
      {},
      `${path.length} step${path.length === 1 ? '' : 's'}; skills and tools to learn on the way: ${path.toLearnCount}. ${salaryChangeText(path.salaryChange)}`,
    ),
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
      `Similarity of ${c.b.name} to ${c.a.name} (by what ${c.b.name} requires): ${Math.round(c.similarity * 100)}%; ` +
        `tools, skills and frameworks in common (Jaccard): ${Math.round(c.jaccard * 100)}%. `,
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

  // Any button carrying a node id (search hits, neighbour lists) re-centres the graph; a "more"
  // button shows more of its list.
  document.addEventListener('click', (e) => {
    const more = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-more]');
    if (more?.dataset.more) return void showMore(more.dataset.more as keyof PageSizes);
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

  startProfile();
  startTransitions();
  // Fill the role pickers early; a failure here shows once the user asks for something.
  ensureRoles().catch(() => undefined);

  const match = /^#node=(.+)$/.exec(location.hash);
  if (match) void showNode(decodeURIComponent(match[1]), false);
  document.body.dataset.ready = 'true';
}

start();

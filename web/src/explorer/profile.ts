// "My skills": pick skills, tools, frameworks and languages, and see the route with the least to
// learn from your current role to a role you aim for (leastEffortRoute).
import { request } from './api';
import { byId, describeError, el, salaryChangeText, setStatus } from './dom';
import { LeastEffort, PickItems, type ProfileInput, type RouteResult } from './operations';
import { roleIds, UnknownRole } from './roles';

/** What a profile holds, by the list of ProfileInput each kind goes in. */
const LIST_OF = {
  Skill: 'skills',
  Tool: 'tools',
  Framework: 'frameworks',
  Language: 'languages',
} as const satisfies Record<string, keyof ProfileInput>;
type ItemKind = keyof typeof LIST_OF;
const isItemKind = (kind: string): kind is ItemKind => Object.hasOwn(LIST_OF, kind);

interface Picked {
  id: string;
  name: string;
  kind: ItemKind;
}

/** What the person picked, in the order picked. */
const picked = new Map<string, Picked>();

// ---------------------------------------------------------------------------------------------
// Picking

let searchSeq = 0;

async function suggest(text: string): Promise<void> {
  const list = byId('profile-suggestions');
  const status = byId('profile-status');
  const seq = ++searchSeq;
  if (text.trim().length < 2) {
    list.replaceChildren();
    return;
  }
  try {
    const { search } = await request(PickItems, { text, first: 8 });
    // A slower answer to an earlier keystroke must not replace a newer one.
    if (seq !== searchSeq) return;
    list.replaceChildren(
      ...search.map(({ node }) =>
        el(
          'li',
          {},
          el(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-pick': node.id,
              'data-kind': node.__typename,
              'data-name': node.name,
              'aria-label': `Add ${node.name} (${node.__typename})`,
            },
            `+ ${node.name}`,
            el('span', { class: `kind ${node.__typename.toLowerCase()}` }, node.__typename),
          ),
        ),
      ),
    );
    setStatus(status, search.length ? '' : `Nothing to add matches "${text}".`, search.length ? 'info' : 'empty');
  } catch (err) {
    const { message, kind } = describeError(err);
    setStatus(status, message, kind);
  }
}

function renderPicked(): void {
  byId('profile-items').replaceChildren(
    ...[...picked.values()].map((p) =>
      el(
        'li',
        { 'data-id': p.id },
        el('span', {}, p.name, el('span', { class: `kind ${p.kind.toLowerCase()}` }, p.kind)),
        el('button', { type: 'button', class: 'link', 'data-unpick': p.id, 'aria-label': `Remove ${p.name}` }, '×'),
      ),
    ),
  );
}

async function profileOf(form: HTMLFormElement): Promise<ProfileInput> {
  const profile: ProfileInput = { skills: [], tools: [], frameworks: [], languages: [] };
  for (const p of picked.values()) (profile[LIST_OF[p.kind]] as string[]).push(p.id);
  const current = String(new FormData(form).get('currentRole') ?? '').trim();
  if (current) [profile.currentRole] = await roleIds(current);
  return profile;
}

// ---------------------------------------------------------------------------------------------
// The route to a role aimed for

async function showRoute(form: HTMLFormElement): Promise<void> {
  const target = byId('gap');
  const status = byId('profile-status');
  target.replaceChildren();
  try {
    const profile = await profileOf(form);
    const aim = String(new FormData(form).get('target') ?? '').trim();
    if (!aim) return setStatus(status, 'Give a role you aim for.', 'empty');
    if (!profile.currentRole) return setStatus(status, 'Give your current role: the route starts there.', 'empty');
    const [to] = await roleIds(aim);
    setStatus(status, 'Finding the route with the least to learn…');
    const { leastEffortRoute } = await request(LeastEffort, { profile, to });
    if (!leastEffortRoute) return setStatus(status, `No route to ${aim} in 4 steps.`, 'empty');
    setStatus(status, '');
    target.replaceChildren(el('h3', {}, `The route to ${aim} with the least to learn`), routeView(leastEffortRoute));
  } catch (err) {
    if (err instanceof UnknownRole) return setStatus(status, err.message, 'empty');
    const { message, kind } = describeError(err);
    setStatus(status, message, kind);
  }
}

/** A route step by step, each with why it exists. */
export function routeView(path: RouteResult): HTMLElement {
  return el(
    'div',
    { class: 'least-effort' },
    el(
      'ol',
      { class: 'steps' },
      ...path.steps.map((step) =>
        el(
          'li',
          {},
          el('strong', {}, `${step.from.name} → ${step.to.name}`),
          ` (${step.kind.toLowerCase()}) `,
          el('span', { class: 'reason' }, step.reason.text),
        ),
      ),
    ),
    el(
      'div',
      {},
      `${path.length} step${path.length === 1 ? '' : 's'}, ${path.toLearnCount} thing${path.toLearnCount === 1 ? '' : 's'} to learn. ${salaryChangeText(path.salaryChange)}`,
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Wiring

export function startProfile(): void {
  const input = byId<HTMLInputElement>('profile-search');
  let timer: number | undefined;
  const suggestions = byId('profile-suggestions');
  input.addEventListener('input', () => {
    // What was suggested for the earlier text no longer applies.
    suggestions.replaceChildren();
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void suggest(input.value), 250);
  });
  byId('profile-search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void suggest(input.value);
  });
  suggestions.addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-pick]');
    const { pick, kind, name } = button?.dataset ?? {};
    if (!pick || !kind || !name) return;
    if (!isItemKind(kind)) return;
    picked.set(pick, { id: pick, name, kind });
    renderPicked();
    suggestions.replaceChildren();
    input.value = '';
    input.focus();
  });
  byId('profile-items').addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-unpick]');
    if (!button?.dataset.unpick) return;
    picked.delete(button.dataset.unpick);
    renderPicked();
    input.focus();
  });
  byId<HTMLFormElement>('profile-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void showRoute(e.currentTarget as HTMLFormElement);
  });
}

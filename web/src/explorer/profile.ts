// "My skills": pick skills, tools, frameworks and languages, see the roles they fit (matchRoles),
// what one of them asks that the profile lacks (profileGap), and the route there from the current
// role with the least to learn (leastEffortRoute).
import { request } from './api';
import { byId, describeError, el, salaryChangeText, setStatus, type Child } from './dom';
import {
  Gap,
  LeastEffort,
  MatchRoles,
  PickItems,
  type FitResult,
  type ProfileInput,
  type RouteResult,
  type Weighted,
} from './operations';
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

export const percent = (x: number) => `${Math.round(x * 100)}%`;

/** How many items of a weighted list are named; the rest are counted. */
const NAMED = 8;

export function weightedList(items: Weighted[], cls: string, label: string): HTMLElement {
  const named = items.slice(0, NAMED).map((w) => `${w.item.name} (${w.kind.toLowerCase()}, ${w.weight.toFixed(2)})`);
  const rest = items.length - named.length;
  return el(
    'div',
    { class: cls },
    el('strong', {}, `${label}: `),
    named.length ? `${named.join(', ')}${rest > 0 ? `, and ${rest} more` : ''}` : 'none',
  );
}

function fitLines(fit: FitResult): HTMLElement[] {
  return [
    el(
      'div',
      { class: 'fit' },
      `Fit ${percent(fit.fit)}: covers ${percent(fit.coverage)} of what the role needs, uses ${percent(fit.relevance)} of the profile.`,
    ),
    weightedList(fit.covered, 'covered', 'You have'),
    weightedList(
      fit.missingEssentials,
      'missing',
      `Missing essentials (${fit.missingEssentials.length} shown of ${fit.missingCount} missing in all)`,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Matching

async function match(form: HTMLFormElement): Promise<void> {
  const status = byId('profile-status');
  const list = byId('matches');
  byId('gap').replaceChildren();
  list.replaceChildren();
  setStatus(status, 'Matching…');
  try {
    const profile = await profileOf(form);
    const { matchRoles } = await request(MatchRoles, { profile, first: 10 });
    if (matchRoles.matches.length === 0) {
      setStatus(status, 'No role fits this profile yet: add skills or tools you have.', 'empty');
      return;
    }
    setStatus(
      status,
      `The ${matchRoles.matches.length} best of ${matchRoles.rankedCount} roles that fit (${matchRoles.unrankedCount} have too few requirements to rank). Pick one to see the gap and a route there.`,
    );
    list.replaceChildren(
      ...matchRoles.matches.map((fit) =>
        el(
          'li',
          { class: 'route', 'data-role': fit.role.id },
          el(
            'div',
            { class: 'route-steps' },
            el('button', { type: 'button', class: 'link', 'data-gap': fit.role.id }, fit.role.name),
          ),
          ...fitLines(fit),
        ),
      ),
    );
  } catch (err) {
    if (err instanceof UnknownRole) return setStatus(status, err.message, 'empty');
    const { message, kind } = describeError(err);
    setStatus(status, message, kind);
  }
}

// ---------------------------------------------------------------------------------------------
// The gap to a role, and the route there

/**
 * The gap to `to` (a role id; by default the role aimed for, as typed) and, from the current
 * role, the route there with the least to learn.
 */
async function showGap(form: HTMLFormElement, roleId?: string): Promise<void> {
  const target = byId('gap');
  const status = byId('profile-status');
  target.replaceChildren();
  setStatus(status, 'Working out the gap and the route…');
  try {
    const profile = await profileOf(form);
    const aim = String(new FormData(form).get('target') ?? '').trim();
    if (!roleId && !aim) return setStatus(status, 'Give a role you aim for, or match roles first.', 'empty');
    const to = roleId ?? (await roleIds(aim))[0];
    const [{ profileGap }, route] = await Promise.all([
      request(Gap, { profile, to }),
      profile.currentRole ? request(LeastEffort, { profile, to }) : Promise.resolve(null),
    ]);
    const name = profileGap.role.name;
    const parts: Child[] = [el('h3', {}, `From your profile to ${name}`), ...fitLines(profileGap)];
    if (!route) {
      parts.push(el('p', { class: 'status empty' }, 'Give your current role to see a route there.'));
    } else if (!route.leastEffortRoute) {
      parts.push(el('p', { class: 'status empty' }, `No route from your current role to ${name} in 4 steps.`));
    } else {
      parts.push(el('h4', {}, 'The route with the least to learn'), routeView(route.leastEffortRoute));
    }
    setStatus(status, '');
    target.replaceChildren(...parts.filter((p): p is Node | string => Boolean(p)));
    target.querySelector('h3')?.scrollIntoView({ block: 'nearest' });
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
  const form = byId<HTMLFormElement>('profile-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // Two buttons: match the profile to roles, or go straight to the role aimed for.
    if ((e.submitter as HTMLButtonElement | null)?.value === 'route') {
      void showGap(form);
    } else {
      void match(form);
    }
  });
  byId('matches').addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-gap]');
    if (button?.dataset.gap) {
      byId<HTMLInputElement>('profile-target').value = button.textContent ?? '';
      void showGap(form, button.dataset.gap);
    }
  });
}

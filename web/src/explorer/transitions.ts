// The transitions from a role: the roles one step away by what they require, each with why it
// is suggested (shared and missing items, the sources that state the move, the pay change, and
// whether the comparison borrowed an O*NET counterpart's items through the crosswalk).
import { request } from './api';
import { byId, describeError, el, salaryChangeText, setStatus } from './dom';
import { Transitions, type TransitionResult } from './operations';
import { percent, weightedList } from './profile';
import { roleIds, UnknownRole } from './roles';

async function transitions(form: HTMLFormElement): Promise<void> {
  const status = byId('transitions-status');
  const list = byId('transitions-list');
  const data = new FormData(form);
  list.replaceChildren();
  setStatus(status, 'Finding transitions…');
  try {
    const [from] = await roleIds(String(data.get('from') ?? ''));
    const minSimilarity = Number(data.get('minSimilarity'));
    const keepPay = data.get('keepPay') === 'on';
    const { transitions: found } = await request(Transitions, { from, first: 10, minSimilarity, keepPay });
    if (found.length === 0) {
      setStatus(status, `No transition from ${String(data.get('from'))} at that similarity.`, 'empty');
      return;
    }
    setStatus(status, `${found.length} transition${found.length === 1 ? '' : 's'}, most similar first.`);
    list.replaceChildren(...found.map(transitionItem));
  } catch (err) {
    if (err instanceof UnknownRole) return setStatus(status, err.message, 'empty');
    const { message, kind } = describeError(err);
    setStatus(status, message, kind);
  }
}

function transitionItem(t: TransitionResult): HTMLLIElement {
  const stated = t.statedBy.map((s) => `${s.kind.toLowerCase()} (${s.sources.join('; ')})`);
  return el(
    'li',
    { class: 'route', 'data-role': t.role.id },
    el(
      'div',
      { class: 'route-steps' },
      el('button', { type: 'button', class: 'link', 'data-id': t.role.id }, t.role.name),
      ` similarity ${percent(t.similarity)}`,
      t.borrowed ? el('span', { class: 'borrowed' }, ' compared through the crosswalk') : null,
    ),
    t.borrowed && t.comparedVia.length
      ? el('div', { class: 'compared-via' }, `Items borrowed from ${t.comparedVia.map((r) => r.name).join(', ')}`)
      : null,
    el(
      'div',
      { class: 'stated-by' },
      el('strong', {}, 'Stated by: '),
      stated.length ? stated.join('; ') : 'no source states this move: similarity alone',
    ),
    weightedList(t.shared, 'shared', 'Shared'),
    weightedList(t.missing, 'missing', 'To learn'),
    el('div', { class: 'pay' }, salaryChangeText(t.salaryChange)),
  );
}

export function startTransitions(): void {
  byId<HTMLFormElement>('transitions-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void transitions(e.currentTarget as HTMLFormElement);
  });
}

// Small DOM helpers shared by the explorer's views (text only: nothing from the API is ever
// parsed as HTML).
import { ApiError } from './api';
import type { Money, NodeRef } from './operations';

export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

export type StatusKind = 'info' | 'error' | 'empty';

export function setStatus(target: HTMLElement, message: string, kind: StatusKind = 'info'): void {
  target.textContent = message;
  target.className = `status ${kind === 'info' ? '' : kind}`.trim();
  target.dataset.state = message ? kind : '';
}

export function describeError(err: unknown): { message: string; kind: StatusKind } {
  if (err instanceof ApiError) {
    if (err.kind === 'unavailable') return { message: err.message, kind: 'error' };
    if (err.kind === 'not-found') return { message: err.message, kind: 'empty' };
    return { message: err.message, kind: 'error' };
  }
  return { message: `Something went wrong: ${String(err)}`, kind: 'error' };
}

export const money = (n: number, currency: string): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);

export function signed(n: number, currency: string): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${money(Math.abs(n), currency)}`;
}

export function salaryChangeText(change: Money | null): string {
  if (!change) return 'Salary change: unknown (a role on the route has no published figure)';
  return `Salary change: ${signed(change.min, change.currency)} to ${signed(change.max, change.currency)}`;
}

export function names(list: NodeRef[]): string {
  return list.length ? list.map((n) => n.name).join(', ') : 'none';
}

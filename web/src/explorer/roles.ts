// Roles: names typed in the pickers resolve to ids.
import { request } from './api';
import { byId, el } from './dom';
import { RoleList, type NodeRef, type RoleListResult } from './operations';

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

export function ensureRoles(): Promise<void> {
  rolesLoaded ??= loadRoles().catch((err: unknown) => {
    rolesLoaded = undefined;
    throw err;
  });
  return rolesLoaded;
}

/** The role a user typed, by name (any case) or id; undefined when there is none. */
export function resolveRole(text: string): NodeRef | undefined {
  const t = text.trim().toLowerCase();
  return roles.find((r) => r.name.toLowerCase() === t || r.id === t);
}

export class UnknownRole extends Error {}

export async function roleIds(...texts: string[]): Promise<string[]> {
  await ensureRoles();
  return texts.map((text) => {
    const role = resolveRole(text);
    if (!role) throw new UnknownRole(`Unknown role: "${text.trim()}". Pick one of the suggested roles.`);
    return role.id;
  });
}

import { BadUserInputError, NotFoundError } from '../../errors';
import { idPlan } from '../../graph/read-plan';
import type { RequestContext } from '../../server/context';
import { assertId } from '../shared/ids';

/** Role-id arguments by name (a list argument's items as `name[i]`), checked for form. */
export interface RoleArguments {
  entries: (readonly [argument: string, id: string])[];
  ids: string[];
}

/**
 * Checks role-id arguments before any database work: well-formed and distinct. Names the
 * argument and the id at fault.
 */
export function roleArguments(args: Record<string, string | string[]>): RoleArguments {
  const entries = Object.entries(args).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((id, i) => [`${name}[${i}]`, id] as const) : [[name, value] as const],
  );
  for (const [name, id] of entries) assertId(name, id);

  const ids = entries.map(([, id]) => id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) {
    const names = Object.keys(args).join(' and ');
    throw new BadUserInputError(`${names}: "${repeated}" is given twice; name different roles`, { id: repeated });
  }
  return { entries, ids };
}

/** NOT_FOUND naming each argument whose id is among `missing`. */
export function assertRolesFound({ entries }: RoleArguments, missing: readonly string[]): void {
  const absent = entries.filter(([, id]) => missing.includes(id)).map(([argument, id]) => ({ argument, id }));
  if (absent.length > 0) {
    const list = absent.map((m) => `${m.argument}: "${m.id}"`).join(', ');
    throw new NotFoundError(`No role with ${absent.length === 1 ? 'this id' : 'these ids'}: ${list}`, {
      ids: absent.map((m) => m.id),
    });
  }
}

/** Both checks for arguments that are not part of a traversal statement (batched lookups). */
export async function requireRoles(ctx: RequestContext, args: Record<string, string | string[]>): Promise<void> {
  const checked = roleArguments(args);
  const found = await Promise.all(checked.ids.map((id) => ctx.loaders.node(idPlan('ROLE'), id)));
  assertRolesFound(
    checked,
    checked.ids.filter((_, i) => found[i] === null),
  );
}

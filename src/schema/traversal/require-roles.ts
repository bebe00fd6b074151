import { BadUserInputError, NotFoundError } from '../../errors';
import type { RoleRecord } from '../../graph/records';
import type { RequestContext } from '../../server/context';
import { assertId } from '../shared/ids';

/**
 * Checks role-id arguments before any traversal: well-formed, distinct where they must be, and
 * existing (one batched lookup). Names the argument and the ids at fault.
 */
export async function requireRoles(
  ctx: RequestContext,
  args: Record<string, string | string[]>,
): Promise<RoleRecord[]> {
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
  const found = await Promise.all(ids.map((id) => ctx.loaders.node<RoleRecord>('ROLE', id)));
  const missing = entries.filter((_, i) => found[i] === null).map(([name, id]) => ({ argument: name, id }));
  if (missing.length > 0) {
    const list = missing.map((m) => `${m.argument}: "${m.id}"`).join(', ');
    throw new NotFoundError(`No role with ${missing.length === 1 ? 'this id' : 'these ids'}: ${list}`, {
      ids: missing.map((m) => m.id),
    });
  }
  return found as RoleRecord[];
}

import { BadUserInputError, NotFoundError } from '../errors';
import { assertId } from './ids';

/** Role-id arguments by name as the client wrote them (a list argument's items as `name[i]`). */
export type RoleArgumentValues = Record<string, string | readonly string[]>;

/** Role-id arguments checked for form, with the ids they name. */
export interface RoleArguments {
  entries: (readonly [argument: string, id: string])[];
  ids: string[];
}

/**
 * The rules for the roles a question is about, before any database work: each id well formed,
 * and no role named twice. Names the argument and the id at fault.
 */
export function roleArguments(args: RoleArgumentValues): RoleArguments {
  const entries = Object.entries(args).flatMap(([name, value]) =>
    typeof value === 'string' ? [[name, value] as const] : value.map((id, i) => [`${name}[${i}]`, id] as const),
  );
  for (const [name, id] of entries) assertId(name, id);

  const ids = entries.map(([, id]) => id);
  const repeated = entries.find(([, id], i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) {
    throw BadUserInputError.of(repeated[0], `"${repeated[1]}" is given twice; name different roles`);
  }
  return { entries, ids };
}

/**
 * A question about the roles `args` names: their form is checked before any database work,
 * and `ask` reports which of them exist alongside its answer (in the same statement where it
 * can), so a missing role is NOT_FOUND naming its argument.
 */
export async function aboutRoles<T>(
  args: RoleArgumentValues,
  ask: () => Promise<{ missing: string[]; value: T }>,
): Promise<T> {
  const checked = roleArguments(args);
  const { missing, value } = await ask();
  assertRolesFound(checked, missing);
  return value;
}

/** The existence rule: NOT_FOUND naming each argument whose id is among `missing`. */
export function assertRolesFound({ entries }: RoleArguments, missing: readonly string[]): void {
  const absent = entries.filter(([, id]) => missing.includes(id)).map(([argument, id]) => ({ argument, id }));
  if (absent.length > 0) {
    const list = absent.map((m) => `${m.argument}: "${m.id}"`).join(', ');
    throw new NotFoundError(`No role with ${absent.length === 1 ? 'this id' : 'these ids'}: ${list}`, {
      ids: absent.map((m) => m.id),
    });
  }
}

import { BadUserInputError } from '../errors';
import { idSchema } from '../model/rules';

/** Rejects ids that cannot exist (the same rule the loader applies), naming the argument. */
export function assertId(argument: string, id: string): string {
  const result = idSchema.safeParse(id);
  if (!result.success) {
    throw BadUserInputError.of(argument, result.error.issues[0].message);
  }
  return id;
}

import { validateOrReject, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';
import { LruCache } from '../lru-cache';

/**
 * The options type-graphql's own argument validation gives class-validator: a property left out
 * is not checked, and an object no decorator describes is accepted.
 */
const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };

/** Arguments longer than this (as JSON) are validated every time rather than kept as keys. */
const MAX_KEY_LENGTH = 512;

type Validate = (value: object, options: ValidatorOptions) => Promise<void>;

/** The value as JSON, or undefined where it has none (a BigInt, a cycle). */
function asJson(value: object): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/** type-graphql's validateFn, and whether it has already accepted a value (answered without waiting). */
export type ArgumentValidation = ValidatorFn & { accepted(value: unknown, type: object): boolean };

/**
 * type-graphql's argument validation, remembering the arguments it accepted. Every list field
 * validates its `first`, so a role page validates the same few small objects a dozen times per
 * request, and class-validator looks up its metadata anew on each call (a tenth of the API's
 * allocations under the role page's load). The checks are pure functions of the argument's
 * type and value, so a (type, JSON) pair accepted once is accepted again without asking;
 * rejected arguments are never kept, and fail with the same ArgumentValidationError as before.
 */
export function cachedArgumentValidation(limit: number, validate: Validate = validateOrReject): ArgumentValidation {
  const accepted = new LruCache<string, true>(limit);
  const typeIds = new WeakMap<object, number>();
  let types = 0;
  const typeId = (type: object) => {
    let id = typeIds.get(type);
    if (id === undefined) typeIds.set(type, (id = types++));
    return id;
  };
  const check = async (value: object) => {
    try {
      // As type-graphql does: a list argument's object items are validated one by one.
      if (Array.isArray(value))
        await Promise.all(value.filter(isObject).map((item) => validate(item, VALIDATOR_OPTIONS)));
      else await validate(value, VALIDATOR_OPTIONS);
    } catch (error) {
      throw new ArgumentValidationError(error as ConstructorParameters<typeof ArgumentValidationError>[0]);
    }
  };
  /** The value's cache key, or undefined when it is checked every time. */
  const keyOf = (value: object, type: object) => {
    const json = asJson(value);
    return json === undefined || json.length > MAX_KEY_LENGTH ? undefined : `${typeId(type)}:${json}`;
  };
  const validateFn: ValidatorFn = async (value, type) => {
    if (!isObject(value)) return;
    const key = keyOf(value, type as object);
    if (key === undefined) return check(value);
    if (accepted.get(key)) return;
    await check(value);
    accepted.set(key, true);
  };
  const isAccepted = (value: unknown, type: object) => {
    if (!isObject(value)) return true;
    const key = keyOf(value, type);
    return key !== undefined && accepted.get(key) === true;
  };
  return Object.assign(validateFn, { accepted: isAccepted });
}

import 'reflect-metadata';
import { Max, Min, validateOrReject, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ResolverData } from 'type-graphql';
import { cachedArgumentValidation } from '../../src/schema/validation';

/*
 * Argument validation remembers what it accepted, per argument type: a value accepted once is
 * not checked again, a rejected one is checked (and rejected) every time.
 */

class Page {
  @Min(1)
  @Max(50)
  first = 10;
}

class WidePage {
  @Min(1)
  @Max(500)
  first = 10;
}

const page = (first: number) => Object.assign(new Page(), { first });
const widePage = (first: number) => Object.assign(new WidePage(), { first });
const resolverData = {} as ResolverData;

function counted(limit = 10) {
  const calls: object[] = [];
  const validate = (value: object, options: ValidatorOptions) => {
    calls.push(value);
    return validateOrReject(value, options);
  };
  const validateFn = cachedArgumentValidation(limit, validate);
  const run = async (value: unknown, type: object): Promise<void> => {
    await validateFn(value, type as never, resolverData);
  };
  return { calls, run, accepted: validateFn.accepted };
}

describe('cachedArgumentValidation', () => {
  it('when the same accepted value comes again, then class-validator is not asked a second time', async () => {
    const { calls, run } = counted();
    await run(page(20), Page);
    await run(page(20), Page);
    expect(calls).toHaveLength(1);
    await run(page(21), Page);
    expect(calls).toHaveLength(2);
  });

  it('when a value breaks a rule, then it is rejected with the ArgumentValidationError every time', async () => {
    const { calls, run } = counted();
    for (let i = 0; i < 2; i++) {
      const error: unknown = await run(page(0), Page).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ArgumentValidationError);
      expect((error as ArgumentValidationError).extensions.code).toBe('BAD_USER_INPUT');
      expect((error as ArgumentValidationError).extensions.validationErrors[0].constraints).toEqual({
        min: 'first must not be less than 1',
      });
    }
    expect(calls).toHaveLength(2);
  });

  it('when two types accept different ranges, then a value accepted for one is still checked for the other', async () => {
    const { run } = counted();
    await run(widePage(100), WidePage);
    await expect(run(page(100), Page)).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(run(widePage(100), WidePage)).resolves.toBeUndefined();
  });

  it('when a list argument holds objects, then each is checked and one bad item rejects the list', async () => {
    const { calls, run } = counted();
    await run([page(1), page(2)], Page);
    expect(calls).toHaveLength(2);
    await expect(run([page(1), page(60)], Page)).rejects.toBeInstanceOf(ArgumentValidationError);
  });

  it('when the value is not an object, then nothing is checked', async () => {
    const { calls, run } = counted();
    for (const value of [null, undefined, 3, 'text', true]) await run(value, Page);
    expect(calls).toHaveLength(0);
  });

  it('when a value is long or has no JSON, then it is checked every time', async () => {
    const { calls, run } = counted();
    const long = Object.assign(page(5), { note: 'x'.repeat(600) });
    await run(long, Page);
    await run(long, Page);
    const big = Object.assign(page(5), { n: BigInt(1) });
    await run(big, Page);
    await run(big, Page);
    expect(calls).toHaveLength(4);
  });

  it('when more values than its limit were accepted, then the least recently used is checked again', async () => {
    const { calls, run } = counted(2);
    await run(page(1), Page);
    await run(page(2), Page);
    await run(page(1), Page); // kept, and now the most recent
    await run(page(3), Page); // evicts 2
    expect(calls).toHaveLength(3);
    await run(page(1), Page);
    expect(calls).toHaveLength(3);
    await run(page(2), Page);
    expect(calls).toHaveLength(4);
  });

  it('when asked whether a value was accepted, then only a value it accepted for that type is, without checking', async () => {
    const { calls, run, accepted } = counted();
    expect(accepted(page(20), Page)).toBe(false);
    await run(page(20), Page);
    expect(accepted(page(20), Page)).toBe(true);
    expect(accepted(widePage(20), WidePage)).toBe(false);
    await expect(run(page(0), Page)).rejects.toBeInstanceOf(ArgumentValidationError);
    expect(accepted(page(0), Page)).toBe(false);
    const long = Object.assign(page(5), { note: 'x'.repeat(600) });
    await run(long, Page);
    expect(accepted(long, Page)).toBe(false);
    expect(accepted(undefined, Page)).toBe(true);
    expect(calls).toHaveLength(3);
  });
});

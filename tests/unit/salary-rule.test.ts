import { SALARY_KEYS, factToProps, propsToFact } from '../../src/graph/codecs';
import { salarySchema } from '../../src/model/rules';

/* BLS OEWS May 2023, Software Developers (15-1252): annual p10 to p90. */
const BLS = {
  min: 77_020,
  max: 208_620,
  p10: 77_020,
  p25: 101_200,
  median: 132_270,
  p75: 167_540,
  p90: 208_620,
  currency: 'USD',
  period: 'YEAR',
  basis: 'BASE',
  source: 'BLS OEWS May 2023, US national, all industries',
} as const;

describe('the salary rule with percentiles', () => {
  it('when a BLS figure with its percentiles is checked, then it passes as it is', () => {
    expect(salarySchema.parse(BLS)).toEqual(BLS);
  });

  it('when a figure is top-coded and hourly, then it passes', () => {
    const hourly = { min: 17, max: 115, median: 48, p90: 115, currency: 'USD', period: 'HOUR', basis: 'BASE' } as const;
    expect(salarySchema.parse({ ...hourly, topCoded: ['p90'] }).topCoded).toEqual(['p90']);
  });

  it('when hourly figures have cents, then they pass as published', () => {
    const actors = {
      min: 13,
      max: 100.01,
      p25: 15.98,
      median: 20.5,
      currency: 'USD',
      period: 'HOUR',
      basis: 'BASE',
    } as const;
    expect(salarySchema.parse(actors)).toEqual(actors);
  });

  it('when an hourly figure has a fraction of a cent, then it is refused naming the figure', () => {
    const result = salarySchema.safeParse({ min: 13.005, max: 100, currency: 'USD', period: 'HOUR', basis: 'BASE' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['min', 'must be an amount with at most two decimals'],
    ]);
  });

  it.each([
    ['a median above p75', { median: 170_000 }, 'percentiles must not decrease'],
    ['a p10 below min', { p10: 70_000 }, 'percentiles must not decrease'],
    ['a percentile that is not a whole number', { p25: 101_200.5 }, 'must be a whole number'],
    ['an unknown top-coded percentile', { topCoded: ['p99'] }, 'p10'],
  ])('when %s is checked, then it is refused', (_what, change, message) => {
    const result = salarySchema.safeParse({ ...BLS, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(' ')).toContain(message);
  });

  it('when a role with percentiles is stored and read back, then nothing is lost', () => {
    const role = {
      id: 'software-developers',
      name: 'Software Developers',
      sources: ['O*NET 29.3'],
      salary: { ...BLS, topCoded: ['p90' as const] },
    };
    const props = factToProps('ROLE', role);
    expect(props.salaryMedian).toBe(132_270);
    expect(props.salaryTopCoded).toEqual(['p90']);
    expect(Object.keys(props).filter((k) => k.startsWith('salary'))).toHaveLength(SALARY_KEYS.length - 3);
    expect(propsToFact('ROLE', props)).toEqual(role);
  });
});

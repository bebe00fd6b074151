import { scoreTransitions } from '../../src/import/similar-roles';
import { BASE_NEED, TRANSITIONS_PER_ROLE, combinedFit, distinctiveness, needOf } from '../../src/model/fit-weights';

describe('need: how much a role needs one requirement', () => {
  it.each([
    ['an edge that says nothing', {}, BASE_NEED],
    ['O*NET importance 4.5', { importance: 4.5 }, 0.9],
    ['O*NET importance 1', { importance: 1 }, 0.2],
    ['an unflagged O*NET technology', { hot: false, inDemand: false }, 0.25],
    ['a Hot Technology', { hot: true, inDemand: false }, 0.5],
    ['an In Demand technology', { hot: false, inDemand: true }, 0.75],
    ['a Hot and In Demand technology', { hot: true, inDemand: true }, 1],
    ['ESCO essential', { escoRelation: 'essential' }, 1],
    ['ESCO optional', { escoRelation: 'optional' }, 0.5],
    ['the article’s PRIMARY', { emphasis: 'PRIMARY' }, 1],
    ['the article’s IMPORTANT', { emphasis: 'IMPORTANT' }, 0.75],
    ['the article’s SUPPORTING', { emphasis: 'SUPPORTING' }, 0.5],
    ['an emphasis the table does not know', { emphasis: 'SOMETIMES' }, BASE_NEED],
    ['several signals: the strongest', { importance: 2, escoRelation: 'optional', hot: true }, 0.5],
    ['a weak importance beside an essential relation', { importance: 1, escoRelation: 'essential' }, 1],
  ])('when the edge is %s, then need is %d', (_what, edge, expected) => {
    expect(needOf(edge)).toBeCloseTo(expected, 12);
  });
});

describe('distinctiveness: rarer items count more', () => {
  it('when one role of many requires the item, then it counts fully', () => {
    expect(distinctiveness(1, 4000)).toBeCloseTo(1, 12);
  });

  it('when every role requires it, then it still counts a little, never 0', () => {
    const d = distinctiveness(4000, 4000);
    expect(d).toBeGreaterThan(0);
    expect(d).toBeCloseTo(Math.log(2) / Math.log(4001), 12);
  });

  it('when more roles require it, then it counts less', () => {
    const values = [1, 5, 50, 500, 4000].map((df) => distinctiveness(df, 4000));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(new Set(values).size).toBe(values.length);
  });

  it('when no role requires it, then it counts as required by one', () => {
    expect(distinctiveness(0, 10)).toBe(distinctiveness(1, 10));
  });
});

describe('fit: coverage and relevance, relevance the heavier', () => {
  it('when either is 0, then the fit is 0', () => {
    expect(combinedFit(0, 1)).toBe(0);
    expect(combinedFit(1, 0)).toBe(0);
  });

  it('when both are 1, then the fit is 1; between, it lies between them', () => {
    expect(combinedFit(1, 1)).toBeCloseTo(1, 12);
    const f = combinedFit(0.2, 0.6);
    expect(f).toBeGreaterThan(0.2);
    expect(f).toBeLessThan(0.6);
  });

  it('when relevance is high and coverage low, then the fit is higher than the other way round', () => {
    expect(combinedFit(0.05, 0.5)).toBeGreaterThan(combinedFit(0.5, 0.05));
  });
});

describe('the precompute’s scoring', () => {
  const row = (role: string, item: string, need: number, distinct: number, borrowed = false) => ({
    role,
    item,
    need,
    distinct,
    borrowed,
  });

  it('when roles share a distinctive item, then each lists the other, scored by the fit rule', () => {
    const rows = [row('a', 'x', 1, 1), row('a', 'y', 0.5, 0.5), row('b', 'x', 0.5, 1), row('b', 'z', 1, 1)];
    const scored = scoreTransitions(rows, 40);
    const ab = scored.find((t) => t.from === 'a' && t.to === 'b')!;
    // The profile is a's items (distinct 1 + 0.5); b weighs x 0.5 of its 0.5 + 1.
    expect(ab.score).toBeCloseTo(combinedFit(0.5 / 1.5, 0.5 / 1.5), 12);
    expect(ab.rank).toBe(1);
    expect(scored.find((t) => t.from === 'b' && t.to === 'a')!.score).toBeCloseTo(combinedFit(1 / 1.25, 1 / 2), 12);
  });

  it('when a role has enough roles sharing distinctive items, then roles sharing only common items are not compared', () => {
    // 40 roles, so an item held by at most 40 × 0.05 = 2 is distinctive: 'a' shares one with each of 25 roles.
    const rows = [row('a', 'common', 1, 0.1), row('z', 'common', 1, 0.1)];
    for (let i = 0; i < TRANSITIONS_PER_ROLE; i += 1)
      rows.push(row('a', `rare${i}`, 1, 1), row(`r${i}`, `rare${i}`, 1, 1));
    const fromA = scoreTransitions(rows, 40).filter((t) => t.from === 'a');
    expect(fromA).toHaveLength(TRANSITIONS_PER_ROLE);
    expect(fromA.map((t) => t.to)).not.toContain('z');
  });

  it('when a role shares only common items, then its rarest common items give it candidates', () => {
    // 40 roles; 'mid' is held by 4 roles and 'wide' by 30: both more than 2, so neither is distinctive.
    const rows = [row('a', 'mid', 1, 0.5), row('a', 'wide', 1, 0.1)];
    for (const r of ['b', 'c', 'd']) rows.push(row(r, 'mid', 1, 0.5));
    for (let i = 0; i < 29; i += 1) rows.push(row(`w${i}`, 'wide', 1, 0.1));
    const fromA = scoreTransitions(rows, 40).filter((t) => t.from === 'a');
    // 'mid' gives 3 candidates, fewer than TRANSITIONS_PER_ROLE, so 'wide' adds its 29 holders too.
    expect(new Set(fromA.map((t) => t.to)).size).toBe(TRANSITIONS_PER_ROLE);
    expect(fromA.slice(0, 3).map((t) => t.to)).toEqual(['b', 'c', 'd']);
  });

  it('when a side borrowed its items, then the transition is marked borrowed', () => {
    const rows = [row('a', 'x', 1, 1, true), row('b', 'x', 1, 1)];
    expect(scoreTransitions(rows, 40).every((t) => t.borrowed)).toBe(true);
  });
});

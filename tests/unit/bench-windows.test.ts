import { percentile, rotated } from '../../bench/windows';

describe('the bench windows', () => {
  it('when targets take turns, then each rotation starts one later and wraps', () => {
    const targets = ['api', 'peer', 'floor'];
    expect([0, 1, 2, 3].map((by) => rotated(targets, by))).toEqual([
      ['api', 'peer', 'floor'],
      ['peer', 'floor', 'api'],
      ['floor', 'api', 'peer'],
      ['api', 'peer', 'floor'],
    ]);
    expect(rotated([], 2)).toEqual([]);
    expect(targets).toEqual(['api', 'peer', 'floor']);
  });

  it('when latencies are merged, then the percentile is the nearest rank, in whole ms', () => {
    const ascending = Array.from({ length: 200 }, (_, i) => i + 1.4);
    expect(percentile(ascending, 50)).toBe(100);
    expect(percentile(ascending, 99)).toBe(198);
    expect(percentile(ascending, 100)).toBe(200);
    expect(percentile([3, 9], 1)).toBe(3);
    expect(percentile([7.6], 99)).toBe(8);
    expect(percentile([], 99)).toBe(0);
  });
});

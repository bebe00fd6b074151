import v8 from 'node:v8';
import { applyHeapGrowth } from '../../src/heap';

describe('applyHeapGrowth', () => {
  let setFlags: jest.SpiedFunction<typeof v8.setFlagsFromString>;
  beforeEach(() => {
    // The flag is process-wide; the tests check what is asked of V8, not V8 itself.
    setFlags = jest.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
  });
  afterEach(() => setFlags.mockRestore());

  it('when a percentage is configured, then V8 is given it and the growth names the config', () => {
    expect(applyHeapGrowth(50, [])).toEqual({ percent: 50, from: 'config' });
    expect(setFlags).toHaveBeenCalledTimes(1);
    expect(setFlags).toHaveBeenCalledWith('--heap-growing-percent=50');
  });

  it('when the percentage is 0, then V8 keeps its own factor', () => {
    expect(applyHeapGrowth(0, [])).toEqual({ from: 'v8-default' });
    expect(setFlags).not.toHaveBeenCalled();
  });

  it.each([['--heap-growing-percent=30'], ['--heap_growing_percent=30'], ['--heap-growing-percent']])(
    'when node was started with %s, then that flag wins over the config',
    (flag) => {
      expect(applyHeapGrowth(50, ['--enable-source-maps', flag])).toEqual({ from: 'node-flag' });
      expect(setFlags).not.toHaveBeenCalled();
    },
  );

  it('when node has other flags that only look alike, then the config still applies', () => {
    expect(applyHeapGrowth(40, ['--heap-growing-percentage-x', '--max-semi-space-size=16'])).toEqual({
      percent: 40,
      from: 'config',
    });
    expect(setFlags).toHaveBeenCalledWith('--heap-growing-percent=40');
  });
});

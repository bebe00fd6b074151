import { correlation, pairRounds, rateBands, type Window } from '../../bench/tail-vs-rate';

const window = (target: string, round: number, rps: number, p99: number, workload = 'R1'): Window => ({
  dataset: 'real',
  workload,
  target,
  round,
  rps,
  p50: p99 / 4,
  p99,
});

describe('the p99 against the rate, from results files', () => {
  it('when a round has both the API and the floor, then they are paired; the peer and half rounds are left out', () => {
    const paired = pairRounds('run.json', [
      window('api', 0, 600, 60),
      window('peer', 0, 300, 90),
      window('floor', 0, 1000, 40),
      window('api', 1, 700, 45),
      window('floor', 2, 900, 30),
      window('api', 0, 500, 80, 'W1'),
      window('floor', 0, 1000, 40, 'W1'),
    ]);
    expect(paired).toEqual([
      {
        file: 'run.json',
        dataset: 'real',
        workload: 'R1',
        round: 0,
        rateVsFloor: 0.6,
        p50VsFloor: 1.5,
        p99VsFloor: 1.5,
      },
      { file: 'run.json', dataset: 'real', workload: 'W1', round: 0, rateVsFloor: 0.5, p50VsFloor: 2, p99VsFloor: 2 },
    ]);
  });

  it('when series rise together, fall against each other or do not vary, then the correlation says so', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
    expect(correlation([1, 2, 3], [5, 5, 5])).toBeNaN();
  });

  it('when rounds are banded by rate, then each band counts its rounds within the line and their median', () => {
    const rounds = [0.61, 0.64, 0.66, 0.69, 0.72].map((rate, i) => ({
      file: 'f',
      dataset: 'real',
      workload: 'R1',
      round: i,
      rateVsFloor: rate,
      p50VsFloor: 1,
      p99VsFloor: [1.6, 1.4, 1.4, 1.3, 1.2][i],
    }));
    expect(rateBands(rounds, 0.05, 1.5)).toEqual([
      { from: 0.6, rounds: 2, met: 1, medianP99VsFloor: 1.5 },
      { from: 0.65, rounds: 2, met: 2, medianP99VsFloor: 1.35 },
      { from: 0.7, rounds: 1, met: 1, medianP99VsFloor: 1.2 },
    ]);
  });
});

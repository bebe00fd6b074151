import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GOALS, type WorkloadId } from './workloads';
import { flagValue, ROOT } from './cli';

/**
 * How a workload's p99 against the floor's follows its rate against the floor's, round by round,
 * over committed bench results. Every window is a closed loop of the same connections, so a
 * server's mean latency is connections / rate (Little's law): at 0.6x the floor's rate it answers
 * in about 1 / 0.6 = 1.7x the floor's time, and its p99 follows unless its tail is shaped
 * differently. This shows how far a p99 target is a throughput target in disguise.
 *
 *   node dist/bench/bench/tail-vs-rate.js [--since 2026-12-02] [--workloads R1,W1] [--out FILE]
 */

/** One timed window of one target, as results files keep them in `runs`. */
export interface Window {
  dataset: string;
  workload: string;
  target: string;
  round: number;
  rps: number;
  p50: number;
  p99: number;
}

/** The API's window against the floor's in the same round of the same run. */
export interface Paired {
  file: string;
  dataset: string;
  workload: string;
  round: number;
  rateVsFloor: number;
  p50VsFloor: number;
  p99VsFloor: number;
}

/** The API's and the floor's windows of each round paired up; rounds missing either are left out. */
export function pairRounds(file: string, windows: readonly Window[]): Paired[] {
  const rounds = new Map<string, Partial<Record<'api' | 'floor', Window>>>();
  for (const w of windows) {
    if (w.target !== 'api' && w.target !== 'floor') continue;
    const key = `${w.dataset}|${w.workload}|${w.round}`;
    rounds.set(key, { ...rounds.get(key), [w.target]: w });
  }
  return [...rounds.values()].flatMap(({ api, floor }) =>
    api && floor && floor.rps > 0 && floor.p50 > 0 && floor.p99 > 0
      ? [
          {
            file,
            dataset: api.dataset,
            workload: api.workload,
            round: api.round,
            rateVsFloor: api.rps / floor.rps,
            p50VsFloor: api.p50 / floor.p50,
            p99VsFloor: api.p99 / floor.p99,
          },
        ]
      : [],
  );
}

/** Pearson's correlation of two equally long series; NaN when either does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let [cov, vx, vy] = [0, 0, 0];
  xs.forEach((x, i) => {
    cov += (x - mx) * (ys[i] - my);
    vx += (x - mx) ** 2;
    vy += (ys[i] - my) ** 2;
  });
  return cov / Math.sqrt(vx * vy);
}

export interface Band {
  /** The band's lower edge of the API's rate over the floor's: [from, from + width). */
  from: number;
  rounds: number;
  /** Rounds whose p99 was within the target's multiple of the floor's. */
  met: number;
  medianP99VsFloor: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The rounds grouped by the API's rate over the floor's, in bands of `width`, lowest first. */
export function rateBands(rounds: readonly Paired[], width: number, line: number): Band[] {
  const bands = new Map<number, number[]>();
  for (const r of rounds) {
    const from = round2(Math.floor(r.rateVsFloor / width + 1e-9) * width);
    bands.set(from, [...(bands.get(from) ?? []), r.p99VsFloor]);
  }
  return [...bands.entries()]
    .sort(([a], [b]) => a - b)
    .map(([from, p99s]) => {
      const sorted = [...p99s].sort((a, b) => a - b);
      const middle = (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.floor(sorted.length / 2)]) / 2;
      return { from, rounds: p99s.length, met: p99s.filter((p) => p <= line).length, medianP99VsFloor: round2(middle) };
    });
}

const say = (line: string) => process.stdout.write(`${line}\n`);

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => flagValue(args, name);
  const since = option('--since') ?? '2026-12-02';
  const workloads = (option('--workloads')?.split(',') as WorkloadId[] | undefined) ?? GOALS.p99Workloads;
  const dir = path.join(ROOT, 'bench', 'results');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f.slice(0, 10) >= since)
    .sort();
  const rounds = files.flatMap((file) => {
    const { runs } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { runs?: Window[] };
    return Array.isArray(runs) ? pairRounds(file, runs) : [];
  });
  const summary = workloads.map((workload) => {
    const own = rounds.filter((r) => r.workload === workload);
    return {
      workload,
      rounds: own.length,
      met: own.filter((r) => r.p99VsFloor <= GOALS.p99VsFloor).length,
      // Little's law predicts the p99 ratio from the inverse of the rate ratio.
      correlationP99WithInverseRate: round2(
        correlation(
          own.map((r) => 1 / r.rateVsFloor),
          own.map((r) => r.p99VsFloor),
        ),
      ),
      bands: rateBands(own, 0.05, GOALS.p99VsFloor),
    };
  });
  for (const s of summary) {
    say(
      `${s.workload}: ${s.rounds} rounds, p99 within ${GOALS.p99VsFloor}x the floor in ${s.met}; ` +
        `correlation of the p99 ratio with floor/API rate ${s.correlationP99WithInverseRate}`,
    );
    for (const b of s.bands)
      say(
        `  API at ${b.from.toFixed(2)}-${(b.from + 0.05).toFixed(2)}x the floor's rate: ${b.rounds} rounds, ` +
          `met ${b.met}, median p99 ${b.medianP99VsFloor}x`,
      );
  }
  const out = option('--out');
  if (out)
    writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), since, files, summary }, null, 2) + '\n');
}

if (require.main === module) main();

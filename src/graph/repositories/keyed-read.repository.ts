import * as Q from '../cypher/read.cypher';
import type { Executor } from '../executor';

/** Runs several id-keyed reads in one round trip; see `keyedReads`. */
export class KeyedReadRepository {
  constructor(private readonly executor: Executor) {}

  /** For each read, the values found keyed by id (ids with nothing are absent). */
  async read(requests: readonly { read: Q.KeyedRead; ids: readonly string[] }[]): Promise<Map<string, unknown>[]> {
    const params = Object.fromEntries(
      requests.flatMap((r, i) => [
        [`ids${i}`, [...new Set(r.ids)]],
        [`lean${i}`, r.read.lean],
        [`props${i}`, r.read.read === 'edges' && r.read.properties],
      ]),
    );
    const rows = await this.executor.read(Q.keyedReads(requests.map((r) => r.read)), params);
    const results = requests.map(() => new Map<string, unknown>());
    for (const row of rows) results[row.g as number].set(row.id as string, row.value);
    return results;
  }
}

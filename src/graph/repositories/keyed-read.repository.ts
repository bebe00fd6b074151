import * as Q from '../cypher/read.cypher';
import type { Executor } from '../executor';
import type { NodePlan } from '../read-plan';

/** Runs several id-keyed reads in one round trip; see `keyedReads`. */
export class KeyedReadRepository {
  constructor(private readonly executor: Executor) {}

  /** For each read, the nodes found keyed by id (ids with nothing are absent). */
  async read(requests: readonly { plan: NodePlan; ids: readonly string[] }[]): Promise<Map<string, unknown>[]> {
    const { text, params } = Q.keyedReads(requests.map((r) => r.plan));
    const ids = Object.fromEntries(requests.map((r, i) => [`ids${i}`, [...new Set(r.ids)]]));
    const rows = await this.executor.read(text, { ...params, ...ids });
    const results = requests.map(() => new Map<string, unknown>());
    for (const row of rows) results[row.g as number].set(row.id as string, row.value);
    return results;
  }
}

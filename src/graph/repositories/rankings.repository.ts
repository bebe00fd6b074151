import { z } from 'zod';
import * as Q from '../cypher/rankings.cypher';
import { knownFilter } from '../cypher/read.cypher';
import type { Executor } from '../executor';
import { cypherInt } from '../mapping';
import type { NodePlan } from '../read-plan';
import { plannedNodes, type NodeRecord, type RoleRecord } from '../records';

export interface RankedItemRecord {
  item: NodeRecord;
  roleCount: number;
  hotCount: number;
}
export interface RankedRoleRecord {
  role: RoleRecord;
  pay: number;
  median: boolean;
}

const itemRanking = z.object({
  roleCount: z.number(),
  items: z.array(z.object({ item: z.unknown(), roleCount: z.number(), hotCount: z.number() })),
});
const payRanking = z.object({
  comparedCount: z.number(),
  roles: z.array(z.object({ role: z.unknown(), pay: z.number(), median: z.boolean() })),
});

/** Rankings computed in the database, each in one statement with what the client reads of the nodes. */
export class RankingRepository {
  constructor(private readonly executor: Executor) {}

  async items(
    kind: Q.RankedKind,
    plan: NodePlan,
    among: Record<string, unknown> | null | undefined,
    order: Q.ItemOrder,
    first: number,
  ): Promise<{ roleCount: number; items: RankedItemRecord[] }> {
    const filter = knownFilter('ROLE', among);
    const { text, params } = Q.rankItems(kind, plan, Object.keys(filter).sort(), order);
    const [row] = await this.executor.read(text, { ...params, filter, first: cypherInt(first) });
    const { roleCount, items } = itemRanking.parse(row);
    const nodes = plannedNodes(items.map((i) => i.item));
    return { roleCount, items: items.map((i, n) => ({ ...i, item: nodes[n] })) };
  }

  async rolesByPay(
    plan: NodePlan,
    filterIn: Record<string, unknown> | null | undefined,
    pay: { currency: string; period: string; basis: string },
    first: number,
  ): Promise<{ comparedCount: number; roles: RankedRoleRecord[] }> {
    const filter = knownFilter('ROLE', filterIn);
    const { text, params } = Q.rankRolesByPay(plan, Object.keys(filter).sort());
    const [row] = await this.executor.read(text, { ...params, ...pay, filter, first: cypherInt(first) });
    const { comparedCount, roles } = payRanking.parse(row);
    const nodes = plannedNodes<RoleRecord>(roles.map((r) => r.role));
    return { comparedCount, roles: roles.map((r, n) => ({ ...r, role: nodes[n] })) };
  }
}

import { BadUserInputError } from '../errors';
import type { ItemOrder, RankedKind } from '../graph/cypher/rankings.cypher';
import type { NodePlan } from '../graph/read-plan';
import type { RankingRepository } from '../graph/repositories/rankings.repository';
import { currencySchema } from '../model/rules';

/** A ranking's share: how many of the roles compared have the item (0 when no role is compared). */
const shareOf = (count: number, of: number) => (of === 0 ? 0 : count / of);

/**
 * Rankings over roles: the items most used among a set of roles, the best-paid roles. Counted
 * and ordered in the database; the rules owned here are what is compared with what (pay only
 * like for like: one currency, period and basis) and what a share is.
 */
export class RankingService {
  constructor(private readonly rankings: RankingRepository) {}

  async items(
    kind: RankedKind,
    plan: NodePlan,
    among: Record<string, unknown> | null | undefined,
    order: ItemOrder,
    first: number,
  ) {
    const { roleCount, items } = await this.rankings.items(kind, plan, among, order, first);
    return { roleCount, items: items.map((i) => ({ ...i, share: shareOf(i.roleCount, roleCount) })) };
  }

  rolesByPay(
    plan: NodePlan,
    filter: Record<string, unknown> | null | undefined,
    pay: { currency: string; period: string; basis: string },
    first: number,
  ) {
    const currency = currencySchema.safeParse(pay.currency);
    if (!currency.success) throw BadUserInputError.of('currency', currency.error.issues[0].message);
    return this.rankings.rolesByPay(plan, filter, pay, first);
  }
}

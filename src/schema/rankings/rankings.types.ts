import { Max, Min } from 'class-validator';
import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ITEM_ORDERS, RANKED_KINDS, type ItemOrder, type RankedKind as Kind } from '../../graph/cypher/rankings.cypher';
import type { NodeRecord, RoleRecord } from '../../graph/records';
import { Role } from '../role/role.type';
import { enumOf, SalaryBasis, SalaryPeriod } from '../shared/enums';
import { RoleFilter } from '../shared/filters.input';
import { NodeInterface } from '../shared/node.interface';

export const RankedKind = enumOf(RANKED_KINDS);
registerEnumType(RankedKind, { name: 'RankedKind', description: 'The kinds of item roles use or require.' });

export const ItemRankOrder = enumOf(Object.keys(ITEM_ORDERS) as ItemOrder[]);
registerEnumType(ItemRankOrder, {
  name: 'ItemRankOrder',
  description: 'How items are ranked.',
  valuesConfig: {
    ROLE_COUNT: { description: 'Most roles first (then most flagged hot).' },
    HOT_COUNT: { description: 'Most roles for which O*NET flags it a hot technology first (then most roles).' },
  },
});

@ArgsType()
export class RankItemsArgs {
  @Field(() => RankedKind)
  kind!: Kind;

  @Field(() => RoleFilter, { nullable: true, description: 'The roles compared (all roles when absent).' })
  among?: RoleFilter | null;

  @Field(() => ItemRankOrder, { defaultValue: 'ROLE_COUNT' })
  orderBy: ItemOrder = 'ROLE_COUNT';

  @Field(() => Int, { defaultValue: 10, description: 'How many items: 1 to 100.' })
  @Min(1)
  @Max(100)
  first = 10;
}

@ArgsType()
export class RankRolesByPayArgs {
  @Field(() => RoleFilter, { nullable: true, description: 'The roles compared (all roles when absent).' })
  filter?: RoleFilter | null;

  @Field(() => String, { defaultValue: 'USD', description: 'Only pay stated in this ISO 4217 currency.' })
  currency = 'USD';

  @Field(() => SalaryPeriod, { defaultValue: SalaryPeriod.YEAR, description: 'Only pay stated per this period.' })
  period: SalaryPeriod = SalaryPeriod.YEAR;

  @Field(() => SalaryBasis, {
    defaultValue: SalaryBasis.BASE,
    description: 'Only pay on this basis (base pay is not ranked with total pay).',
  })
  basis: SalaryBasis = SalaryBasis.BASE;

  @Field(() => Int, { defaultValue: 10, description: 'How many roles: 1 to 100.' })
  @Min(1)
  @Max(100)
  first = 10;
}

@ObjectType({ description: 'An item and how many of the compared roles have it.' })
export class RankedItem {
  @Field(() => NodeInterface)
  item!: NodeRecord;

  @Field(() => Int, { description: 'How many of the compared roles use or require it.' })
  roleCount!: number;

  @Field(() => Float, { description: 'roleCount divided by the number of roles compared (0..1).' })
  share!: number;

  @Field(() => Int, { description: 'Of those, how many O*NET flags it a hot technology for.' })
  hotCount!: number;
}

@ObjectType({ description: 'Items ranked over a set of roles, counted in the database.' })
export class ItemRanking {
  @Field(() => Int, { description: 'How many roles were compared.' })
  roleCount!: number;

  @Field(() => [RankedItem])
  items!: RankedItem[];
}

@ObjectType({ description: 'A role and the pay it is ranked by.' })
export class RankedRole {
  @Field(() => Role)
  role!: RoleRecord;

  @Field(() => Float, { description: 'The median, or the middle of the range where no median is stated.' })
  pay!: number;

  @Field({ description: 'Whether `pay` is a stated median (false: the middle of the range).' })
  median!: boolean;
}

@ObjectType({ description: 'Roles ranked by pay, like compared with like.' })
export class PayRanking {
  @Field(() => Int, { description: 'How many roles have pay in the currency, period and basis asked.' })
  comparedCount!: number;

  @Field(() => [RankedRole])
  roles!: RankedRole[];
}

import { registerEnumType } from 'type-graphql';
import { NODE_KINDS, type NodeKind as ModelNodeKind } from '../../model/kinds';

/** A GraphQL enum whose values are `names`, each its own value (names declared once elsewhere). */
export const enumOf = <K extends string>(names: readonly K[]) =>
  Object.fromEntries(names.map((n) => [n, n])) as { [P in K]: P };

export const NodeKind = enumOf(Object.keys(NODE_KINDS) as ModelNodeKind[]);
registerEnumType(NodeKind, { name: 'NodeKind', description: 'The kinds of node in the career graph.' });

export enum Track {
  IC = 'IC',
  MANAGEMENT = 'MANAGEMENT',
}
registerEnumType(Track, {
  name: 'Track',
  description: 'Career track.',
  valuesConfig: {
    IC: { description: 'Individual contributor: grows through technical scope.' },
    MANAGEMENT: { description: 'Grows through leading people and teams.' },
  },
});

export enum SalaryPeriod {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  HOUR = 'HOUR',
}
registerEnumType(SalaryPeriod, { name: 'SalaryPeriod', description: 'The period a salary figure covers.' });

export enum SalaryBasis {
  BASE = 'BASE',
  TOTAL = 'TOTAL',
}
registerEnumType(SalaryBasis, {
  name: 'SalaryBasis',
  description: 'BASE: base pay only; TOTAL: including bonus and equity.',
});

import { registerEnumType } from 'type-graphql';
import { NODE_KINDS, type NodeKind as ModelNodeKind } from '../../model/kinds';

export const NodeKind = Object.fromEntries(Object.keys(NODE_KINDS).map((k) => [k, k])) as {
  [K in ModelNodeKind]: K;
};
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

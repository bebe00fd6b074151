// The explorer's GraphQL operations: written in operations.graphql, typed by GraphQL Code
// Generator from schema/schema.graphql into operations.generated.ts (`npm run codegen`;
// `npm test` fails when that file is stale). Nothing here is typed by hand: the names below are
// derived from the generated types.
//
// This file has no DOM dependency (the tests import it under Node).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ExplorerCompareDocument,
  ExplorerGapDocument,
  ExplorerKindDocument,
  ExplorerLeastEffortDocument,
  ExplorerMatchRolesDocument,
  ExplorerTransitionsDocument,
  ExplorerNeighbourhoodDocument,
  ExplorerPickItemsDocument,
  ExplorerRolesDocument,
  ExplorerRoutesDocument,
  ExplorerSearchDocument,
  type ExplorerLeastEffortQuery,
  type FitFragment,
  type WeightedFragment,
  type ExplorerPickItemsQuery,
  type ExplorerTransitionsQuery,
  type ProfileInput,
  type ExplorerCompareQuery,
  type ExplorerNeighbourhoodQuery,
  type ExplorerNeighbourhoodQueryVariables,
  type ExplorerRolesQuery,
  type ExplorerRoutesQuery,
  type RefFragment,
  type StatedFragment,
  type TransitionKind,
} from './operations.generated';

export type { TransitionKind };

export {
  ExplorerSearchDocument as SearchNodes,
  ExplorerKindDocument as KindOf,
  ExplorerNeighbourhoodDocument as Neighbourhood,
  ExplorerRolesDocument as RoleList,
  ExplorerRoutesDocument as Routes,
  ExplorerCompareDocument as Compare,
  ExplorerPickItemsDocument as PickItems,
  ExplorerLeastEffortDocument as LeastEffort,
  ExplorerMatchRolesDocument as MatchRoles,
  ExplorerGapDocument as Gap,
  ExplorerTransitionsDocument as Transitions,
};

export type { ProfileInput };
/** Something a profile can hold. */
export type PickableKind = ExplorerPickItemsQuery['search'][number]['node']['__typename'];
export type FitResult = FitFragment;
export type Weighted = WeightedFragment;
export type TransitionResult = ExplorerTransitionsQuery['transitions'][number];
export type RouteResult = NonNullable<ExplorerLeastEffortQuery['leastEffortRoute']>;

export type NodeRef = RefFragment;
/** The node a neighbourhood lookup found: ids are unique across kinds, so at most one answers. */
export type AnyNeighbourhood = NonNullable<ExplorerNeighbourhoodQuery[keyof ExplorerNeighbourhoodQuery]>;
export type NodeKind = AnyNeighbourhood['__typename'];
/** A source that states a node or a link, with its release and its own id for it. */
export type Stated = StatedFragment;
/** The relationship lists of a neighbourhood, each with its own page size. */
export type RelationField = Exclude<keyof ExplorerNeighbourhoodQueryVariables, 'id' | Lowercase<NodeKind>>;
export type PageSizes = Partial<Record<RelationField, number>>;
export type RoleListResult = ExplorerRolesQuery;
export type CareerPath = ExplorerRoutesQuery['progressionPaths'][number];
export type Money = NonNullable<CareerPath['salaryChange']>;
export type CompareResult = ExplorerCompareQuery;
export type Overlap = CompareResult['compareRoles']['tools'];

/** Every operation the explorer sends. */
export const allOperations: TypedDocumentNode<unknown, never>[] = [
  ExplorerSearchDocument,
  ExplorerKindDocument,
  ExplorerNeighbourhoodDocument,
  ExplorerRolesDocument,
  ExplorerRoutesDocument,
  ExplorerCompareDocument,
  ExplorerPickItemsDocument,
  ExplorerLeastEffortDocument,
  ExplorerMatchRolesDocument,
  ExplorerGapDocument,
  ExplorerTransitionsDocument,
];

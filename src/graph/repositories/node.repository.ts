import type { NodeKind, NodeLabel } from '../../model/kinds';
import * as Q from '../cypher/read.cypher';
import type { Executor } from '../executor';
import { cypherInt } from '../mapping';
import { joinShared, type NodePlan } from '../read-plan';
import { pageRow, plannedNodes, searchHits, type NodeRecord, type PageRecord, type SearchHitRecord } from '../records';

/** Filter values by key: a property filter or a relationship filter of the kind (see `filterCondition`). */
export type ListFilter = Record<string, string | number | null | undefined>;

export interface ListQuery {
  first: number;
  after?: { name: string; id: string };
  filter?: ListFilter;
}

export class NodeRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of the plan's kind, each node as the plan reads it. */
  async list<T extends NodeRecord>(plan: NodePlan, query: ListQuery): Promise<PageRecord<T>> {
    const filter = Q.knownFilter(plan.kind, query.filter);
    const { text, params } = Q.listNodes(plan, Object.keys(filter).sort());
    const [row] = await this.executor.read(text, {
      ...params,
      filter,
      after: query.after ?? null,
      first: cypherInt(query.first),
    });
    const { page, shared, hasNextPage, totalCount } = pageRow.parse(row);
    const nodes = plannedNodes<T>(page);
    joinShared(nodes, plan, shared);
    return { nodes, hasNextPage, totalCount };
  }

  /** `query` must already be a safe Lucene query; see search-query.ts. Each hit as its kind's plan reads it. */
  async search(
    query: string,
    labels: NodeLabel[] | null,
    limit: number,
    plans: Record<NodeKind, NodePlan>,
  ): Promise<SearchHitRecord[]> {
    const { text, params } = Q.search(plans, labels !== null);
    const rows = await this.executor.read(text, {
      ...params,
      query,
      labels,
      limit: cypherInt(limit),
    });
    return searchHits(rows);
  }
}

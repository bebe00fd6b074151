import { z } from 'zod';
import type { NodeKind, NodeLabel } from '../../model/kinds';
import * as Q from '../cypher/read.cypher';
import type { Executor } from '../executor';
import { cypherInt } from '../mapping';
import { searchHitRecord, type NodeRecord, type PageRecord, type SearchHitRecord } from '../records';

export type ListFilter = Partial<Record<Q.FilterKey, string | number>>;

export interface ListQuery {
  first: number;
  after?: { name: string; id: string };
  filter?: ListFilter;
  /** Read only the nodes' `__typename`, `id` and `name`. */
  lean?: boolean;
}

export class NodeRepository {
  constructor(private readonly executor: Executor) {}

  async list<T extends NodeRecord>(kind: NodeKind, query: ListQuery): Promise<PageRecord<T>> {
    const filter = Object.fromEntries(
      Object.entries(query.filter ?? {}).filter(([, v]) => v !== undefined && v !== null),
    ) as ListFilter;
    const keys = (Object.keys(filter) as Q.FilterKey[]).filter((k) => Object.hasOwn(Q.FILTER_CONDITIONS, k)).sort();
    // One extra row tells whether another page follows without a second query.
    const [row] = await this.executor.read(Q.listNodes(kind, keys), {
      filter,
      after: query.after ?? null,
      limit: cypherInt(query.first + 1),
      lean: query.lean ?? false,
    });
    const page = row.page as T[];
    return {
      nodes: page.slice(0, query.first),
      hasNextPage: page.length > query.first,
      totalCount: row.totalCount as number,
    };
  }

  /** `query` must already be a safe Lucene query; see search-query.ts. `lean` as for `list`. */
  async search(query: string, labels: NodeLabel[] | null, limit: number, lean = false): Promise<SearchHitRecord[]> {
    const rows = await this.executor.read(Q.SEARCH, { query, labels, limit: cypherInt(limit), lean });
    return z.array(searchHitRecord).parse(rows);
  }
}

import { BadUserInputError } from '../errors';
import type { ListQuery, NodeRepository } from '../graph/repositories/node.repository';
import type { SystemRepository } from '../graph/repositories/system.repository';
import type { NodePlan } from '../graph/read-plan';
import type { NodeRecord, PageRecord, SearchHitRecord } from '../graph/records';
import { toLuceneQuery } from '../graph/search-query';
import { labelOf, type NodeKind } from '../model/kinds';

/** Lists, search and what the database is: reads that take no domain rule beyond their arguments. */
export class CatalogService {
  constructor(
    private readonly nodes: NodeRepository,
    private readonly system: SystemRepository,
  ) {}

  /** One page of the plan's kind, each node as the plan reads it. */
  list<T extends NodeRecord>(plan: NodePlan, query: ListQuery): Promise<PageRecord<T>> {
    return this.nodes.list<T>(plan, query);
  }

  /** Full-text search; blank text is refused, text with nothing searchable finds nothing. */
  async search(text: string, kinds: NodeKind[] | null | undefined, first: number, plans: Record<NodeKind, NodePlan>) {
    if (text.trim().length === 0) throw BadUserInputError.of('text', 'must not be blank');
    const query = toLuceneQuery(text);
    if (query === null) return [] as SearchHitRecord[];
    const labels = kinds && kinds.length > 0 ? [...new Set(kinds)].map(labelOf) : null;
    return this.nodes.search(query, labels, first, plans);
  }

  dbInfo() {
    return this.system.dbInfo();
  }

  /** What the imports have loaded, one entry per publisher; none before the first import. */
  dataSources() {
    return this.system.dataSources();
  }
}

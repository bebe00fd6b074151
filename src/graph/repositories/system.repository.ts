import type { Executor } from '../executor';
import type { NodeKind } from '../../model/kinds';
import { DB_INFO, GRAPH_COUNTS } from '../cypher/system.cypher';

export interface DbInfoRecord {
  name: string;
  version: string;
  edition: string;
}

export interface GraphCountsRecord {
  nodes: Record<NodeKind, number>;
  relationships: number;
}

export class SystemRepository {
  constructor(private readonly executor: Executor) {}

  async dbInfo(): Promise<DbInfoRecord> {
    const [row] = await this.executor.read(DB_INFO);
    return row.info as DbInfoRecord;
  }

  async graphCounts(): Promise<GraphCountsRecord> {
    const [row] = await this.executor.read(GRAPH_COUNTS);
    return { nodes: row.nodes as GraphCountsRecord['nodes'], relationships: row.relationships as number };
  }
}

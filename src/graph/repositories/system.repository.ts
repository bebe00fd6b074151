import type { Executor } from '../executor';
import type { NodeKind } from '../../model/kinds';
import { DERIVED_TYPES } from '../../model/relationships';
import { z } from 'zod';
import { DATA_SOURCES, DB_INFO, GRAPH_COUNTS } from '../cypher/system.cypher';

export interface DbInfoRecord {
  name: string;
  version: string;
  edition: string;
}

export interface GraphCountsRecord {
  nodes: Record<NodeKind, number>;
  /** The facts: relationships of the stated types (and any the model does not know). */
  relationships: number;
  /** Relationships the product computed from the facts (the table's derived types). */
  derived: number;
}

/** The stored counts: distinct publisher ids per node kind, as JSON text of `{ "ROLE": n, ... }`. */
const storedCounts = z
  .string()
  .nullable()
  .transform((text) => Object.entries(z.record(z.string(), z.number()).parse(JSON.parse(text ?? '{}'))))
  .transform((entries) => entries.map(([kind, count]) => ({ kind, count })));

const dataSourceRecord = z.object({
  key: z.string(),
  name: z.string(),
  version: z.string(),
  licence: z.string().nullable(),
  attribution: z.string().nullable(),
  loadedAt: z.string().nullable(),
  state: z.enum(['COMPLETE', 'INCOMPLETE']),
  counts: storedCounts,
});
export type DataSourceRecord = z.infer<typeof dataSourceRecord>;

export class SystemRepository {
  constructor(private readonly executor: Executor) {}

  async dbInfo(): Promise<DbInfoRecord> {
    const [row] = await this.executor.read(DB_INFO);
    return row.info as DbInfoRecord;
  }

  async graphCounts(): Promise<GraphCountsRecord> {
    const [row] = await this.executor.read(GRAPH_COUNTS, { derived: DERIVED_TYPES });
    return {
      nodes: row.nodes as GraphCountsRecord['nodes'],
      relationships: row.relationships as number,
      derived: row.derived as number,
    };
  }

  async dataSources(): Promise<DataSourceRecord[]> {
    const rows = await this.executor.read(DATA_SOURCES);
    return rows.map((row) => dataSourceRecord.parse(row.source));
  }
}

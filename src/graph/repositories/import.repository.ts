import { z } from 'zod';
import { NODE_KINDS, NODE_KIND_NAMES, labelOf, type NodeKind } from '../../model/kinds';
import { RELATIONSHIPS, STATED_TYPES, specOf, type RelationshipType } from '../../model/relationships';
import type { EntityFact, GraphFile, RelationshipFact, RelationshipProperties, RoleFact } from '../../model/rules';
import { factToProps, propsToFact, relationshipToProps } from '../codecs';
import * as Q from '../cypher/import.cypher';
import { TAKE_SEED_LOCK } from '../cypher/meta.cypher';
import type { Executor, Row, TxWork } from '../executor';
import { mergeEdges, mergeNodes, type BatchCounts, type CompareFn, type MergeFn } from './import-sources.repository';

export interface WriteCounts {
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
}

export interface WriteOptions {
  /** Empty the graph first, in the same transaction as the load. */
  reset?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Merge each fact with what the graph holds instead of replacing it (src/import/merge.ts):
   * what other sources state of a fact stays.
   */
  merging?: { merge: MergeFn; same: CompareFn };
}

/** Node and relationship facts grouped for writing. */
export interface GraphBatch {
  nodes: { kind: NodeKind; facts: (RoleFact | EntityFact)[] }[];
  relationships: RelationshipFact[];
}

const DEFAULT_BATCH = 1000;

export class ImportRepository {
  constructor(private readonly executor: Executor) {}

  async countNodes(): Promise<number> {
    const [row] = await this.executor.read(Q.COUNT_NODES);
    return row.count as number;
  }

  /** What a reset would delete: the model's nodes and the relationships between them. */
  async countGraph(): Promise<{ nodes: number; relationships: number }> {
    const [row] = await this.executor.read(Q.COUNT_GRAPH);
    return { nodes: row.nodes as number, relationships: row.relationships as number };
  }

  /** Of the given ids of one kind, those that exist in the graph. */
  async existingIds(kind: NodeKind, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.executor.read(Q.existingIds(labelOf(kind)), { ids });
    return new Set(rows.map((r) => r.id as string));
  }

  /** Writes everything in one transaction, in UNWIND batches: all of it commits or none does. */
  write(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteCounts> {
    return this.executor.writeTransaction((run) => writeBatch(run, batch, options));
  }

  /**
   * Writes the batch only if the graph has none of the model's nodes, else returns null. The
   * check runs under a lock on a database node taken first in the same transaction, so of
   * several processes seeding an empty graph at once one writes and the others find it full.
   */
  writeIntoEmpty(batch: GraphBatch, options: WriteOptions = {}): Promise<WriteCounts | null> {
    return this.executor.writeTransaction(async (run) => {
      await run(TAKE_SEED_LOCK);
      const [row] = await run(Q.COUNT_NODES);
      if ((row.count as number) > 0) return null;
      return writeBatch(run, batch, options);
    });
  }

  /** The whole graph in the data-file format, in a stable order, read in one transaction so that every edge's ends are in the same snapshot. */
  exportAll(): Promise<GraphFile> {
    return this.executor.readTransaction(async (run) => {
      const file: GraphFile = { version: 1 };
      for (const kind of NODE_KIND_NAMES) {
        const rows = propsRows.parse(await run(Q.exportNodes(labelOf(kind))));
        if (rows.length === 0) continue;
        if (kind === 'ROLE') file.roles = rows.map((r) => propsToFact(kind, r.props));
        else file[NODE_KINDS[kind].fileKey] = rows.map((r) => propsToFact(kind, r.props));
      }
      const relationships: RelationshipFact[] = [];
      // A snapshot holds the facts: derived types are recomputed by the import that reads it.
      for (const type of STATED_TYPES) {
        const spec = RELATIONSHIPS[type];
        const rows = relationshipRows.parse(
          await run(Q.exportRelationships(type, labelOf(spec.from), labelOf(spec.to))),
        );
        // One at a time: a spread of a full-size export's rows would overflow the call stack.
        for (const row of rows) relationships.push(rowToRelationship(type, row));
      }
      if (relationships.length > 0) file.relationships = relationships;
      return file;
    });
  }
}

type Run = Parameters<TxWork<unknown>>[0];

async function writeBatch(run: Run, batch: GraphBatch, options: WriteOptions): Promise<WriteCounts> {
  const size = options.batchSize ?? DEFAULT_BATCH;
  const total = batch.nodes.reduce((n, g) => n + g.facts.length, 0) + batch.relationships.length;
  const counts: WriteCounts = { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 };
  let done = 0;
  const step = (rows: Row[] | BatchCounts, n: number) => {
    done += n;
    options.onProgress?.(done, total);
    return Array.isArray(rows) ? (rows[0] ?? { created: 0, updated: 0 }) : rows;
  };
  if (options.reset) await run(Q.DELETE_ALL);

  const { merging } = options;
  for (const { kind, facts } of batch.nodes) {
    for (const chunk of chunks(facts, size)) {
      const rows = chunk.map((fact) => ({ id: fact.id, props: factToProps(kind, fact) }));
      const result = merging
        ? step(await mergeNodes(run, kind, rows, merging.merge, merging.same), chunk.length)
        : step(await run(Q.mergeNodes(labelOf(kind)), { rows }), chunk.length);
      counts.nodesCreated += result.created as number;
      counts.nodesUpdated += result.updated as number;
    }
  }
  for (const type of STATED_TYPES) {
    const spec = RELATIONSHIPS[type];
    const ofType = batch.relationships.filter((r) => r.type === type);
    for (const chunk of chunks(ofType, size)) {
      const rows = chunk.map((r) => ({ from: r.from, to: r.to, props: relationshipToProps(r) }));
      const cypher = Q.mergeRelationships(type, labelOf(spec.from), labelOf(spec.to));
      const result = merging
        ? step(await mergeEdges(run, type, rows, merging.merge, merging.same), chunk.length)
        : step(await run(cypher, { rows }), chunk.length);
      counts.relationshipsCreated += result.created as number;
      counts.relationshipsUpdated += result.updated as number;
    }
  }
  return counts;
}

/* Row codecs of the export statements. */
const propsRows = z.array(z.object({ props: z.record(z.string(), z.unknown()) }));
const relationshipRows = z.array(
  z.object({
    from: z.string(),
    to: z.string(),
    props: z
      .object({ sources: z.array(z.string()), provenance: z.array(z.string()).optional() })
      .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
);

function rowToRelationship(type: RelationshipType, row: z.infer<typeof relationshipRows>[number]): RelationshipFact {
  const { sources, provenance, ...stored } = row.props;
  const names = ['note', ...Object.keys(specOf(type).properties)];
  const properties: RelationshipProperties = {};
  for (const [k, v] of Object.entries(stored))
    if (names.includes(k) && v !== undefined && v !== null) properties[k] = v;
  return {
    type,
    from: row.from,
    to: row.to,
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    sources,
    ...(provenance ? { provenance } : {}),
  };
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

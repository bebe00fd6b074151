import { NODE_KIND_NAMES, labelOf, type NodeKind } from '../../model/kinds';
import { RELATIONSHIPS, type RelationshipType } from '../../model/relationships';
import { storedRelationshipProps, type StoredProps } from '../codecs';
import * as Q from '../cypher/import-sources.cypher';
import { TAKE_SEED_LOCK } from '../cypher/meta.cypher';
import { COUNT_NODES } from '../cypher/import.cypher';
import type { Executor, TxWork } from '../executor';
import { cypherInt } from '../mapping';

/** A node as the identity rule and the role lookups see it. */
export interface KnownGraphNode {
  kind: NodeKind;
  id: string;
  name: string;
  aliases: string[];
  provenance: string[];
  onetCode?: string;
  escoUri?: string;
}

/** The merge of a stored fact (undefined when new) with what the import states of it. */
export type MergeFn = (existing: StoredProps | undefined, incoming: StoredProps) => StoredProps;
export type CompareFn = (existing: StoredProps | undefined, merged: StoredProps) => boolean;

/** What is left of a node the retiring sources no longer state. */
export interface RetiredNode {
  id: string;
  provenance: string[];
  sources: string[];
  cleared: Record<string, null>;
}

export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface EdgeRow {
  from: string;
  to: string;
  props: StoredProps;
}

export interface StatedFact {
  id: string;
  from?: string;
  to?: string;
  provenance: string[];
}

export interface DataSourceInfo {
  key: string;
  source: string;
  version: string;
  licence: string;
  attribution: string;
}

/** Node properties Neo4j keeps as integers (JavaScript numbers would be stored as floats). */
const INT_NODE_PROPERTIES = new Set(['level', 'jobZone']);
const storedNodeProps = (props: StoredProps): StoredProps =>
  Object.fromEntries(
    Object.entries(props).map(([k, v]) => [k, INT_NODE_PROPERTIES.has(k) && typeof v === 'number' ? cypherInt(v) : v]),
  );

const ends = (type: RelationshipType) => {
  const spec = RELATIONSHIPS[type];
  return [type, labelOf(spec.from), labelOf(spec.to)] as const;
};

/**
 * The writes of a publisher import: each batch is one transaction that reads what it will
 * touch, merges, and writes only what changed, so a re-run of the same files writes nothing
 * and a batch is always whole (a node with all its properties, an edge with both ends).
 */
export class ImportSourcesRepository {
  constructor(private readonly executor: Executor) {}

  async knownNodes(): Promise<KnownGraphNode[]> {
    const out: KnownGraphNode[] = [];
    for (const kind of NODE_KIND_NAMES) {
      for (const row of await this.executor.read(Q.knownNodes(labelOf(kind)))) {
        out.push({
          kind,
          id: row.id as string,
          name: row.name as string,
          aliases: row.aliases as string[],
          provenance: row.provenance as string[],
          ...(row.onetCode ? { onetCode: row.onetCode as string } : {}),
          ...(row.escoUri ? { escoUri: row.escoUri as string } : {}),
        });
      }
    }
    return out;
  }

  writeNodes(kind: NodeKind, rows: NodeRow[], merge: MergeFn, same: CompareFn): Promise<BatchCounts> {
    return this.executor.writeTransaction((run) => mergeNodes(run, kind, rows, merge, same));
  }

  writeEdges(type: RelationshipType, rows: EdgeRow[], merge: MergeFn, same: CompareFn): Promise<BatchCounts> {
    return this.executor.writeTransaction((run) => mergeEdges(run, type, rows, merge, same));
  }

  /** The nodes of a kind that one of the sources states (by the start of their provenance entries). */
  async nodesStatedBy(kind: NodeKind, prefixes: string[]): Promise<StatedFact[]> {
    const rows = await this.executor.read(Q.nodesStatedBy(labelOf(kind)), { prefixes });
    return rows.map((r) => ({ id: r.id as string, provenance: r.provenance as string[] }));
  }

  async edgesStatedBy(type: RelationshipType, prefixes: string[]): Promise<StatedFact[]> {
    const rows = await this.executor.read(Q.edgesStatedBy(...ends(type)), { prefixes });
    return rows.map((r) => ({
      id: `${r.from as string}|${r.to as string}`,
      from: r.from as string,
      to: r.to as string,
      provenance: r.provenance as string[],
    }));
  }

  /** `cleared`: the properties the retiring sources owned, as nulls (removed). */
  async retireNodes(kind: NodeKind, rows: RetiredNode[]): Promise<void> {
    if (rows.length > 0) await this.executor.write(Q.retireNodes(labelOf(kind)), { rows });
  }

  async retireEdges(
    type: RelationshipType,
    rows: { from: string; to: string; provenance: string[]; sources: string[] }[],
  ): Promise<void> {
    if (rows.length > 0) await this.executor.write(Q.retireEdges(...ends(type)), { rows });
  }

  /** Each ESCO role's crosswalk equivalents: O*NET codes with the crosswalk's confidence. */
  async crosswalkEquivalents(): Promise<Map<string, { onetCode: string; confidence: number }[]>> {
    const out = new Map<string, { onetCode: string; confidence: number }[]>();
    for (const row of await this.executor.read(Q.CROSSWALK_EQUIVALENTS)) {
      const id = row.id as string;
      out.set(id, [...(out.get(id) ?? []), { onetCode: row.onetCode as string, confidence: row.confidence as number }]);
    }
    return out;
  }

  async startDataSources(sources: DataSourceInfo[]): Promise<void> {
    await this.executor.writeTransaction(async (run) => {
      for (const s of sources) await run(Q.START_DATA_SOURCE, { ...s });
    });
  }

  /**
   * The default load's claim on an empty database: under the seeding lock, if the graph has
   * none of the model's nodes and no data source, marks the sources INCOMPLETE and returns
   * true. Of several processes starting at once on an empty database, one claims it.
   */
  claimEmpty(sources: DataSourceInfo[]): Promise<boolean> {
    return this.executor.writeTransaction(async (run) => {
      await run(TAKE_SEED_LOCK);
      const [nodes] = await run(COUNT_NODES);
      const [loading] = await run(Q.COUNT_DATA_SOURCES);
      if ((nodes.count as number) > 0 || (loading.count as number) > 0) return false;
      for (const s of sources) await run(Q.START_DATA_SOURCE, { ...s });
      return true;
    });
  }

  async finishDataSource(key: string, counts: Record<string, number>, facts: Record<string, number>): Promise<void> {
    await this.executor.write(Q.FINISH_DATA_SOURCE, {
      key,
      counts: JSON.stringify(counts),
      facts: JSON.stringify(facts),
    });
  }

  async dataSources(): Promise<{ key: string; state: string; counts: Record<string, number> }[]> {
    const rows = await this.executor.read(Q.DATA_SOURCES);
    return rows.map((r) => ({
      key: r.key as string,
      state: r.state as string,
      counts: r.counts ? (JSON.parse(r.counts as string) as Record<string, number>) : {},
    }));
  }
}

type Run = Parameters<TxWork<unknown>>[0];

export interface NodeRow {
  id: string;
  props: StoredProps;
}

/**
 * Merges a batch of nodes of one kind into the graph inside transaction `run`: reads what the
 * batch touches, merges each statement with what is stored, writes only what changed.
 */
export async function mergeNodes(
  run: Run,
  kind: NodeKind,
  rows: NodeRow[],
  merge: MergeFn,
  same: CompareFn,
): Promise<BatchCounts> {
  const label = labelOf(kind);
  const stored = new Map(
    (await run(Q.readNodes(label), { ids: rows.map((r) => r.id) })).map((r) => [
      r.id as string,
      r.props as StoredProps,
    ]),
  );
  const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0 };
  const changed: NodeRow[] = [];
  for (const row of rows) {
    const existing = stored.get(row.id);
    const merged = merge(existing, { id: row.id, ...row.props });
    if (same(existing, merged)) counts.unchanged += 1;
    else {
      counts[existing === undefined ? 'created' : 'updated'] += 1;
      changed.push({ id: row.id, props: storedNodeProps(merged) });
    }
  }
  if (changed.length > 0) await run(Q.writeNodes(label), { rows: changed });
  return counts;
}

/** As mergeNodes, for a batch of edges of one type whose ends exist. */
export async function mergeEdges(
  run: Run,
  type: RelationshipType,
  rows: EdgeRow[],
  merge: MergeFn,
  same: CompareFn,
): Promise<BatchCounts> {
  const key = (from: string, to: string) => `${from}|${to}`;
  const stored = new Map(
    (await run(Q.readEdges(...ends(type)), { rows: rows.map(({ from, to }) => ({ from, to })) })).map((r) => [
      key(r.from as string, r.to as string),
      r.props as StoredProps,
    ]),
  );
  const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0 };
  const changed: EdgeRow[] = [];
  for (const row of rows) {
    const existing = stored.get(key(row.from, row.to));
    const merged = merge(existing, row.props);
    if (same(existing, merged)) counts.unchanged += 1;
    else {
      counts[existing === undefined ? 'created' : 'updated'] += 1;
      changed.push({ from: row.from, to: row.to, props: storedRelationshipProps(merged) });
    }
  }
  if (changed.length > 0) await run(Q.writeEdges(...ends(type)), { rows: changed });
  return counts;
}

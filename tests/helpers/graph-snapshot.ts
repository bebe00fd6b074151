import { createHash } from 'node:crypto';
import type { Executor } from '../../src/graph/executor';

/**
 * What the whole database holds, reduced to counts and a digest of every node's labels and
 * properties and every relationship's type, ends and properties. Two equal snapshots mean no
 * request created, removed or changed anything.
 */
export interface GraphSnapshot {
  nodes: number;
  relationships: number;
  digest: string;
}

/** JSON with object keys sorted, so equal values always give equal text. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export async function graphSnapshot(executor: Executor): Promise<GraphSnapshot> {
  const nodes = await executor.read(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props, elementId(n) AS eid ORDER BY eid',
  );
  const rels = await executor.read(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props, elementId(r) AS eid ORDER BY eid`,
  );
  const hash = createHash('sha256');
  for (const n of nodes) hash.update(stable({ labels: n.labels, props: n.props })).update('\n');
  for (const r of rels) hash.update(stable({ type: r.type, from: r.from, to: r.to, props: r.props })).update('\n');
  return { nodes: nodes.length, relationships: rels.length, digest: hash.digest('hex') };
}

/** Just the counts, for tests that expect them to move by a known amount. */
export async function graphCounts(executor: Executor): Promise<{ nodes: number; relationships: number }> {
  const [row] = await executor.read(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
}

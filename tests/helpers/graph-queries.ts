import type { Executor } from '../../src/graph/executor';
import { NODE_KINDS, labelOf, type NodeLabel } from '../../src/model/kinds';
import { RELATIONSHIPS, RELATIONSHIP_TYPES, type RelationshipType } from '../../src/model/relationships';

/**
 * Read-only Cypher probes for tests that check what is stored in Neo4j. Nodes are found the way
 * a reader of the source article would name them: by name or alias, case-insensitively, within
 * one label. Labels and relationship types come only from the model's tables.
 */

/** The section headings of the source article, in article order: the only valid `sources`. */
export const ARTICLE_SECTIONS = [
  'At a Glance',
  'Pricing Comparison',
  'Developer Experience',
  'Verdict',
  'Key Skills and Tools',
  'Career Progression',
  'Common Workflows and Frameworks',
] as const;

export type ArticleSection = (typeof ARTICLE_SECTIONS)[number];

export const OUR_LABELS: NodeLabel[] = Object.values(NODE_KINDS).map((k) => k.label);

/** A node's stored properties (`properties(n)`), plus the label it was found under. */
export interface StoredNode {
  label: NodeLabel;
  id: string;
  name: string;
  aliases?: string[];
  sources: string[];
  [property: string]: unknown;
}

/** A relationship's stored properties with the ids and names of its ends. */
export interface StoredEdge {
  type: RelationshipType;
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
  sources: string[];
  emphasis?: string;
  note?: string;
  [property: string]: unknown;
}

/** One PROGRESSES_TO-style route: the edges along it and the node it ends at. */
export interface Route {
  edges: StoredEdge[];
  target: StoredNode;
}

/** Cypher predicate: `v` is called `$param` by name or by one of its aliases (case-insensitive). */
const calledBy = (v: string, param: string) =>
  `(toLower(${v}.name) = toLower($${param}) OR any(alias IN coalesce(${v}.aliases, []) WHERE toLower(alias) = toLower($${param})))`;

function assertLabel(label: string): asserts label is NodeLabel {
  if (!OUR_LABELS.includes(label as NodeLabel)) throw new Error(`Unknown node label "${label}"`);
}

function assertType(type: string): asserts type is RelationshipType {
  if (!RELATIONSHIP_TYPES.includes(type as RelationshipType)) throw new Error(`Unknown relationship type "${type}"`);
}

function endLabels(type: RelationshipType): { from: NodeLabel; to: NodeLabel } {
  const spec = RELATIONSHIPS[type];
  return { from: labelOf(spec.from), to: labelOf(spec.to) };
}

function toEdge(type: RelationshipType, row: Record<string, unknown>): StoredEdge {
  const props = (row.props ?? {}) as Record<string, unknown>;
  return {
    ...props,
    type,
    fromId: row.fromId as string,
    fromName: row.fromName as string,
    toId: row.toId as string,
    toName: row.toName as string,
    sources: (props.sources ?? []) as string[],
  } as StoredEdge;
}

export class GraphQueries {
  constructor(private readonly executor: Executor) {}

  /** Every node under `label` called `name` (by name or alias). */
  async nodesCalled(label: NodeLabel, name: string): Promise<StoredNode[]> {
    assertLabel(label);
    const rows = await this.executor.read(
      `MATCH (n:${label}) WHERE ${calledBy('n', 'name')} RETURN properties(n) AS props ORDER BY n.id`,
      { name },
    );
    return rows.map((r) => ({ ...(r.props as object), label }) as StoredNode);
  }

  /** The one node under `label` called `name`; throws if none or several answer to it. */
  async node(label: NodeLabel, name: string): Promise<StoredNode> {
    const found = await this.nodesCalled(label, name);
    if (found.length === 0) throw new Error(`No ${label} node is called "${name}" in the graph`);
    if (found.length > 1) {
      throw new Error(`${found.length} ${label} nodes answer to "${name}": ${found.map((n) => n.id).join(', ')}`);
    }
    return found[0];
  }

  /** Every node under `label`. */
  async nodesOf(label: NodeLabel): Promise<StoredNode[]> {
    assertLabel(label);
    const rows = await this.executor.read(`MATCH (n:${label}) RETURN properties(n) AS props ORDER BY n.id`);
    return rows.map((r) => ({ ...(r.props as object), label }) as StoredNode);
  }

  /** Every node carrying one of the model's labels, each once per label it carries. */
  async allNodes(): Promise<StoredNode[]> {
    const all: StoredNode[] = [];
    for (const label of OUR_LABELS) all.push(...(await this.nodesOf(label)));
    return all;
  }

  /** Edges of `type` from the node called `from` to the node called `to` (labels from the model). */
  async edges(type: RelationshipType, from: string, to: string): Promise<StoredEdge[]> {
    assertType(type);
    const ends = endLabels(type);
    const rows = await this.executor.read(
      `MATCH (a:${ends.from})-[r:${type}]->(b:${ends.to})
       WHERE ${calledBy('a', 'from')} AND ${calledBy('b', 'to')}
       RETURN a.id AS fromId, a.name AS fromName, b.id AS toId, b.name AS toName, properties(r) AS props
       ORDER BY fromId, toId`,
      { from, to },
    );
    return rows.map((r) => toEdge(type, r));
  }

  /** The one edge of `type` between the two named nodes; undefined if there is none. */
  async edge(type: RelationshipType, from: string, to: string): Promise<StoredEdge | undefined> {
    const found = await this.edges(type, from, to);
    if (found.length > 1) throw new Error(`${found.length} ${type} edges from "${from}" to "${to}"`);
    return found[0];
  }

  /** Every edge of `type` leaving the node called `from`. */
  async outgoing(type: RelationshipType, from: string): Promise<StoredEdge[]> {
    assertType(type);
    const ends = endLabels(type);
    const rows = await this.executor.read(
      `MATCH (a:${ends.from})-[r:${type}]->(b:${ends.to})
       WHERE ${calledBy('a', 'from')}
       RETURN a.id AS fromId, a.name AS fromName, b.id AS toId, b.name AS toName, properties(r) AS props
       ORDER BY toId`,
      { from },
    );
    return rows.map((r) => toEdge(type, r));
  }

  /** Every edge of `type` in the graph. */
  async allEdgesOf(type: RelationshipType): Promise<StoredEdge[]> {
    assertType(type);
    const rows = await this.executor.read(
      `MATCH (a)-[r:${type}]->(b)
       RETURN a.id AS fromId, a.name AS fromName, b.id AS toId, b.name AS toName, properties(r) AS props,
              labels(a) AS fromLabels, labels(b) AS toLabels
       ORDER BY fromId, toId`,
    );
    return rows.map((r) => ({ ...toEdge(type, r), fromLabels: r.fromLabels, toLabels: r.toLabels }));
  }

  /**
   * Every route of 1..maxHops edges of one Role→Role type from the role called `from` to the role
   * called `to`.
   */
  async routes(type: 'PROGRESSES_TO' | 'PIVOTS_TO', from: string, to: string, maxHops = 6): Promise<Route[]> {
    assertType(type);
    const hops = Math.max(1, Math.min(10, Math.floor(maxHops)));
    const rows = await this.executor.read(
      `MATCH p = (a:Role)-[:${type}*1..${hops}]->(b:Role)
       WHERE ${calledBy('a', 'from')} AND ${calledBy('b', 'to')}
       RETURN [r IN relationships(p) | {fromId: startNode(r).id, fromName: startNode(r).name,
                                        toId: endNode(r).id, toName: endNode(r).name,
                                        props: properties(r)}] AS edges,
              properties(b) AS target
       ORDER BY size(relationships(p))`,
      { from, to },
    );
    return rows.map((r) => ({
      edges: (r.edges as Record<string, unknown>[]).map((e) => toEdge(type, e)),
      target: { ...(r.target as object), label: 'Role' } as StoredNode,
    }));
  }

  /** Relationships touching our nodes whose type is not in the model. */
  async foreignRelationshipTypes(): Promise<string[]> {
    const labels = OUR_LABELS.map((l) => `n:${l}`).join(' OR ');
    const rows = await this.executor.read(
      `MATCH (n)-[r]-() WHERE (${labels}) AND NOT type(r) IN $types RETURN DISTINCT type(r) AS type`,
      { types: RELATIONSHIP_TYPES },
    );
    return rows.map((r) => r.type as string);
  }
}

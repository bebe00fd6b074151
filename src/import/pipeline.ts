import type { Executor } from '../graph/executor';
import { encodeProvenance, SALARY_KEYS, salaryProperty, type StoredProps } from '../graph/codecs';
import {
  ImportSourcesRepository,
  type BatchCounts,
  type DataSourceInfo,
  type KnownGraphNode,
  type RetiredNode,
} from '../graph/repositories/import-sources.repository';
import type { NodeKind } from '../model/kinds';
import { RELATIONSHIPS, RELATIONSHIP_TYPES, STATED_TYPES, type RelationshipType } from '../model/relationships';
import { nodeSchemaFor, relationshipSchema } from '../model/rules';
import {
  PUBLISHERS,
  borrowedPay,
  payFor,
  provenance,
  readBls,
  readSources,
  openFileSet,
  type MergeReport,
  type Pay,
  type ProgressEvent,
  type PublisherKey,
  type SourceEdge,
  type SourceInputs,
  type SourceNode,
  type SourceReport,
} from '../sources';
import { mergeProps, ownedBy, ownedProperties, provenancePrefix, retire, sameProps } from './merge';
import { transitionsAfterLoad, type TransitionsReport } from './similar-roles';

/** One fact the import leaves out, and why; the publisher's own id says which. */
export interface Skipped {
  what: string;
  sourceId: string;
  reason: string;
}

export interface RetirePlan {
  nodes: number;
  edges: number;
  /** Facts no source states any more: deleted. */
  deletes: number;
}

export type ImportProgress =
  ProgressEvent | { phase: 'writing'; done: number; total: number } | { phase: 'retiring'; plan: RetirePlan };

export interface ImportOptions {
  onProgress?: (event: ImportProgress) => void;
  /** Rows per transaction (nodes or edges). */
  batchSize?: number;
  /**
   * Asked before facts the sources no longer state are retired (a destructive step); false
   * leaves them, and the sources INCOMPLETE. Without it, nothing is retired.
   */
  confirmRetire?: (plan: RetirePlan) => Promise<boolean>;
  /** Write only into an empty database (the default load); null when it was not empty. */
  intoEmpty?: boolean;
  /** Called after each batch is committed (how the tests interrupt an import). */
  afterBatch?: (batches: number) => void;
}

export interface ImportReport {
  publishers: PublisherKey[];
  reports: SourceReport[];
  merges: MergeReport;
  skipped: Skipped[];
  nodes: BatchCounts;
  edges: BatchCounts;
  retired: RetirePlan & { done: boolean };
  /** The stored transitions, recomputed for the imported requirements (null: the import changed nothing and they were current). */
  transitions: TransitionsReport | null;
  durationMs: number;
}

/** 2,000 rows per transaction keep the largest batch (roles with their alternate titles) well inside the default 512 MB heap. */
export const DEFAULT_BATCH_SIZE = 2000;

/**
 * Imports what the given publishers' files state: reads and validates everything first (nothing
 * is written if a file cannot be read), then writes in batches, each batch a transaction that
 * merges with what the graph holds (see ./merge), then retires what these sources no longer
 * state. Each source's DataSource node is INCOMPLETE from before the first write until the end.
 */
export async function importSources(
  executor: Executor,
  inputs: SourceInputs,
  options: ImportOptions = {},
): Promise<ImportReport | null> {
  const started = performance.now();
  const repository = new ImportSourcesRepository(executor);
  const publishers = publishersOf(inputs);
  const ours = ownedBy(publishers.map((key) => PUBLISHERS[key].source));
  const known = await repository.knownNodes();

  const { graph, reports, merges } = await readSources(inputs, {
    onProgress: options.onProgress,
    existing: known.filter((n) => n.kind !== 'ROLE').map(identityOf),
    // Roles these sources stated before are claimed again by the same rule, so they keep their ids.
    existingIds: known.filter((n) => !(n.kind === 'ROLE' && n.provenance.some(ours))).map((n) => n.id),
    roles: roleLookup(known),
  });
  if (inputs.bls && !inputs.onet) {
    graph.nodes.push(...(await payForKnownRoles(inputs.bls, known, await repository.crosswalkEquivalents())));
  }

  const skipped: Skipped[] = [];
  const nodes = validNodes(graph.nodes, skipped);
  const kinds = new Map<string, NodeKind>([...known.map((n) => [n.id, n.kind] as const)]);
  for (const group of nodes.values()) for (const n of group) kinds.set(n.id, n.kind);
  const edges = validEdges(graph.edges, kinds, skipped);

  const infos = publishers.map((key) => ({ key, ...PUBLISHERS[key] }) satisfies DataSourceInfo);
  if (options.intoEmpty) {
    if (!(await repository.claimEmpty(infos))) return null;
  } else {
    await repository.startDataSources(infos);
  }

  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const total = [...nodes.values(), ...edges.values()].reduce((n, list) => n + list.length, 0);
  const owned = ownedProperties(publishers.map((key) => PUBLISHERS[key].source));
  const merge = (existing: StoredProps | undefined, incoming: StoredProps) =>
    mergeProps(existing, incoming, ours, owned);
  const counts = { nodes: zero(), edges: zero() };
  let done = 0;
  let batches = 0;
  const step = (into: BatchCounts, result: BatchCounts, n: number) => {
    add(into, result);
    done += n;
    batches += 1;
    options.onProgress?.({ phase: 'writing', done, total });
    options.afterBatch?.(batches);
  };
  for (const [kind, list] of nodes) {
    for (const chunk of chunks(list, size)) {
      const rows = chunk.map((n) => ({ id: n.id, props: n.props }));
      step(counts.nodes, await repository.writeNodes(kind, rows, merge, sameProps), chunk.length);
    }
  }
  for (const [type, list] of edges) {
    for (const chunk of chunks(list, size)) {
      step(counts.edges, await repository.writeEdges(type, chunk, merge, sameProps), chunk.length);
    }
  }

  const retired = await retireUnstated(repository, publishers, nodes, edges, options);
  if (retired.done) {
    for (const key of publishers) {
      await repository.finishDataSource(key, publisherCounts(key, graph.nodes, graph.edges, reports), {
        nodesCreated: counts.nodes.created,
        nodesUpdated: counts.nodes.updated,
        nodesUnchanged: counts.nodes.unchanged,
        edgesCreated: counts.edges.created,
        edgesUpdated: counts.edges.updated,
        edgesUnchanged: counts.edges.unchanged,
        retired: retired.nodes + retired.edges,
      });
    }
  }
  const changed =
    counts.nodes.created +
      counts.nodes.updated +
      counts.edges.created +
      counts.edges.updated +
      retired.nodes +
      retired.edges >
    0;
  const transitions = await transitionsAfterLoad(executor, changed);
  return {
    publishers,
    reports,
    merges,
    skipped,
    ...counts,
    retired,
    transitions,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The sources a run reads in full; the role mapping is restated whenever roles it maps are read. */
export function publishersOf(inputs: SourceInputs): PublisherKey[] {
  const keys = (['article', 'onet', 'esco', 'crosswalk', 'bls'] as const).filter((k) => inputs[k] !== undefined);
  if (inputs.article || inputs.onet || inputs.esco) keys.push('roleMapping' as never);
  return keys as PublisherKey[];
}

/**
 * A thing as the identity rule may match it again: its name, and its aliases only where people
 * wrote them (the article, the API). Stored aliases of imported things include ESCO's synonyms,
 * which never match (see docs/data.md); matching on them would make a re-import differ.
 */
function identityOf(node: KnownGraphNode): KnownGraphNode {
  const written = node.provenance.length === 0 || node.provenance.some(ownedBy([PUBLISHERS.article.source]));
  return written ? node : { ...node, aliases: [] };
}

function roleLookup(known: readonly KnownGraphNode[]) {
  const roles = known.filter((n) => n.kind === 'ROLE');
  const byOnet = new Map(roles.filter((r) => r.onetCode).map((r) => [r.onetCode!, r.id]));
  const byEsco = new Map(roles.filter((r) => r.escoUri).map((r) => [r.escoUri!, r.id]));
  const article = new Set(roles.filter((r) => !r.onetCode && !r.escoUri).map((r) => r.id));
  return {
    onetRole: (code: string) => byOnet.get(code),
    escoRole: (uri: string) => byEsco.get(uri),
    articleRole: (id: string) => article.has(id),
  };
}

/**
 * BLS read on its own: pay for the O*NET roles the graph holds, and for the ESCO roles the
 * crosswalk in the graph joins to them (borrowed, as when the sources are read together).
 */
async function payForKnownRoles(
  paths: string[],
  known: readonly KnownGraphNode[],
  equivalents: ReadonlyMap<string, { onetCode: string; confidence: number }[]>,
): Promise<SourceNode[]> {
  const files = await openFileSet(paths);
  try {
    const { data } = await readBls(files);
    const payNode = (role: KnownGraphNode, pay: Pay, sourceId: string): SourceNode => ({
      kind: 'ROLE',
      id: role.id,
      name: role.name,
      aliases: [],
      properties: { ...pay },
      provenance: [provenance('bls', sourceId)],
    });
    const roles = known.filter((n) => n.kind === 'ROLE');
    const borrowed = roles.flatMap((role) => {
      const pay = borrowedPay(equivalents.get(role.id) ?? [], data);
      return pay && 'salary' in pay ? [payNode(role, pay, pay.salary.borrowedFrom!.slice(0, 7))] : [];
    });
    const own = roles
      .filter((role) => role.onetCode)
      .map((role) => {
        const pay = payFor(role.onetCode!, data);
        return payNode(role, pay, 'salary' in pay ? role.onetCode!.slice(0, 7) : role.onetCode!);
      });
    return [...borrowed, ...own];
  } finally {
    files.close();
  }
}

interface NodeRow {
  kind: NodeKind;
  id: string;
  props: StoredProps;
}

/** A node's stored properties: its salary flattened (see SALARY_KEYS), provenance encoded. */
export function nodeProps(node: SourceNode): StoredProps {
  const { salary, ...properties } = node.properties as Record<string, unknown> & { salary?: Record<string, unknown> };
  const props: StoredProps = { name: node.name, ...properties };
  if (node.aliases.length > 0) props.aliases = node.aliases;
  if (salary) {
    // SALARY_KEYS first, then what the publisher adds (percentiles, top codes, source, borrowedFrom).
    const keys = [
      ...SALARY_KEYS,
      ...Object.keys(salary).filter((k) => !(SALARY_KEYS as readonly string[]).includes(k)),
    ];
    for (const key of keys) if (salary[key] !== undefined) props[salaryProperty(key as never)] = salary[key];
  }
  props.provenance = node.provenance.map(encodeProvenance);
  return props;
}

function validNodes(list: readonly SourceNode[], skipped: Skipped[]): Map<NodeKind, NodeRow[]> {
  const out = new Map<NodeKind, NodeRow[]>();
  for (const node of list) {
    const props = nodeProps(node);
    const check = nodeSchemaFor(node.kind, true).safeParse({
      ...node.properties,
      id: node.id,
      name: node.name,
      ...(node.aliases.length > 0 ? { aliases: node.aliases } : {}),
      sources: ['checked'],
      provenance: props.provenance,
    });
    if (!check.success) {
      const issue = check.error.issues[0];
      skipped.push({
        what: `${node.kind} ${node.id}`,
        sourceId: node.provenance.map((p) => `${p.source} ${p.sourceId}`).join(', '),
        reason: `${issue.path.join('.')}: ${issue.message}`,
      });
      continue;
    }
    out.set(node.kind, [...(out.get(node.kind) ?? []), { kind: node.kind, id: node.id, props }]);
  }
  return out;
}

/** The model's type of a source edge: BROADER by the kinds of its ends. */
function typeOf(edge: SourceEdge, kinds: ReadonlyMap<string, NodeKind>): RelationshipType | string {
  if (edge.type !== 'BROADER') return edge.type;
  const from = kinds.get(edge.from);
  const to = kinds.get(edge.to);
  if (from === 'ROLE' && to === 'ROLE') return 'BROADER_ROLE';
  if (from === 'SKILL' && to === 'SKILL') return 'BROADER_SKILL';
  return `BROADER (${from ?? '?'} to ${to ?? '?'})`;
}

function validEdges(
  list: readonly SourceEdge[],
  kinds: ReadonlyMap<string, NodeKind>,
  skipped: Skipped[],
): Map<RelationshipType, { from: string; to: string; props: StoredProps }[]> {
  const out = new Map<RelationshipType, { from: string; to: string; props: StoredProps }[]>();
  for (const edge of list) {
    const type = typeOf(edge, kinds);
    const provenance = edge.provenance.map(encodeProvenance);
    const skip = (reason: string) =>
      skipped.push({
        what: `${type} ${edge.from} -> ${edge.to}`,
        sourceId: edge.provenance.map((p) => `${p.source} ${p.sourceId}`).join(', '),
        reason,
      });
    if (!(RELATIONSHIP_TYPES as string[]).includes(type)) {
      skip(`the model has no ${type} relationship`);
      continue;
    }
    const spec = RELATIONSHIPS[type as RelationshipType];
    const [from, to] = [kinds.get(edge.from), kinds.get(edge.to)];
    if (from !== spec.from || to !== spec.to) {
      skip(`${type} joins ${spec.from} to ${spec.to}, not ${from ?? 'a skipped node'} to ${to ?? 'a skipped node'}`);
      continue;
    }
    const properties = edge.properties as Record<string, string | number | boolean>;
    const check = relationshipSchema.safeParse({
      type,
      from: edge.from,
      to: edge.to,
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      sources: ['checked'],
      provenance,
    });
    if (!check.success) {
      const issue = check.error.issues[0];
      skip(`${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    const rows = out.get(type as RelationshipType) ?? [];
    rows.push({ from: edge.from, to: edge.to, props: { ...properties, provenance } });
    out.set(type as RelationshipType, rows);
  }
  return out;
}

async function retireUnstated(
  repository: ImportSourcesRepository,
  publishers: readonly PublisherKey[],
  nodes: ReadonlyMap<NodeKind, NodeRow[]>,
  edges: ReadonlyMap<RelationshipType, { from: string; to: string }[]>,
  options: ImportOptions,
): Promise<RetirePlan & { done: boolean }> {
  const prefixes = publishers.map((key) => provenancePrefix(PUBLISHERS[key].source));
  const sources = publishers.map((key) => PUBLISHERS[key].source);
  const ours = ownedBy(sources);
  const owned = ownedProperties(sources);
  const nodePlan: { kind: NodeKind; rows: RetiredNode[] }[] = [];
  const edgePlan: {
    type: RelationshipType;
    rows: { from: string; to: string; provenance: string[]; sources: string[] }[];
  }[] = [];
  const plan: RetirePlan = { nodes: 0, edges: 0, deletes: 0 };
  for (const kind of new Set<NodeKind>(['ROLE', 'TOOL', 'SKILL', 'FRAMEWORK', 'LANGUAGE', 'CATEGORY', 'WORKFLOW'])) {
    const stated = new Set((nodes.get(kind) ?? []).map((n) => n.id));
    const rows = (await repository.nodesStatedBy(kind, prefixes))
      .filter((n) => !stated.has(n.id))
      .map((n) => ({ id: n.id, ...retire(n.provenance, ours, owned) }));
    plan.nodes += rows.length;
    plan.deletes += rows.filter((r) => r.provenance.length === 0).length;
    nodePlan.push({ kind, rows });
  }
  for (const type of STATED_TYPES) {
    const stated = new Set((edges.get(type) ?? []).map((e) => `${e.from}|${e.to}`));
    const rows = (await repository.edgesStatedBy(type, prefixes))
      .filter((e) => !stated.has(e.id))
      .map((e) => ({ from: e.from!, to: e.to!, ...retire(e.provenance, ours) }));
    plan.edges += rows.length;
    plan.deletes += rows.filter((r) => r.provenance.length === 0).length;
    edgePlan.push({ type, rows });
  }
  if (plan.nodes + plan.edges === 0) return { ...plan, done: true };
  options.onProgress?.({ phase: 'retiring', plan });
  if (!options.confirmRetire || !(await options.confirmRetire(plan))) return { ...plan, done: false };
  // Edges first: a node is deleted only once no edge of these sources needs it.
  for (const { type, rows } of edgePlan) await repository.retireEdges(type, rows);
  for (const { kind, rows } of nodePlan) await repository.retireNodes(kind, rows);
  return { ...plan, done: true };
}

/** Distinct publisher ids per kind of node a source states (for DataSource.counts). */
export function publisherCounts(
  key: PublisherKey,
  nodes: readonly SourceNode[],
  edges: readonly SourceEdge[],
  reports: readonly SourceReport[],
): Record<string, number> {
  const report = reports.find((r) => r.publisher === key)?.counts ?? {};
  if (key === 'crosswalk') return { ROLE: report.escoOccupations ?? 0 };
  if (key === 'bls') return { ROLE: report.detailed ?? 0 };
  const { source } = PUBLISHERS[key];
  const ids = new Map<string, Set<string>>();
  const count = (kind: string, sourceId: string) => ids.set(kind, (ids.get(kind) ?? new Set()).add(sourceId));
  // The article's provenance names sections; its own ids are the nodes' ids.
  const idOf = (node: SourceNode, sourceId: string) => (key === 'article' ? node.id : sourceId);
  for (const node of nodes) {
    for (const p of node.provenance) if (p.source === source) count(node.kind, idOf(node, p.sourceId));
  }
  if (ids.size === 0) {
    for (const edge of edges) for (const p of edge.provenance) if (p.source === source) count(edge.type, p.sourceId);
  }
  return Object.fromEntries([...ids].map(([kind, set]) => [kind, set.size]));
}

const zero = (): BatchCounts => ({ created: 0, updated: 0, unchanged: 0 });
function add(into: BatchCounts, more: BatchCounts) {
  into.created += more.created;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

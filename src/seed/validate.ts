import { NODE_KINDS, NODE_KIND_NAMES, type NodeKind } from '../model/kinds';
import { RELATIONSHIPS } from '../model/relationships';
import {
  idMismatch,
  nodeSchemaFor,
  relationshipSchema,
  type EntityFact,
  type RelationshipFact,
  type RoleFact,
} from '../model/rules';
import { sectionProvenance } from '../graph/codecs';
import type { GraphBatch } from '../graph/repositories/import.repository';
import { formatPath, type Problem } from './problems';
import type { RawDocument } from './read-files';

/** Answers whether ids missing from the files already exist in the graph (for imports). */
export type ExistingIdLookup = (kind: NodeKind, ids: string[]) => Promise<Set<string>>;

interface Located {
  file: string;
  path: string;
}

/**
 * Checks a set of data files as one graph, before anything is written: each file against the
 * format, then ids unique across all files (and, through `lookup`, across kinds in the graph),
 * every reference resolving to a node of the right kind (in the files or, with
 * `graphReferences`, in the graph), and no relationship given twice. Every problem is
 * reported, not just the first.
 */
export async function validateDocuments(
  documents: RawDocument[],
  lookup?: ExistingIdLookup,
  graphReferences = true,
): Promise<{ batch: GraphBatch; problems: Problem[] }> {
  const problems: Problem[] = [];
  const files = documents.map(({ file, data }) => parseDocument(file, data, problems));

  const nodes = new Map<string, { kind: NodeKind; at: Located }>();
  const byKind = new Map<NodeKind, (RoleFact | EntityFact)[]>(NODE_KIND_NAMES.map((k) => [k, []]));
  // Ids of entries that failed their own checks still count as declared, so that one bad
  // entry is reported once rather than again at every reference to it.
  for (const { file, invalidIds } of files) {
    for (const { kind, id, path } of invalidIds) if (!nodes.has(id)) nodes.set(id, { kind, at: { file, path } });
  }
  const invalid = new Set(nodes.keys());
  for (const { file, nodes: parsed } of files) {
    for (const { kind, fact, path } of parsed) {
      const at = { file, path: `${path}.id` };
      const first = nodes.get(fact.id);
      if (first && !invalid.has(fact.id)) {
        problems.push({
          ...at,
          reason: `duplicate id "${fact.id}" (already used at ${first.at.file}: ${first.at.path})`,
        });
        continue;
      }
      nodes.set(fact.id, { kind, at });
      byKind.get(kind)!.push({ ...fact, provenance: fact.provenance ?? sectionProvenance(fact.sources) });
    }
  }

  const relationships: { rel: RelationshipFact; at: Located }[] = [];
  const seen = new Map<string, Located>();
  for (const { file, relationships: parsed } of files) {
    parsed.forEach(({ rel, path }) => {
      const at = { file, path };
      const key = `${rel.type}|${rel.from}|${rel.to}`;
      const first = seen.get(key);
      if (first) {
        problems.push({
          ...at,
          reason: `duplicate ${rel.type} from "${rel.from}" to "${rel.to}" (already at ${first.file}: ${first.path})`,
        });
        return;
      }
      seen.set(key, at);
      relationships.push({ rel: { ...rel, provenance: rel.provenance ?? sectionProvenance(rel.sources) }, at });
    });
  }

  if (lookup) problems.push(...(await checkKindsInGraph(nodes, lookup)));
  problems.push(...(await checkReferences(relationships, nodes, graphReferences ? lookup : undefined)));
  return {
    batch: {
      nodes: NODE_KIND_NAMES.map((kind) => ({ kind, facts: byKind.get(kind)! })).filter((g) => g.facts.length > 0),
      relationships: relationships.map((r) => r.rel),
    },
    problems,
  };
}

/**
 * Ids are unique across kinds (`node(id)` relies on it): an id the files declare as one kind
 * must not already be held by a node of another kind in the graph.
 */
async function checkKindsInGraph(
  nodes: Map<string, { kind: NodeKind; at: Located }>,
  lookup: ExistingIdLookup,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const kind of NODE_KIND_NAMES) {
    const declaredAsOthers = [...nodes].filter(([, node]) => node.kind !== kind).map(([id]) => id);
    for (const id of await lookup(kind, declaredAsOthers)) {
      problems.push({
        ...nodes.get(id)!.at,
        reason: `id "${id}" already belongs to a ${NODE_KINDS[kind].label} in the graph (ids are unique across kinds)`,
      });
    }
  }
  return problems;
}

async function checkReferences(
  relationships: { rel: RelationshipFact; at: Located }[],
  nodes: Map<string, { kind: NodeKind }>,
  lookup?: ExistingIdLookup,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const unresolved: { id: string; kind: NodeKind; at: Located; end: 'from' | 'to'; type: string }[] = [];

  for (const { rel, at } of relationships) {
    const spec = RELATIONSHIPS[rel.type];
    for (const end of ['from', 'to'] as const) {
      const id = rel[end];
      const wanted = spec[end];
      const known = nodes.get(id);
      if (!known) unresolved.push({ id, kind: wanted, at, end, type: rel.type });
      else if (known.kind !== wanted) {
        problems.push({
          file: at.file,
          path: `${at.path}.${end}`,
          reason: `"${id}" is a ${NODE_KINDS[known.kind].label}, but ${rel.type} needs a ${NODE_KINDS[wanted].label} here`,
        });
      }
    }
  }

  const inGraph = new Map<NodeKind, Set<string>>();
  if (lookup) {
    for (const kind of NODE_KIND_NAMES) {
      const ids = [...new Set(unresolved.filter((u) => u.kind === kind).map((u) => u.id))];
      if (ids.length > 0) inGraph.set(kind, await lookup(kind, ids));
    }
  }
  for (const u of unresolved) {
    if (inGraph.get(u.kind)?.has(u.id)) continue;
    problems.push({
      file: u.at.file,
      path: `${u.at.path}.${u.end}`,
      reason: `unknown reference: no ${NODE_KINDS[u.kind].label} "${u.id}" in the files${lookup ? ' or the graph' : ''}`,
    });
  }
  return problems;
}

interface ParsedDocument {
  file: string;
  nodes: { kind: NodeKind; fact: RoleFact | EntityFact; path: string }[];
  relationships: { rel: RelationshipFact; path: string }[];
  invalidIds: { kind: NodeKind; id: string; path: string }[];
}

const FILE_KEYS = new Set<string>(['version', 'relationships', ...NODE_KIND_NAMES.map((k) => NODE_KINDS[k].fileKey)]);

/** Checks the file's envelope, then each entry on its own, so every bad entry is reported. */
function parseDocument(file: string, data: unknown, problems: Problem[]): ParsedDocument {
  const parsed: ParsedDocument = { file, nodes: [], relationships: [], invalidIds: [] };
  const report = (path: PropertyKey[], reason: string) => problems.push({ file, path: formatPath(path), reason });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report([], 'must be a JSON object with "version": 1');
    return parsed;
  }
  const content = data as Record<string, unknown>;
  if (content.version !== 1) report(['version'], 'must be 1 (the data format version)');
  for (const key of Object.keys(content))
    if (!FILE_KEYS.has(key)) report([key], `unknown key (expected one of ${[...FILE_KEYS].join(', ')})`);

  const entries = (key: string): unknown[] => {
    if (content[key] === undefined) return [];
    if (Array.isArray(content[key])) return content[key] as unknown[];
    report([key], 'expected a list');
    return [];
  };
  for (const kind of NODE_KIND_NAMES) {
    const key = NODE_KINDS[kind].fileKey;
    entries(key).forEach((item, i) => {
      // An exported imported fact (it carries provenance) keeps the publisher's lists whole and
      // the import's id (`software-developer-esco`), so the rules for written data do not apply.
      const imported = Array.isArray((item as { provenance?: unknown } | null)?.provenance);
      const result = nodeSchemaFor(kind, imported).safeParse(item);
      if (!result.success) {
        for (const issue of result.error.issues) report([key, i, ...issue.path], issue.message);
      } else {
        const mismatch = imported ? undefined : idMismatch(result.data);
        if (mismatch === undefined) {
          parsed.nodes.push({ kind, fact: result.data, path: `${key}[${i}]` });
          return;
        }
        report([key, i, 'id'], mismatch);
      }
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string') parsed.invalidIds.push({ kind, id, path: `${key}[${i}].id` });
    });
  }
  entries('relationships').forEach((item, i) => {
    const result = relationshipSchema.safeParse(item);
    if (result.success) parsed.relationships.push({ rel: result.data, path: `relationships[${i}]` });
    else for (const issue of result.error.issues) report(['relationships', i, ...issue.path], issue.message);
  });
  return parsed;
}

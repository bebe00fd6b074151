import type { NodeKind } from '../model/kinds';
import type { RelationshipType } from '../model/relationships';
import { IdRegistry, IdentityIndex, identityKey, idSlug, looseKey, normaliseName, type AliasTable } from './identity';
import type { Provenance } from './publishers';

export type PropertyValue = string | number | boolean | string[] | null | { [key: string]: PropertyValue };
export type Properties = { [key: string]: PropertyValue };

export interface SourceNode {
  kind: NodeKind;
  id: string;
  name: string;
  aliases: string[];
  properties: Properties;
  provenance: Provenance[];
}

/** Role -> thing edges take their type from the thing's final kind (see USE_EDGE_BY_KIND). */
export type SourceEdgeType =
  | 'USES_TOOL'
  | 'USES_FRAMEWORK'
  | 'USES_LANGUAGE'
  | 'REQUIRES_SKILL'
  | 'PRACTICES'
  | 'IN_CATEGORY'
  | 'RELATED_TO'
  | 'BROADER'
  | 'EQUIVALENT_TO'
  | RelationshipType;

export interface SourceEdge {
  type: SourceEdgeType;
  from: string;
  to: string;
  properties: Properties;
  provenance: Provenance[];
}

export interface SourceGraph {
  nodes: SourceNode[];
  edges: SourceEdge[];
}

/** The kinds that are one node across sources when their names agree. */
export const THING_KINDS = ['TOOL', 'SKILL', 'FRAMEWORK', 'LANGUAGE', 'WORKFLOW'] as const;
export type ThingKind = (typeof THING_KINDS)[number];

export const USE_EDGE_BY_KIND: Record<ThingKind, SourceEdgeType> = {
  TOOL: 'USES_TOOL',
  FRAMEWORK: 'USES_FRAMEWORK',
  LANGUAGE: 'USES_LANGUAGE',
  SKILL: 'REQUIRES_SKILL',
  WORKFLOW: 'PRACTICES',
};
const USE_EDGE_TYPES = new Set<SourceEdgeType>(Object.values(USE_EDGE_BY_KIND));

export function isThingKind(kind: NodeKind): kind is ThingKind {
  return (THING_KINDS as readonly string[]).includes(kind);
}

/**
 * How strongly a claim decides a thing's kind; the strongest claim wins, the first on a tie:
 * the article's own kind, then the committed kind table (data/kinds.json), then the ESCO
 * group rule, then what the source calls it (O*NET technology -> TOOL), then the default SKILL.
 */
export const KIND_STRENGTH = { article: 4, table: 3, rule: 2, source: 1, default: 0 } as const;
export type KindStrength = keyof typeof KIND_STRENGTH;

export interface NodeClaim {
  kind: NodeKind;
  kindBy: KindStrength;
  name: string;
  /** Other names of the thing: they identify it (matched against known names). */
  aliases?: readonly string[];
  /**
   * Looser synonyms (ESCO's altLabels): kept as aliases for search, but never used to match,
   * neither now nor later ("ML" is a synonym of machine learning, and the name of a language).
   */
  synonyms?: readonly string[];
  properties?: Properties;
  provenance: Provenance;
  /** An id the source fixes (the article's ids); otherwise derived from the name. */
  id?: string;
  /** Appended to the slug when it is taken by something else: the kind or the source. */
  idQualifier?: string;
}

export interface Merge {
  id: string;
  kind: NodeKind;
  into: string;
  name: string;
  source: string;
  by: 'name' | 'alias-table' | 'alias';
}

export interface NearMiss {
  key: string;
  ids: string[];
  names: string[];
  why: string;
}

export interface MergeReport {
  merges: Merge[];
  nearMisses: NearMiss[];
  kindDecisions: { id: string; name: string; kind: NodeKind; by: KindStrength; overruled: NodeKind[] }[];
}

export interface GraphBuilderOptions {
  aliases: AliasTable;
  /** Identity key -> kind, from the committed kind table. */
  kindTable: ReadonlyMap<string, ThingKind>;
  /** Ids already in the graph, so new ids never collide with them. */
  existingIds?: Iterable<string>;
  /**
   * Things already in the graph, so new facts join them by the identity rule. A thing already in
   * the graph keeps its kind and name: its node comes back with them and the new provenance.
   */
  existingThings?: Iterable<KnownNode>;
}

export interface KnownNode {
  id: string;
  kind: NodeKind;
  name: string;
  aliases?: readonly string[];
}

type Namespace = 'thing' | 'category' | 'employer';

interface NodeState extends SourceNode {
  kindBy: KindStrength;
  overruled: Set<NodeKind>;
}

function namespaceOf(kind: NodeKind): Namespace | undefined {
  if (isThingKind(kind)) return 'thing';
  if (kind === 'CATEGORY') return 'category';
  if (kind === 'EMPLOYER') return 'employer';
  return undefined;
}

/**
 * Collects the facts of one or more sources into one SourceGraph: things merged by the
 * identity rule, ids unique across kinds, provenance appended (never replaced) when two sources
 * state the same node or edge.
 */
export class GraphBuilder {
  private readonly nodes = new Map<string, NodeState>();
  private readonly edges = new Map<string, SourceEdge>();
  private readonly ids: IdRegistry;
  private readonly indexes: Record<Namespace, IdentityIndex>;
  private readonly merges: Merge[] = [];
  private readonly known = new Map<string, KnownNode>();

  constructor(private readonly options: GraphBuilderOptions) {
    this.ids = new IdRegistry(options.existingIds);
    const index = () => new IdentityIndex(options.aliases);
    this.indexes = { thing: index(), category: index(), employer: index() };
    for (const known of options.existingThings ?? []) {
      const ns = namespaceOf(known.kind);
      if (ns) this.indexes[ns].add(known);
      this.known.set(known.id, known);
      this.ids.reserve(known.id);
    }
  }

  node(claim: NodeClaim): string {
    const claimed = this.withTableKind(claim);
    const ns = namespaceOf(claimed.kind);
    const match = ns ? this.indexes[ns].find({ name: claimed.name, aliases: claimed.aliases }) : undefined;
    const matchedId = match?.id;
    let node = this.nodes.get(matchedId ?? claimed.id ?? '');
    const known = matchedId === undefined ? undefined : this.known.get(matchedId);
    if (
      match?.id !== undefined &&
      (node === undefined || !node.provenance.some((p) => p.source === claimed.provenance.source))
    ) {
      this.merges.push({
        id: match.id,
        kind: node?.kind ?? known?.kind ?? claimed.kind,
        into: node?.name ?? known?.name ?? match.id,
        name: claimed.name,
        source: claimed.provenance.source,
        by: match.by,
      });
    }
    if (node === undefined) {
      const id =
        matchedId ??
        (claimed.id !== undefined
          ? this.ids.reserve(claimed.id)
          : this.ids.claim(idSlug(claimed.name), claimed.idQualifier ?? claimed.kind.toLowerCase()));
      node = {
        kind: known?.kind ?? claimed.kind,
        id,
        name: (known?.name ?? claimed.name).trim(),
        aliases: [],
        properties: {},
        provenance: [],
        kindBy: known ? 'article' : claimed.kindBy,
        overruled: new Set(),
      };
      this.nodes.set(id, node);
    }
    this.mergeInto(node, claimed);
    if (ns) this.indexes[ns].add({ id: node.id, name: claimed.name, aliases: claimed.aliases });
    return node.id;
  }

  edge(edge: {
    type: SourceEdgeType;
    from: string;
    to: string;
    properties?: Properties;
    provenance: Provenance;
  }): void {
    const family = USE_EDGE_TYPES.has(edge.type) ? 'USES' : edge.type;
    const key = `${family}|${edge.from}|${edge.to}`;
    const existing = this.edges.get(key);
    if (existing) {
      existing.properties = { ...edge.properties, ...existing.properties };
      addProvenance(existing.provenance, edge.provenance);
      return;
    }
    this.edges.set(key, {
      type: edge.type,
      from: edge.from,
      to: edge.to,
      properties: { ...edge.properties },
      provenance: [edge.provenance],
    });
  }

  /** A fresh id for a name, by the rule of IdRegistry. */
  claimId(name: string, qualifier: string): string {
    return this.ids.claim(idSlug(name), qualifier);
  }

  /** Adds properties a source states about a node already added (a role's pay, say). */
  annotate(id: string, properties: Properties, source: Provenance): void {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`no node ${id} to annotate`);
    Object.assign(node.properties, properties);
    addProvenance(node.provenance, source);
  }

  nodeById(id: string): SourceNode | undefined {
    return this.nodes.get(id);
  }

  build(): { graph: SourceGraph; merges: MergeReport } {
    const nodes = [...this.nodes.values()];
    const edges = [...this.edges.values()].map((edge) => {
      const target = this.nodes.get(edge.to);
      const type =
        USE_EDGE_TYPES.has(edge.type) && target && isThingKind(target.kind) ? USE_EDGE_BY_KIND[target.kind] : edge.type;
      return { ...edge, type };
    });
    return {
      graph: { nodes: nodes.map(({ kindBy: _k, overruled: _o, ...node }) => node), edges },
      merges: {
        merges: this.merges,
        nearMisses: nearMisses(nodes.filter((n) => isThingKind(n.kind))),
        kindDecisions: nodes
          .filter((n) => n.overruled.size > 0)
          .map((n) => ({ id: n.id, name: n.name, kind: n.kind, by: n.kindBy, overruled: [...n.overruled] })),
      },
    };
  }

  private withTableKind(claim: NodeClaim): NodeClaim {
    if (!isThingKind(claim.kind) || KIND_STRENGTH[claim.kindBy] >= KIND_STRENGTH.table) return claim;
    const kind = this.options.kindTable.get(identityKey(claim.name, this.options.aliases));
    return kind ? { ...claim, kind, kindBy: 'table' } : claim;
  }

  private mergeInto(node: NodeState, claim: NodeClaim): void {
    if (claim.kind !== node.kind) {
      if (KIND_STRENGTH[claim.kindBy] > KIND_STRENGTH[node.kindBy]) {
        node.overruled.add(node.kind);
        node.kind = claim.kind;
        node.kindBy = claim.kindBy;
        node.name = claim.name.trim();
      } else {
        node.overruled.add(claim.kind);
      }
    }
    const seen = new Set([node.name, ...node.aliases].map(normaliseName));
    for (const name of [claim.name, ...(claim.aliases ?? []), ...(claim.synonyms ?? [])]) {
      const key = normaliseName(name);
      if (key !== '' && !seen.has(key)) {
        seen.add(key);
        node.aliases.push(name.trim());
      }
    }
    for (const [key, value] of Object.entries(claim.properties ?? {})) {
      if (!(key in node.properties)) node.properties[key] = value;
    }
    addProvenance(node.provenance, claim.provenance);
  }
}

function addProvenance(list: Provenance[], entry: Provenance): void {
  if (!list.some((p) => p.source === entry.source && p.version === entry.version && p.sourceId === entry.sourceId)) {
    list.push(entry);
  }
}

/**
 * Things the identity rule kept apart that a reviewer may want to join in data/aliases.json:
 * equal loose keys ("NodeJS" / "Node.js"), or a name that is another's name after a leading
 * vendor word ("Atlassian Confluence" / "Confluence").
 */
function nearMisses(nodes: readonly SourceNode[]): NearMiss[] {
  const byLoose = new Map<string, SourceNode[]>();
  for (const node of nodes) {
    const key = looseKey(node.name);
    if (key !== '') byLoose.set(key, [...(byLoose.get(key) ?? []), node]);
  }
  const misses: NearMiss[] = [];
  const reported = new Set<string>();
  const report = (key: string, group: SourceNode[], why: string) => {
    const ids = [...new Set(group.map((n) => n.id))].sort();
    const signature = ids.join('|');
    if (ids.length < 2 || reported.has(signature)) return;
    reported.add(signature);
    misses.push({ key, ids, names: ids.map((id) => group.find((n) => n.id === id)!.name), why });
  };
  for (const [key, group] of byLoose) report(key, group, 'same name but for case, spaces or punctuation');
  for (const node of nodes) {
    const words = normaliseName(node.name).split(' ');
    if (words.length < 2) continue;
    const rest = looseKey(words.slice(1).join(' '));
    const other = byLoose.get(rest);
    if (other) report(rest, [node, ...other], `same name after the leading word "${words[0]}"`);
  }
  return misses;
}

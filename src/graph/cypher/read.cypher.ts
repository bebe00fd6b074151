import { labelOf, type NodeKind } from '../../model/kinds';
import { RELATIONSHIPS, type RelationshipType } from '../../model/relationships';
import { anyNodeProjection, projection } from './projections.cypher';

/*
 * Read statements. Labels, types and filter fragments come only from the fixed tables below;
 * every value a client sends arrives as a parameter.
 */

export type Direction = 'OUT' | 'IN';

/** Each filter a list accepts, as a condition on `n` reading `$filter.<key>`. */
export const FILTER_CONDITIONS = {
  nameContains: 'toLower(n.name) CONTAINS toLower($filter.nameContains)',
  seniority: 'toLower(n.seniority) = toLower($filter.seniority)',
  track: 'n.track = $filter.track',
  minLevel: 'n.level >= $filter.minLevel',
  maxLevel: 'n.level <= $filter.maxLevel',
  usesTool: 'EXISTS { (n)-[:USES_TOOL]->(:Tool {id: $filter.usesTool}) }',
  requiresSkill: 'EXISTS { (n)-[:REQUIRES_SKILL]->(:Skill {id: $filter.requiresSkill}) }',
  usesFramework: 'EXISTS { (n)-[:USES_FRAMEWORK]->(:Framework {id: $filter.usesFramework}) }',
  hiredBy: 'EXISTS { (:Employer {id: $filter.hiredBy})-[:HIRES]->(n) }',
  category: 'EXISTS { (n)-[:IN_CATEGORY]->(:Category {id: $filter.category}) }',
  usedByRole: 'EXISTS { (:Role {id: $filter.usedByRole})-[:USES_TOOL|USES_FRAMEWORK|USES_LANGUAGE]->(n) }',
  requiredByRole: 'EXISTS { (:Role {id: $filter.requiredByRole})-[:REQUIRES_SKILL]->(n) }',
  hiresRole: 'EXISTS { (n)-[:HIRES]->(:Role {id: $filter.hiresRole}) }',
  practicedByRole: 'EXISTS { (:Role {id: $filter.practicedByRole})-[:PRACTICES]->(n) }',
  runsOn: 'EXISTS { (n)-[:RUNS_ON]->(:Tool {id: $filter.runsOn}) }',
} as const;

export type FilterKey = keyof typeof FILTER_CONDITIONS;

/**
 * One page of a kind, ordered by name then id, after the keyset cursor `$after` ({ name, id })
 * when given, with the total count of the filtered list. Rows: { page, totalCount }.
 */
export const listNodes = (kind: NodeKind, filters: readonly FilterKey[]) => {
  const where = filters.map((key) => FILTER_CONDITIONS[key]);
  const filtered = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const paged = [...where, '($after IS NULL OR n.name > $after.name OR (n.name = $after.name AND n.id > $after.id))'];
  return `
MATCH (n:${labelOf(kind)})
WHERE ${paged.join(' AND ')}
WITH n ORDER BY n.name, n.id LIMIT $limit
WITH collect(${projection(kind, 'n', '$lean')}) AS page
RETURN page, COUNT { MATCH (n:${labelOf(kind)}) ${filtered} } AS totalCount
`;
};

/** Full-text search over every kind; `$labels` null means all. Rows: { score, node }. */
export const SEARCH = `
CALL db.index.fulltext.queryNodes('node_search', $query) YIELD node AS n, score
WHERE $labels IS NULL OR any(label IN labels(n) WHERE label IN $labels)
WITH n, score ORDER BY score DESC, n.name, n.id LIMIT $limit
RETURN score, ${anyNodeProjection('n', '$lean')} AS node
`;

/**
 * One id-keyed read: the nodes of a kind, or one relationship type seen from one end; `lean`
 * reads only the nodes' `__typename`, `id` and `name`, and an edge read without `properties`
 * leaves the relationships' own properties out.
 */
export type KeyedRead = (
  | { read: 'node'; kind: NodeKind }
  | { read: 'edges'; type: RelationshipType; direction: Direction; properties: boolean }
) & { lean: boolean };

/**
 * Several id-keyed reads as one statement (one round trip): part `i` reads the ids in `$ids<i>`
 * (lean when `$lean<i>`) and returns rows { g: i, id, value } — the node for a node read, or
 * the list of { node, properties } for an edge read (properties null unless `$props<i>`),
 * ordered by the far end's name then id.
 */
export function keyedReads(reads: readonly KeyedRead[]): string {
  return reads
    .map((read, i) => (read.read === 'node' ? nodePart(read.kind, i) : edgePart(read.type, read.direction, i)))
    .join('\nUNION ALL\n');
}

const nodePart = (kind: NodeKind, g: number) => `
UNWIND $ids${g} AS id
MATCH (n:${labelOf(kind)} {id: id})
RETURN ${g} AS g, id, ${projection(kind, 'n', `$lean${g}`)} AS value`;

function edgePart(type: RelationshipType, direction: Direction, g: number): string {
  const spec = RELATIONSHIPS[type];
  const [here, there] = direction === 'OUT' ? [spec.from, spec.to] : [spec.to, spec.from];
  const arrow = direction === 'OUT' ? ['-', '->'] : ['<-', '-'];
  return `
UNWIND $ids${g} AS id
MATCH (a:${labelOf(here)} {id: id})${arrow[0]}[r:${type}]${arrow[1]}(b:${labelOf(there)})
WITH id, r, b ORDER BY b.name, b.id
RETURN ${g} AS g, id, collect({
  node: ${projection(there, 'b', `$lean${g}`)},
  properties: CASE WHEN $props${g} THEN { emphasis: r.emphasis, note: r.note, sources: coalesce(r.sources, []) } END
}) AS value`;
}

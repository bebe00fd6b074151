import { labelOf, type NodeKind } from '../../model/kinds';
import { endOfFilter } from '../../model/relationships';
import { sharedReads, type NodePlan } from '../read-plan';
import { anyNodeProjection } from './projections.cypher';
import { Params, planProjection, planStatement, sharedRelationRead } from './read-plan.cypher';

/*
 * Read statements. Labels, types and filter fragments come only from the model's tables; every
 * value a client sends arrives as a parameter.
 */

/** The filters on a node's own properties, as conditions on `n` reading `$filter.<key>`. */
const PROPERTY_CONDITIONS: Record<string, string> = {
  nameContains: 'toLower(n.name) CONTAINS toLower($filter.nameContains)',
  seniority: 'toLower(n.seniority) = toLower($filter.seniority)',
  track: 'n.track = $filter.track',
  minLevel: 'n.level >= $filter.minLevel',
  maxLevel: 'n.level <= $filter.maxLevel',
};

/**
 * The condition of one list filter of a kind: a property filter, or a relationship filter (the
 * node has that relationship to the node with the given id), or undefined for an unknown key.
 */
export function filterCondition(kind: NodeKind, key: string): string | undefined {
  if (Object.hasOwn(PROPERTY_CONDITIONS, key)) return PROPERTY_CONDITIONS[key];
  const end = endOfFilter(kind, key);
  if (!end || !/^[A-Za-z]+$/.test(key)) return undefined;
  const [left, right] = end.direction === 'OUT' ? ['-', '->'] : ['<-', '-'];
  return `EXISTS { (n)${left}[:${end.type}]${right}(:${labelOf(end.far)} {id: $filter.${key}}) }`;
}

/** The keys of `filter` that are given (not null) and name a condition of `kind`, with their values. */
export function knownFilter<V>(kind: NodeKind, filter: Record<string, V | null | undefined> | null | undefined) {
  return Object.fromEntries(
    Object.entries(filter ?? {}).filter(([key, v]) => v !== undefined && v !== null && filterCondition(kind, key)),
  ) as Record<string, V>;
}

/** A statement with its parameters. */
export interface Statement {
  text: string;
  params: Record<string, unknown>;
}

/**
 * One page of `$first` nodes of a kind as `plan` reads it, ordered by name then id, after the
 * keyset cursor `$after` ({ name, id }) when given, with whether another page follows and the
 * total count of the filtered list. `filters` are known keys (see `filterCondition`). Rows:
 * { page, hasNextPage, totalCount }.
 */
export function listNodes(plan: NodePlan, filters: readonly string[]): Statement {
  return planStatement('listNodes', [plan, ...filters], () => buildListNodes(plan, filters));
}

function buildListNodes(plan: NodePlan, filters: readonly string[]): Statement {
  const params = new Params();
  const where = filters.map((key) => filterCondition(plan.kind, key)!);
  const filtered = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const paged = [...where, '($after IS NULL OR n.name > $after.name OR (n.name = $after.name AND n.id > $after.id))'];
  const label = labelOf(plan.kind);
  const text = `
MATCH (n:${label})
WHERE ${paged.join(' AND ')}
WITH n ORDER BY n.name, n.id LIMIT $first + 1
WITH collect(n) AS fetched
// The node past the page only says another page follows: what the plan reads below it is not read.
CALL (fetched) {
  UNWIND fetched[0..$first] AS n${pageProjection(plan, params)}
}
RETURN page, shared, size(fetched) > $first AS hasNextPage, COUNT { MATCH (n:${label}) ${filtered} } AS totalCount
`;
  return { text, params: params.values };
}

/**
 * The page's nodes (rows `n`) as `plan` reads them, collected as `page`, with the far nodes of its
 * shared reads (src/graph/read-plan.ts `sharedReads`) as `shared`, one list per read, each far node
 * read once however many of the page's nodes reach it.
 */
function pageProjection(plan: NodePlan, params: Params): string {
  const shared = sharedReads(plan);
  if (shared.length === 0) {
    // Collected on its own: beside `[] AS shared` the list would be grouped, and no node no row.
    return `
  WITH collect(${planProjection(plan, 'n', params)}) AS page
  RETURN page, [] AS shared`;
  }
  const ends = shared.map((read, k) => `${sharedRelationRead(read, 'n', params)} AS s${k}`);
  const given = new Map(shared.map((read, k) => [read.key, `[x IN s${k} | x.v]`]));
  const once = shared.map(
    // `n1`, as the far ends are named one level down (nested reads below go on from it).
    (read, k) => `
  CALL (all${k}) {
    UNWIND all${k} AS ends UNWIND ends AS x
    WITH DISTINCT x.n AS n1
    RETURN collect(${planProjection(read.node!, 'n1', params)}) AS shared${k}
  }`,
  );
  return `
  WITH n, ${ends.join(', ')}
  WITH collect(${planProjection(plan, 'n', params, given)}) AS page, ${shared.map((_, k) => `collect(s${k}) AS all${k}`).join(', ')}${once.join('')}
  RETURN page, [${shared.map((_, k) => `shared${k}`).join(', ')}] AS shared`;
}

/**
 * Hits past the page asked for that a search first takes from the index (times the page): enough
 * that the page's last hit usually scores above the lowest taken, which is what makes the page
 * certain (see `search`).
 */
export const SEARCH_PROBE_FACTOR = 2;

/**
 * Full-text search over every kind, or over `$labels`; the first `$limit` hits by score, then name
 * and id. Each hit is read as the plan of its kind. Rows: { score, node }.
 *
 * Over every kind, the index is first asked for its best `$limit × SEARCH_PROBE_FACTOR` hits
 * only: it keeps every hit scoring above the lowest it returns, so when it returns fewer than
 * asked, or the page's last hit scores above that lowest, the page is those hits' first `$limit`
 * and no other hit's name is read. Otherwise (a tie across the cut) the page comes from every
 * hit, as with `$labels`, whose filter comes after the index.
 */
export function search(plans: Record<NodeKind, NodePlan>, byKind: boolean): Statement {
  const kinds = (Object.keys(plans) as NodeKind[]).sort();
  return planStatement('search', [byKind ? 'byKind' : 'all', ...kinds, ...kinds.map((k) => plans[k])], () =>
    buildSearch(plans, byKind),
  );
}

const RANKED = 'ORDER BY score DESC, n.name, n.id';

function buildSearch(plans: Record<NodeKind, NodePlan>, byKind: boolean): Statement {
  const params = new Params();
  const node = anyNodeProjection('n', (kind) => planProjection(plans[kind], 'n', params));
  const probe = `$limit * ${SEARCH_PROBE_FACTOR}`;
  const hits = byKind
    ? `
CALL db.index.fulltext.queryNodes('node_search', $query) YIELD node AS n, score
WHERE any(label IN labels(n) WHERE label IN $labels)
WITH n, score ${RANKED} LIMIT $limit`
    : `
CALL db.index.fulltext.queryNodes('node_search', $query, { limit: ${probe} }) YIELD node AS n, score
WITH n, score ${RANKED}
WITH collect({ n: n, score: score }) AS probed
WITH probed, size(probed) < ${probe} OR probed[$limit - 1].score > probed[-1].score AS certain
CALL (probed, certain) {
  WITH probed, certain WHERE certain
  UNWIND probed[0..$limit] AS hit
  RETURN hit.n AS n, hit.score AS score
  UNION ALL
  WITH probed, certain WHERE NOT certain
  CALL db.index.fulltext.queryNodes('node_search', $query) YIELD node AS n, score
  WITH n, score ${RANKED} LIMIT $limit
  RETURN n, score
}
WITH n, score ${RANKED}`;
  const text = `${hits}
RETURN score, ${node} AS node
`;
  return { text, params: params.values };
}

/**
 * Several id-keyed reads as one statement (one round trip): part `i` reads the nodes of its
 * plan's kind whose ids are in `$ids<i>`, as its plan reads them. Rows: { g: i, id, value }.
 */
export function keyedReads(plans: readonly NodePlan[]): Statement {
  return planStatement('keyedReads', plans, () => buildKeyedReads(plans));
}

function buildKeyedReads(plans: readonly NodePlan[]): Statement {
  const params = new Params();
  const text = plans
    .map(
      (plan, g) => `
UNWIND $ids${g} AS id
MATCH (n:${labelOf(plan.kind)} {id: id})
RETURN ${g} AS g, id, ${planProjection(plan, 'n', params)} AS value`,
    )
    .join('\nUNION ALL\n');
  return { text, params: params.values };
}

import type { NodeLabel } from '../../model/kinds';
import type { RelationshipType } from '../../model/relationships';

/*
 * The statements of a publisher import (src/import). Labels and types come only from the model's
 * tables; every value is a parameter. The import compares before it writes, so each statement
 * either reads what a batch will touch or writes whole, already merged, property maps.
 */

/** What the identity rule and the role lookups need of every node of a label. */
export const knownNodes = (label: NodeLabel) => `
MATCH (n:${label})
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.provenance, []) AS provenance,
       n.onetCode AS onetCode, n.escoUri AS escoUri
`;

/** Rows: { id }. The stored properties of those that exist. */
export const readNodes = (label: NodeLabel) => `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN n.id AS id, properties(n) AS props
`;

/** Rows: { id, props }: the node's whole merged property map. */
export const writeNodes = (label: NodeLabel) => `
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
SET n = row.props, n.updatedAt = datetime()
`;

/** Rows: { from, to }. The stored properties of those edges that exist. */
export const readEdges = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => `
UNWIND $rows AS row
MATCH (a:${from} {id: row.from})-[r:${type}]->(b:${to} {id: row.to})
RETURN a.id AS from, b.id AS to, properties(r) AS props
`;

/** Rows: { from, to, props }. Both ends exist: the import writes nodes before their edges. */
export const writeEdges = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => `
UNWIND $rows AS row
MATCH (a:${from} {id: row.from})
MATCH (b:${to} {id: row.to})
MERGE (a)-[r:${type}]->(b)
SET r = row.props, r.updatedAt = datetime()
`;

/** Nodes whose provenance names one of the sources ($prefixes: the start of their entries' JSON). */
export const nodesStatedBy = (label: NodeLabel) => `
MATCH (n:${label})
WHERE any(p IN coalesce(n.provenance, []) WHERE any(x IN $prefixes WHERE p STARTS WITH x))
RETURN n.id AS id, n.provenance AS provenance, coalesce(n.sources, []) AS sources
`;

export const edgesStatedBy = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => `
MATCH (a:${from})-[r:${type}]->(b:${to})
WHERE any(p IN coalesce(r.provenance, []) WHERE any(x IN $prefixes WHERE p STARTS WITH x))
RETURN a.id AS from, b.id AS to, r.provenance AS provenance, coalesce(r.sources, []) AS sources
`;

/**
 * Rows: { id, provenance, sources, cleared }: what is left, and the properties only the retiring
 * sources stated (nulls); a node no source states any more is deleted.
 */
export const retireNodes = (label: NodeLabel) => `
UNWIND $rows AS row
MATCH (n:${label} {id: row.id})
FOREACH (_ IN CASE WHEN size(row.provenance) > 0 THEN [1] ELSE [] END |
  SET n += row.cleared, n.provenance = row.provenance, n.sources = row.sources, n.updatedAt = datetime())
WITH n, row WHERE size(row.provenance) = 0
DETACH DELETE n
`;

export const retireEdges = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => `
UNWIND $rows AS row
MATCH (:${from} {id: row.from})-[r:${type}]->(:${to} {id: row.to})
FOREACH (_ IN CASE WHEN size(row.provenance) > 0 THEN [1] ELSE [] END |
  SET r.provenance = row.provenance, r.sources = row.sources, r.updatedAt = datetime())
WITH r, row WHERE size(row.provenance) = 0
DELETE r
`;

/** Marks a source's load as started: INCOMPLETE until finishDataSource. */
export const START_DATA_SOURCE = `
MERGE (d:DataSource {key: $key})
SET d.source = $source, d.version = $version, d.licence = $licence, d.attribution = $attribution,
    d.state = 'INCOMPLETE', d.startedAt = datetime()
`;

export const FINISH_DATA_SOURCE = `
MATCH (d:DataSource {key: $key})
SET d.state = 'COMPLETE', d.loadedAt = datetime(), d.counts = $counts, d.facts = $facts
`;

export const DATA_SOURCES = `
MATCH (d:DataSource)
RETURN d.key AS key, d.source AS source, d.version AS version, d.state AS state, d.counts AS counts, d.facts AS facts
ORDER BY key
`;

/** ESCO roles and the O*NET codes the crosswalk makes them equivalent to, with its confidence. */
export const CROSSWALK_EQUIVALENTS = `
MATCH (e:Role)-[r:EQUIVALENT_TO]->(o:Role)
WHERE e.escoUri IS NOT NULL AND o.onetCode IS NOT NULL AND r.confidence IS NOT NULL
RETURN e.id AS id, o.onetCode AS onetCode, r.confidence AS confidence
`;

export const COUNT_DATA_SOURCES = `MATCH (d:DataSource) RETURN count(d) AS count`;

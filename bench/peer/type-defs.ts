/*
 * The peer's schema: @neo4j/graphql 7 over the same database. Relationships are native
 * (@relationship); the traversals are @cypher fields with the same statements as the API's
 * traversals; search is a @cypher field over the same `node_search` full-text index (the
 * library's own @fulltext queries one label at a time and cannot rank several kinds together).
 * Its single words are the API's rule; several words (R3) come as `query`, the Lucene query the
 * API builds from them, which a @cypher statement cannot reasonably build. Ranked as the API
 * ranks: from the index's best 2 × first hits when they settle the page, else from every hit.
 */
const SEARCH_QUERY = `
WITH [t IN split(toLower($text), ' ') WHERE t <> '' | CASE WHEN size(t) > 1 THEN t + '^2 OR ' + t + '*' ELSE t + '^2' END] AS terms
WITH CASE WHEN $query = '' THEN reduce(q = head(terms), t IN tail(terms) | q + ' OR ' + t) ELSE $query END AS query
CALL db.index.fulltext.queryNodes('node_search', query, { limit: 2 * $first }) YIELD node AS n, score
WITH query, n, score ORDER BY score DESC, n.name, n.id
WITH query, collect({ n: n, score: score }) AS probed
WITH query, probed, size(probed) < 2 * $first OR probed[$first - 1].score > probed[-1].score AS certain
CALL (query, probed, certain) {
  WITH probed, certain WHERE certain
  UNWIND probed[0..$first] AS hit
  RETURN hit.n AS n, hit.score AS score
  UNION ALL
  WITH query, certain WHERE NOT certain
  CALL db.index.fulltext.queryNodes('node_search', query) YIELD node AS n, score
  WITH n, score ORDER BY score DESC, n.name, n.id LIMIT $first
  RETURN n, score
}
WITH n, score ORDER BY score DESC, n.name, n.id
RETURN { score: score, node: { name: n.name } } AS hit
`;

const PATHS_QUERY = `
MATCH (s:Role {id: $from}), (t:Role {id: $to})
MATCH p = (s)-[:PROGRESSES_TO*1..4]->(t)
WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
WITH s, t, p, CASE
  WHEN s.salaryMin IS NULL OR t.salaryMin IS NULL OR s.salaryCurrency <> t.salaryCurrency
    OR s.salaryPeriod <> t.salaryPeriod OR s.salaryBasis <> t.salaryBasis THEN null
  ELSE (t.salaryMin - s.salaryMin) + (t.salaryMax - s.salaryMax) END AS gain
WITH s, p, gain, COLLECT {
    UNWIND nodes(p)[1..] AS n
    MATCH (n)-[:REQUIRES_SKILL]->(x:Skill) WHERE NOT (s)-[:REQUIRES_SKILL]->(x)
    WITH DISTINCT x ORDER BY x.name, x.id
    RETURN { name: x.name }
  } AS skillsToAcquire
ORDER BY length(p), gain IS NULL, gain DESC, size(skillsToAcquire), [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)]
LIMIT $first
RETURN { length: length(p), roles: [n IN nodes(p) | { name: n.name }], skillsToAcquire: skillsToAcquire } AS path
`;

const COMPARE_QUERY = `
MATCH (a:Role {id: $a}), (b:Role {id: $b})
WITH a, b,
  COLLECT { MATCH (a)-[:USES_TOOL]->(x:Tool) RETURN x ORDER BY x.name, x.id } AS ta,
  COLLECT { MATCH (b)-[:USES_TOOL]->(x:Tool) RETURN x ORDER BY x.name, x.id } AS tb,
  COUNT { (a)-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]->() } AS na,
  COUNT { (b)-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]->() } AS nb,
  COUNT { (a)-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]->(x)<-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]-(b) } AS nboth
WITH ta, tb, na, nb, nboth, [x IN ta WHERE x IN tb] AS shared
RETURN {
  tools: {
    shared: [x IN shared | { name: x.name }],
    jaccard: CASE WHEN size(ta) + size(tb) - size(shared) = 0 THEN 0.0 ELSE toFloat(size(shared)) / (size(ta) + size(tb) - size(shared)) END
  },
  jaccard: CASE WHEN na + nb - nboth = 0 THEN 0.0 ELSE toFloat(nboth) / (na + nb - nboth) END
} AS comparison
`;

export const typeDefs = /* GraphQL */ `
  type Salary {
    min: Int!
    max: Int!
    median: Int
  }

  type Role @node {
    id: ID!
    name: String!
    level: Int
    onetCode: String
    salary: Salary
      @cypher(
        statement: "RETURN CASE WHEN this.salaryMin IS NULL THEN null ELSE { min: this.salaryMin, max: this.salaryMax, median: this.salaryMedian } END AS salary"
        columnName: "salary"
      )
    tools: [Tool!]! @relationship(type: "USES_TOOL", direction: OUT)
    skills: [Skill!]! @relationship(type: "REQUIRES_SKILL", direction: OUT)
    frameworks: [Framework!]! @relationship(type: "USES_FRAMEWORK", direction: OUT)
    nextRoles: [Role!]! @relationship(type: "PROGRESSES_TO", direction: OUT)
    relatedRoles: [Role!]! @relationship(type: "RELATED_TO", direction: OUT)
    equivalentRoles: [Role!]! @relationship(type: "EQUIVALENT_TO", direction: OUT)
    equivalentFrom: [Role!]! @relationship(type: "EQUIVALENT_TO", direction: IN)
  }

  type Tool @node {
    id: ID!
    name: String!
    usedBy: [Role!]! @relationship(type: "USES_TOOL", direction: IN)
  }

  type Skill @node {
    id: ID!
    name: String!
  }

  type Framework @node {
    id: ID!
    name: String!
  }

  type Named {
    name: String!
  }

  type CareerPath {
    length: Int!
    roles: [Named!]!
    skillsToAcquire: [Named!]!
  }

  type SearchHit {
    score: Float!
    node: Named!
  }

  type Overlap {
    shared: [Named!]!
    jaccard: Float!
  }

  type RoleComparison {
    tools: Overlap!
    jaccard: Float!
  }

  type Query {
    role(id: ID!): Role @cypher(statement: "MATCH (this:Role {id: $id}) RETURN this", columnName: "this")
    sharedTools(roleIds: [ID!]!): [Tool!]!
      @cypher(
        statement: """
        UNWIND $roleIds AS id
        MATCH (:Role {id: id})-[:USES_TOOL]->(x:Tool)
        WITH x, count(DISTINCT id) AS holders
        WHERE holders = size($roleIds)
        RETURN x ORDER BY x.name, x.id
        """
        columnName: "x"
      )
    progressionPaths(from: ID!, to: ID!, maxSteps: Int = 4, first: Int = 5): [CareerPath!]!
      @cypher(statement: """${PATHS_QUERY}""", columnName: "path")
    search(text: String!, query: String = "", first: Int = 10): [SearchHit!]!
      @cypher(statement: """${SEARCH_QUERY}""", columnName: "hit")
    compareRoles(a: ID!, b: ID!): RoleComparison @cypher(statement: """${COMPARE_QUERY}""", columnName: "comparison")
  }
`;

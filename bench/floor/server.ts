// As the API does (src/index.ts), so that the comparison is of the servers, not of the driver's garbage.
import '../../src/driver-load-hook';
import { createServer } from 'node:http';
import neo4j from 'neo4j-driver';
import { toLuceneQuery } from '../../src/graph/search-query';
import { MAX_TRANSITION_ITEMS } from '../../src/graph/repositories/fit.repository';
import {
  BASE_NEED,
  EMPHASIS_NEED,
  ESCO_NEED,
  ESSENTIAL_NEED,
  FLAG_BONUS,
  IMPORTANCE_MAX,
  MIN_REQUIREMENTS,
  RELEVANCE_EMPHASIS,
  REQUIREMENT_TYPES,
  TECHNOLOGY_NEED,
} from '../../src/model/fit-weights';
import {
  R1_FIRST,
  R5_FIRST,
  R5_MISSING_FIRST,
  R6_FIRST,
  R6_MIN_SIMILARITY,
  W1_FIRST,
  W2_FIRST,
  type Profile,
} from '../workloads';

/*
 * The floor: the least a server can do per workload — parse the variables, run one hand-written
 * Cypher statement (an auto-commit read on a fresh session, as the API does), write the JSON.
 * POST /<workload> with the variables as the JSON body; answers { "data": ... } shaped like the
 * GraphQL answer. Env: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT. Prints "ready <url>".
 */

type Vars = Record<string, unknown>;
type Rows = Record<string, unknown>[];

const names = (v: string) => `{ name: ${v}.name }`;

/** The sorted names of `r`'s neighbours over one relationship pattern, one page. */
const namesOf = (pattern: string, first: number) =>
  `COLLECT { MATCH ${pattern} RETURN ${names('x')} ORDER BY x.name, x.id LIMIT ${first} }`;

/**
 * Search: the API's own text-to-Lucene rule, then the index, ranked as the API ranks: from the
 * index's best 20 hits when they settle the first 10, from every hit when a tie crosses the cut.
 */
const SEARCH = {
  cypher: `
CALL db.index.fulltext.queryNodes('node_search', $query, { limit: 20 }) YIELD node AS n, score
WITH n, score ORDER BY score DESC, n.name, n.id
WITH collect({ n: n, score: score }) AS probed
WITH probed, size(probed) < 20 OR probed[9].score > probed[-1].score AS certain
CALL (probed, certain) {
  WITH probed, certain WHERE certain
  UNWIND probed[0..10] AS hit
  RETURN hit.n AS n, hit.score AS score
  UNION ALL
  WITH probed, certain WHERE NOT certain
  CALL db.index.fulltext.queryNodes('node_search', $query) YIELD node AS n, score
  WITH n, score ORDER BY score DESC, n.name, n.id LIMIT 10
  RETURN n, score
}
WITH n, score ORDER BY score DESC, n.name, n.id
RETURN { score: score, node: ${names('n')} } AS hit`,
  params: (v: Vars) => ({ query: toLuceneQuery(String(v.text)) }),
  shape: (rows: Rows) => ({ search: rows.map((r) => r.hit) }),
};

/*
 * The fit of src/model/fit-weights.ts, written out for R5 and R6 (the constants come from there).
 * weight(x) = need × distinct(x); fit = (1 + β²) W / (β² P + R), W the weight of the role's
 * requirements the profile has, R of all of them, P the profile's Σ distinct.
 */
const float = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(v));
const REQUIRES = REQUIREMENT_TYPES.join('|');
const B2 = float(RELEVANCE_EMPHASIS ** 2);

/** Requirement edge `e`'s need: its strongest signal, BASE_NEED when it has none. */
const needOf = (e: string) => `[strongest IN [reduce(m = -1.0, signal IN [
    CASE WHEN ${e}.hot IS NOT NULL OR ${e}.inDemand IS NOT NULL THEN ${float(TECHNOLOGY_NEED)}
      + CASE WHEN ${e}.hot = true THEN ${float(FLAG_BONUS.hot)} ELSE 0.0 END
      + CASE WHEN ${e}.inDemand = true THEN ${float(FLAG_BONUS.inDemand)} ELSE 0.0 END END,
    toFloat(${e}.importance) / ${float(IMPORTANCE_MAX)},
    CASE ${e}.escoRelation WHEN 'essential' THEN ${float(ESCO_NEED.essential)} WHEN 'optional' THEN ${float(ESCO_NEED.optional)} END,
    CASE ${e}.emphasis ${Object.entries(EMPHASIS_NEED)
      .map(([k, v]) => `WHEN '${k}' THEN ${float(v)}`)
      .join(' ')} END
  ] | CASE WHEN signal > m THEN signal ELSE m END)] | CASE WHEN strongest < 0 THEN ${float(BASE_NEED)} ELSE strongest END][0]`;

/** Item `x`'s distinctiveness among the `roles` roles: rarer counts more. */
const distinctOf = (x: string) => `log(1.0 + toFloat(roles) / CASE WHEN COUNT { (${x})<-[:${REQUIRES}]-() } > 1
  THEN COUNT { (${x})<-[:${REQUIRES}]-() } ELSE 1 END) / log(1.0 + roles)`;

/**
 * Role `r`'s requirements, each item once with its strongest need: its own, and (an ESCO
 * occupation) those of its O*NET counterparts it lacks. Rows: x, need.
 */
const requirementsOf = (r: string) => `CALL (${r}) {
  MATCH (${r})-[e:${REQUIRES}]->(x)
  RETURN x, max(${needOf('e')}) AS need
  UNION ALL
  MATCH (${r})-[:EQUIVALENT_TO]->(o:Role)-[e:${REQUIRES}]->(x)
  WHERE ${r}.escoUri IS NOT NULL AND o.onetCode IS NOT NULL AND NOT (${r})-[:${REQUIRES}]->(x)
  RETURN x, max(${needOf('e')}) AS need
}`;

const fitFrom = (w: string, p: string, r: string) =>
  `CASE WHEN ${w} = 0 THEN 0.0 ELSE (1.0 + ${B2}) * ${w} / (${B2} * ${p} + ${r}) END`;

const weighted = (x: string) => `{ item: { id: ${x}.id, name: ${x}.name }, weight: weight }`;

const MATCH_ROLES = `
WITH COUNT { (:Role) } AS roles
CALL () {
  UNWIND $skills AS id MATCH (x:Skill {id: id}) RETURN x
  UNION UNWIND $tools AS id MATCH (x:Tool {id: id}) RETURN x
  UNION UNWIND $frameworks AS id MATCH (x:Framework {id: id}) RETURN x
  UNION UNWIND $languages AS id MATCH (x:Language {id: id}) RETURN x
}
WITH roles, collect(x) AS profile
WITH roles, profile, reduce(p = 0.0, x IN profile | p + ${distinctOf('x')}) AS profileWeight
CALL (profile) {
  UNWIND profile AS x MATCH (x)<-[:${REQUIRES}]-(r:Role) RETURN r
  UNION
  UNWIND profile AS x MATCH (x)<-[:${REQUIRES}]-(o:Role)<-[:EQUIVALENT_TO]-(r:Role)
  WHERE r.escoUri IS NOT NULL AND o.onetCode IS NOT NULL RETURN r
}
CALL (r, profile, roles) {
  ${requirementsOf('r')}
  WITH x, need * ${distinctOf('x')} AS weight
  RETURN count(x) AS requirements, sum(weight) AS total, sum(CASE WHEN x IN profile THEN weight ELSE 0.0 END) AS covered
}
WITH roles, profile, profileWeight, r, requirements, total, covered,
  ${fitFrom('covered', 'profileWeight', 'total')} AS fit
WHERE requirements >= ${MIN_REQUIREMENTS} AND fit > 0
ORDER BY fit DESC, r.name, r.id
WITH roles, profile, profileWeight,
  collect({ r: r, fit: fit, coverage: covered / total, relevance: covered / profileWeight }) AS ranked
CALL (ranked, profile, roles) {
  UNWIND range(0, size(ranked[0..${R5_FIRST}]) - 1) AS rank
  WITH rank, ranked[rank] AS top
  WITH rank, top, top.r AS r
  CALL (r, profile, roles) {
    ${requirementsOf('r')}
    WITH x, need, need * ${distinctOf('x')} AS weight, x IN profile AS has
    ORDER BY weight DESC, x.name, x.id
    RETURN collect(CASE WHEN has THEN ${weighted('x')} END) AS covered,
      collect(CASE WHEN NOT has AND need >= ${float(ESSENTIAL_NEED)} THEN ${weighted('x')} END)[0..${R5_MISSING_FIRST}] AS missingEssentials,
      sum(CASE WHEN has THEN 0 ELSE 1 END) AS missingCount
  }
  WITH rank, { role: { id: r.id, name: r.name }, fit: top.fit, coverage: top.coverage, relevance: top.relevance,
    missingCount: missingCount, covered: covered, missingEssentials: missingEssentials } AS match
  ORDER BY rank
  RETURN collect(match) AS matches
}
RETURN { rankedCount: size(ranked), matches: matches } AS answer`;

/** The stored transitions of $from by rank; each similarity computed again from the weights read for shared and missing. */
const TRANSITIONS = `
MATCH (a:Role {id: $from})
WITH a, COUNT { (:Role) } AS roles
CALL (a) {
  ${requirementsOf('a')}
  RETURN collect(x) AS known
}
WITH a, roles, known, reduce(p = 0.0, x IN known | p + ${distinctOf('x')}) AS profileWeight
MATCH (a)-[s:SIMILAR_TO]->(b:Role)
WHERE s.score >= ${float(R6_MIN_SIMILARITY)}
WITH a, roles, known, profileWeight, s, b ORDER BY s.rank LIMIT ${R6_FIRST}
CALL (b, known, roles) {
  ${requirementsOf('b')}
  WITH x, need * ${distinctOf('x')} AS weight, x IN known AS has
  ORDER BY weight DESC, x.name, x.id
  RETURN collect(CASE WHEN has THEN ${weighted('x')} END)[0..${MAX_TRANSITION_ITEMS}] AS shared,
    collect(CASE WHEN NOT has THEN ${weighted('x')} END)[0..${MAX_TRANSITION_ITEMS}] AS missing,
    sum(CASE WHEN has THEN weight ELSE 0.0 END) AS covered, sum(weight) AS total
}
RETURN { role: { id: b.id, name: b.name }, similarity: ${fitFrom('covered', 'profileWeight', 'total')}, rank: s.rank,
  shared: shared, missing: missing,
  salaryChange: CASE WHEN a.salaryMin IS NULL OR b.salaryMin IS NULL
      OR NOT coalesce(a.salaryCurrency = b.salaryCurrency AND a.salaryPeriod = b.salaryPeriod AND a.salaryBasis = b.salaryBasis, false)
    THEN null
    ELSE { min: toInteger(round(b.salaryMin - a.salaryMin)), max: toInteger(round(b.salaryMax - a.salaryMax)), currency: b.salaryCurrency } END
} AS transition
ORDER BY s.rank`;

const WORKLOADS: Record<string, { cypher: string; params?: (v: Vars) => Vars; shape: (rows: Rows) => unknown }> = {
  w1: {
    cypher: `
MATCH (r:Role {id: $id})
RETURN { name: r.name,
  salary: CASE WHEN r.salaryMin IS NULL THEN null ELSE { min: r.salaryMin, max: r.salaryMax } END,
  tools: COLLECT { MATCH (r)-[:USES_TOOL]->(x:Tool) RETURN ${names('x')} ORDER BY x.name, x.id LIMIT ${W1_FIRST} },
  skills: COLLECT { MATCH (r)-[:REQUIRES_SKILL]->(x:Skill) RETURN ${names('x')} ORDER BY x.name, x.id LIMIT ${W1_FIRST} },
  nextRoles: COLLECT { MATCH (r)-[:PROGRESSES_TO]->(x:Role) RETURN ${names('x')} ORDER BY x.name, x.id LIMIT ${W1_FIRST} }
} AS role`,
    shape: (rows) => ({ role: rows[0]?.role ?? null }),
  },
  // Each tool once, however many of the roles use it (the popular ones are under many), joined
  // back by id here, as the API reads a page whose far nodes read relationships of their own.
  w2: {
    cypher: `
MATCH (r:Role) WITH r ORDER BY r.name, r.id LIMIT 50
WITH collect(r) AS roles
WITH roles, [r IN roles | COLLECT { MATCH (r)-[:USES_TOOL]->(t:Tool) WITH t ORDER BY t.name, t.id LIMIT ${W2_FIRST} RETURN t }] AS toolsOf
CALL (toolsOf) {
  UNWIND toolsOf AS ts UNWIND ts AS t
  WITH DISTINCT t
  RETURN collect({ id: t.id, name: t.name, usedBy: COLLECT { MATCH (t)<-[:USES_TOOL]-(u:Role) RETURN ${names('u')} ORDER BY u.name, u.id LIMIT ${W2_FIRST} } }) AS tools
}
RETURN [i IN range(0, size(roles) - 1) | { name: roles[i].name, tools: [t IN toolsOf[i] | t.id] }] AS roles, tools`,
    shape: (rows) => {
      type Tool = { id: string; name: string; usedBy: unknown[] };
      const { roles, tools } = rows[0] as { roles: { name: string; tools: string[] }[]; tools: Tool[] };
      const byId = new Map(tools.map(({ id, ...tool }) => [id, tool]));
      return {
        roles: {
          edges: roles.map(({ name, tools: ids }) => ({ node: { name, tools: ids.map((id) => byId.get(id)) } })),
        },
      };
    },
  },
  w3: {
    cypher: `
UNWIND $roleIds AS id
MATCH (:Role {id: id})-[:USES_TOOL]->(x:Tool)
WITH x, count(DISTINCT id) AS holders WHERE holders = size($roleIds)
RETURN ${names('x')} AS tool ORDER BY x.name, x.id`,
    shape: (rows) => ({ sharedTools: rows.map((r) => r.tool) }),
  },
  w4: {
    cypher: `
MATCH (s:Role {id: $from}), (t:Role {id: $to})
MATCH p = (s)-[:PROGRESSES_TO*1..4]->(t)
WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
WITH s, p, CASE
  WHEN s.salaryMin IS NULL OR t.salaryMin IS NULL OR s.salaryCurrency <> t.salaryCurrency
    OR s.salaryPeriod <> t.salaryPeriod OR s.salaryBasis <> t.salaryBasis THEN null
  ELSE (t.salaryMin - s.salaryMin) + (t.salaryMax - s.salaryMax) END AS gain
WITH s, p, gain, COLLECT {
  UNWIND nodes(p)[1..] AS n
  MATCH (n)-[:REQUIRES_SKILL]->(x:Skill) WHERE NOT (s)-[:REQUIRES_SKILL]->(x)
  WITH DISTINCT x ORDER BY x.name, x.id
  RETURN ${names('x')}
} AS skillsToAcquire
ORDER BY length(p), gain IS NULL, gain DESC, size(skillsToAcquire), [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)]
LIMIT 5
RETURN { length: length(p), roles: [n IN nodes(p) | ${names('n')}], skillsToAcquire: skillsToAcquire } AS path`,
    shape: (rows) => ({ progressionPaths: rows.map((r) => r.path) }),
  },
  w5: SEARCH,
  w6: {
    cypher: `
MATCH (a:Role {id: $a}), (b:Role {id: $b})
WITH a, b,
  COLLECT { MATCH (a)-[:USES_TOOL]->(x:Tool) RETURN x ORDER BY x.name, x.id } AS ta,
  COLLECT { MATCH (b)-[:USES_TOOL]->(x:Tool) RETURN x ORDER BY x.name, x.id } AS tb,
  COUNT { (a)-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]->() } AS na,
  COUNT { (b)-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]->() } AS nb,
  COUNT { (a)-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]->(x)<-[:USES_TOOL|REQUIRES_SKILL|USES_FRAMEWORK]-(b) } AS nboth
WITH ta, tb, na, nb, nboth, [x IN ta WHERE x IN tb] AS shared
RETURN { tools: { shared: [x IN shared | ${names('x')}],
    jaccard: CASE WHEN size(ta) + size(tb) - size(shared) = 0 THEN 0.0 ELSE toFloat(size(shared)) / (size(ta) + size(tb) - size(shared)) END },
  jaccard: CASE WHEN na + nb - nboth = 0 THEN 0.0 ELSE toFloat(nboth) / (na + nb - nboth) END } AS comparison`,
    shape: (rows) => ({ compareRoles: rows[0]?.comparison ?? null }),
  },
  r1: {
    cypher: `
MATCH (r:Role {id: $id})
RETURN { name: r.name, onetCode: r.onetCode,
  salary: CASE WHEN r.salaryMin IS NULL THEN null ELSE { min: r.salaryMin, median: r.salaryMedian, max: r.salaryMax } END,
  tools: ${namesOf('(r)-[:USES_TOOL]->(x:Tool)', R1_FIRST)},
  skills: ${namesOf('(r)-[:REQUIRES_SKILL]->(x:Skill)', R1_FIRST)},
  relatedRoles: ${namesOf('(r)-[:RELATED_TO]->(x:Role)', R1_FIRST)},
  equivalentRoles: ${namesOf('(r)-[:EQUIVALENT_TO]->(x:Role)', R1_FIRST)},
  equivalentFrom: ${namesOf('(r)<-[:EQUIVALENT_TO]-(x:Role)', R1_FIRST)}
} AS role`,
    shape: (rows) => ({ role: rows[0]?.role ?? null }),
  },
  r3: SEARCH,
  r5: {
    cypher: MATCH_ROLES,
    params: (v) => {
      const { skills = [], tools = [], frameworks = [], languages = [] } = v.profile as Partial<Profile>;
      return { skills, tools, frameworks, languages };
    },
    shape: (rows) => ({ matchRoles: rows[0]?.answer ?? null }),
  },
  r6: { cypher: TRANSITIONS, shape: (rows) => ({ transitions: rows.map((r) => r.transition) }) },
};

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'careergraph'),
  { disableLosslessIntegers: true, maxConnectionPoolSize: 50 },
);

async function answer(name: string, vars: Vars): Promise<unknown> {
  const workload = WORKLOADS[name];
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    // An auto-commit read, as the API's single-statement reads: one round trip.
    const result = await session.run(workload.cypher, workload.params?.(vars) ?? vars);
    return workload.shape(result.records.map((r) => r.toObject()));
  } finally {
    await session.close();
  }
}

const server = createServer((req, res) => {
  const name = (req.url ?? '').slice(1);
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method !== 'POST' || !(name in WORKLOADS)) return reply(404, { errors: [{ message: 'not found' }] });
    let vars: Vars;
    try {
      vars = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Vars;
    } catch {
      return reply(400, { errors: [{ message: 'malformed JSON' }] });
    }
    answer(name, vars).then(
      (data) => reply(200, { data }),
      (error: unknown) => reply(500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] }),
    );
  });
});

server.listen(Number(process.env.PORT ?? 4200), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`ready http://127.0.0.1:${port}/\n`);
});
const stop = () => server.close(() => void driver.close());
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

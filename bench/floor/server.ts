import { createServer } from 'node:http';
import neo4j from 'neo4j-driver';
import { toLuceneQuery } from '../../src/graph/search-query';
import { R1_FIRST, W1_FIRST, W2_FIRST } from '../workloads';

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

/** Search: the API's own text-to-Lucene rule, then the index, ranked as the API ranks. */
const SEARCH = {
  cypher: `
CALL db.index.fulltext.queryNodes('node_search', $query) YIELD node AS n, score
WITH n, score ORDER BY score DESC, n.name, n.id LIMIT 10
RETURN { score: score, node: ${names('n')} } AS hit`,
  params: (v: Vars) => ({ query: toLuceneQuery(String(v.text)) }),
  shape: (rows: Rows) => ({ search: rows.map((r) => r.hit) }),
};

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
  w2: {
    cypher: `
MATCH (r:Role) WITH r ORDER BY r.name, r.id LIMIT 50
RETURN { node: { name: r.name, tools: COLLECT {
  MATCH (r)-[:USES_TOOL]->(t:Tool) WITH t ORDER BY t.name, t.id LIMIT ${W2_FIRST}
  RETURN { name: t.name, usedBy: COLLECT { MATCH (t)<-[:USES_TOOL]-(u:Role) RETURN ${names('u')} ORDER BY u.name, u.id LIMIT ${W2_FIRST} } }
} } } AS edge`,
    shape: (rows) => ({ roles: { edges: rows.map((r) => r.edge) } }),
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
  similarity: CASE WHEN na + nb - nboth = 0 THEN 0.0 ELSE toFloat(nboth) / (na + nb - nboth) END } AS comparison`,
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

import {
  RELATIONSHIPS,
  RELATIONSHIP_TYPES,
  STATED_TYPES,
  specOf,
  type PropertySpec,
  type RelationshipType,
} from '../../src/model/relationships';
import { labelOf } from '../../src/model/kinds';
import { slugify } from '../../src/model/slug';
import { openSeededDatabase, type TestDatabase } from '../helpers/database';
import {
  ARTICLE_SECTIONS,
  GraphQueries,
  OUR_LABELS,
  type ArticleSection,
  type StoredEdge,
  type StoredNode,
} from '../helpers/graph-queries';

/*
 * Fidelity of the graph to its source article, "Senior Engineer vs Backend Engineer toolkits"
 * (/work/shared/source/senior-vs-backend-toolkits.txt). Every expectation below is a fact of the
 * article, checked in Neo4j by Cypher after the seed is loaded, together with the article section
 * the fact must be attributed to (`sources`). Nodes are found by the article's own wording: by
 * name or alias, case-insensitively.
 */

const SENIOR = 'Senior Engineer';
const BACKEND = 'Backend Engineer';

type Move = 'PROGRESSES_TO' | 'PIVOTS_TO';

// The project's testTimeout is not applied to per-project configs, so set it here.
jest.setTimeout(60_000);

let db: TestDatabase | undefined;
let graph: GraphQueries;

beforeAll(async () => {
  db = await openSeededDatabase();
  graph = new GraphQueries(db.executor);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

// ---------------------------------------------------------------------------------------------
// Expectation helpers: each fails with the fact it was looking for.

async function expectNode(label: StoredNode['label'], name: string, section: ArticleSection): Promise<StoredNode> {
  const node = await graph.node(label, name);
  expect(node.sources).toContain(section);
  return node;
}

/** The edge exists, cites `section`, and (if given) has one of the allowed emphases. */
async function expectEdge(
  type: RelationshipType,
  from: string,
  to: string,
  section: ArticleSection,
  emphasis?: readonly string[],
): Promise<StoredEdge> {
  const edge = await graph.edge(type, from, to);
  if (!edge) throw new Error(`Expected (${from})-[:${type}]->(${to}) in the graph, found none`);
  expect(edge.sources).toContain(section);
  if (emphasis) expect(emphasis).toContain(edge.emphasis);
  return edge;
}

/** A one-step career move of any of the given kinds exists, and one of them cites `section`. */
async function expectMove(from: string, to: string, section: ArticleSection, kinds: Move[]): Promise<StoredEdge[]> {
  const found = (await Promise.all(kinds.map((k) => graph.edge(k, from, to)))).filter(
    (e): e is StoredEdge => e !== undefined,
  );
  if (found.length === 0) {
    throw new Error(`Expected (${from})-[:${kinds.join('|')}]->(${to}) in the graph, found none`);
  }
  expect(found.flatMap((e) => e.sources)).toContain(section);
  return found;
}

/**
 * `to` is reached from `from` by promotions (one or more PROGRESSES_TO steps), and `section` is
 * recorded on the way: on an edge of such a route or on the role reached.
 */
async function expectReachable(from: string, to: string, section: ArticleSection): Promise<void> {
  const routes = await graph.routes('PROGRESSES_TO', from, to);
  if (routes.length === 0) throw new Error(`Expected ${to} to be reachable from ${from} by PROGRESSES_TO`);
  const cited = new Set<string>(routes[0].target.sources);
  for (const route of routes) for (const edge of route.edges) edge.sources.forEach((s) => cited.add(s));
  expect([...cited]).toContain(section);
}

/** The tool is IN_CATEGORY the category called `category`, citing `section`. */
async function expectCategory(tool: string, category: string, section: ArticleSection): Promise<void> {
  await expectEdge('IN_CATEGORY', tool, category, section);
}

function expectNonEmptyText(value: unknown): void {
  expect(typeof value).toBe('string');
  expect((value as string).trim().length).toBeGreaterThan(0);
}

async function role(name: string): Promise<StoredNode> {
  return graph.node('Role', name);
}

const ONBOARDING_OR_STRONGER_TOOL = ['PRIMARY', 'SHARED', 'ONBOARDING'] as const;
const ONBOARDING_OR_STRONGER_FRAMEWORK = ['PRIMARY', 'ONBOARDING'] as const;
const ERGONOMIC_TOOL = ['ERGONOMICS', 'PRIMARY'] as const;

// ---------------------------------------------------------------------------------------------

describe('At a Glance', () => {
  const S: ArticleSection = 'At a Glance';

  it.each([SENIOR, BACKEND])('when the %s role is read, then it exists and cites At a Glance', async (name) => {
    await expectNode('Role', name, S);
  });

  it('when the Senior Engineer role is read, then its seniority is "Senior"', async () => {
    expect((await role(SENIOR)).seniority).toBe('Senior');
  });

  it('when the Backend Engineer role is read, then its seniority is "Individual Contributor"', async () => {
    expect((await role(BACKEND)).seniority).toBe('Individual Contributor');
  });

  it.each([
    { name: SENIOR, min: 130000, max: 200000 },
    { name: BACKEND, min: 100000, max: 180000 },
  ])(
    'when the $name salary is read, then it is $min–$max USD base pay per YEAR in the US',
    async ({ name, min, max }) => {
      const r = await role(name);
      expect(r).toMatchObject({
        salaryMin: min,
        salaryMax: max,
        salaryCurrency: 'USD',
        salaryPeriod: 'YEAR',
        salaryBasis: 'BASE',
        salaryRegion: 'US',
      });
    },
  );

  it.each([SENIOR, BACKEND])('when the %s salary is read, then a caveat is stored with it', async (name) => {
    expectNonEmptyText((await role(name)).salaryCaveat);
  });

  it.each([SENIOR, BACKEND])(
    'when the %s role is read, then its "Best For" and "Core Responsibilities" rows are filled',
    async (name) => {
      const r = await role(name);
      expectNonEmptyText(r.bestFor);
      expect(Array.isArray(r.responsibilities)).toBe(true);
      const responsibilities = r.responsibilities as unknown[];
      expect(responsibilities.length).toBeGreaterThan(0);
      responsibilities.forEach(expectNonEmptyText);
    },
  );

  it.each([
    { role: SENIOR, tool: 'Git' },
    { role: SENIOR, tool: 'Docker' },
    { role: BACKEND, tool: 'Git' },
    { role: BACKEND, tool: 'Docker' },
  ])('when the $role tools are read, then $tool is used (USES_TOOL) citing At a Glance', async (f) => {
    await expectEdge('USES_TOOL', f.role, f.tool, S);
  });

  it.each(['AWS', 'GitHub'])(
    'when the Senior Engineer tools are read, then %s is emphasised (PRIMARY) citing At a Glance',
    async (tool) => {
      await expectEdge('USES_TOOL', SENIOR, tool, S, ['PRIMARY']);
    },
  );

  it('when the Backend Engineer frameworks are read, then Spring Boot is a focus (PRIMARY) citing At a Glance', async () => {
    await expectEdge('USES_FRAMEWORK', BACKEND, 'Spring Boot', S, ['PRIMARY']);
  });

  it('when the Backend Engineer tools are read, then the Node.js environment is a focus (PRIMARY) citing At a Glance', async () => {
    await expectEdge('USES_TOOL', BACKEND, 'Node.js', S, ['PRIMARY']);
  });

  it.each([
    { tool: 'Git', category: 'Version Control' },
    { tool: 'Docker', category: 'Containerization' },
    { tool: 'AWS', category: 'Cloud Platform' },
    { tool: 'GitHub', category: 'Code Collaboration' },
  ])('when the categories of $tool are read, then it is in $category citing At a Glance', async (f) => {
    await expectCategory(f.tool, f.category, S);
  });

  it('when the categories of Node.js are read, then it is an environment (runtime) citing At a Glance', async () => {
    const categories = await graph.outgoing('IN_CATEGORY', 'Node.js');
    const environment = categories.filter((c) => /runtime|environment/i.test(c.toName));
    expect(environment.map((c) => c.toName)).not.toHaveLength(0);
    expect(environment.flatMap((c) => c.sources)).toContain(S);
  });

  it.each(['Leadership', 'Mentorship', 'Strategic Decision-Making', 'Architectural Decisions'])(
    'when the Senior Engineer skills are read, then %s is required citing At a Glance',
    async (skill) => {
      await expectEdge('REQUIRES_SKILL', SENIOR, skill, S);
    },
  );

  it.each(['API Development', 'Microservice Development'])(
    'when the Backend Engineer skills are read, then %s is required citing At a Glance',
    async (skill) => {
      await expectEdge('REQUIRES_SKILL', BACKEND, skill, S);
    },
  );
});

// ---------------------------------------------------------------------------------------------

describe('Pricing Comparison', () => {
  const S: ArticleSection = 'Pricing Comparison';

  it.each([
    { name: SENIOR, min: 130000, max: 200000 },
    { name: BACKEND, min: 100000, max: 180000 },
  ])(
    'when the $name role is read, then it cites Pricing Comparison and earns $min–$max a YEAR',
    async ({ name, min, max }) => {
      const r = await expectNode('Role', name, S);
      expect(r).toMatchObject({ salaryMin: min, salaryMax: max, salaryPeriod: 'YEAR' });
    },
  );

  it('when both salaries are compared, then the Backend range is lower at both ends than the Senior range', async () => {
    const [senior, backend] = [await role(SENIOR), await role(BACKEND)];
    expect(backend.salaryMin as number).toBeLessThan(senior.salaryMin as number);
    expect(backend.salaryMax as number).toBeLessThan(senior.salaryMax as number);
  });

  it('when both salaries are compared, then the Backend range is broader than the Senior range', async () => {
    const [senior, backend] = [await role(SENIOR), await role(BACKEND)];
    const width = (r: StoredNode) => (r.salaryMax as number) - (r.salaryMin as number);
    expect(width(backend)).toBeGreaterThan(width(senior));
  });

  it.each([SENIOR, BACKEND])(
    'when the %s salary caveat is read, then it names location, industry and company size',
    async (name) => {
      const caveat = (await role(name)).salaryCaveat;
      expectNonEmptyText(caveat);
      expect(caveat).toMatch(/locat|geograph|where|region|city|place/i);
      expect(caveat).toMatch(/industr|sector/i);
      expect(caveat).toMatch(/size|big|large|small/i);
    },
  );

  it.each([
    { employer: 'Google', role: SENIOR },
    { employer: 'Google', role: BACKEND },
    { employer: 'Microsoft', role: SENIOR },
    { employer: 'Microsoft', role: BACKEND },
  ])('when who hires the $role is read, then $employer HIRES them citing Pricing Comparison', async (f) => {
    await expectEdge('HIRES', f.employer, f.role, S);
  });

  it('when the Backend Engineer career moves are read, then it PROGRESSES_TO Senior Engineer citing Pricing Comparison', async () => {
    await expectEdge('PROGRESSES_TO', BACKEND, SENIOR, S);
  });

  it.each([
    'Mentoring',
    'Architectural Decisions',
    'Scalability Optimization',
    'Performance Optimization',
    'Hands-On Coding',
    'Strategic Planning',
    'Leadership',
  ])('when the Senior Engineer skills are read, then %s is required citing Pricing Comparison', async (skill) => {
    await expectEdge('REQUIRES_SKILL', SENIOR, skill, S);
  });

  it.each([
    'Distributed Systems Design',
    'API Development',
    'Database Management',
    'Performance Optimization',
    'Collaboration',
  ])('when the Backend Engineer skills are read, then %s is required citing Pricing Comparison', async (skill) => {
    await expectEdge('REQUIRES_SKILL', BACKEND, skill, S);
  });

  it.each(['Google', 'Microsoft'])('when the %s employer is read, then it cites Pricing Comparison', async (name) => {
    await expectNode('Employer', name, S);
  });
});

// ---------------------------------------------------------------------------------------------

describe('Developer Experience', () => {
  const S: ArticleSection = 'Developer Experience';

  it.each([SENIOR, BACKEND])(
    'when the %s role is read, then it cites Developer Experience and has onboarding, documentation and ergonomics notes',
    async (name) => {
      const r = await expectNode('Role', name, S);
      expectNonEmptyText(r.onboardingFocus);
      expectNonEmptyText(r.documentationNeeds);
      expectNonEmptyText(r.ergonomics);
    },
  );

  it.each(['AWS', 'Kubernetes', 'Jira'])(
    'when the Senior Engineer onboarding tools are read, then %s is used with ONBOARDING or stronger emphasis citing Developer Experience',
    async (tool) => {
      await expectEdge('USES_TOOL', SENIOR, tool, S, ONBOARDING_OR_STRONGER_TOOL);
    },
  );

  it.each([
    { tool: 'AWS', category: 'Cloud Platform' },
    { tool: 'Kubernetes', category: 'Container Orchestration' },
    { tool: 'Jira', category: 'Project Management Tools' },
  ])('when the categories of $tool are read, then it is in $category citing Developer Experience', async (f) => {
    await expectCategory(f.tool, f.category, S);
  });

  it.each(['Architectural Decision-Making', 'System Design', 'Project Management'])(
    'when the Senior Engineer skills are read, then %s is required citing Developer Experience',
    async (skill) => {
      await expectEdge('REQUIRES_SKILL', SENIOR, skill, S);
    },
  );

  it.each(['Spring Boot', 'Django'])(
    'when the Backend Engineer onboarding frameworks are read, then %s is used with ONBOARDING or stronger emphasis citing Developer Experience',
    async (framework) => {
      await expectEdge('USES_FRAMEWORK', BACKEND, framework, S, ONBOARDING_OR_STRONGER_FRAMEWORK);
    },
  );

  it.each(['Microservices Architecture', 'Database Management', 'API Development'])(
    'when the Backend Engineer skills are read, then %s is required citing Developer Experience',
    async (skill) => {
      await expectEdge('REQUIRES_SKILL', BACKEND, skill, S);
    },
  );

  it('when the Senior Engineer documentation needs are read, then mentoring is a required skill citing Developer Experience', async () => {
    await expectEdge('REQUIRES_SKILL', SENIOR, 'Mentoring', S);
  });

  it('when the Backend Engineer documentation needs are read, then performance tuning is a required skill citing Developer Experience', async () => {
    await expectEdge('REQUIRES_SKILL', BACKEND, 'Performance Tuning', S);
  });

  it.each([
    { role: SENIOR, tool: 'VS Code' },
    { role: SENIOR, tool: 'Jenkins' },
    { role: BACKEND, tool: 'PostgreSQL' },
    { role: BACKEND, tool: 'Grafana' },
  ])(
    'when the $role ergonomics tools are read, then $tool is used (ERGONOMICS or PRIMARY) citing Developer Experience',
    async (f) => {
      await expectEdge('USES_TOOL', f.role, f.tool, S, ERGONOMIC_TOOL);
    },
  );

  it.each([
    { tool: 'PostgreSQL', category: 'Database' },
    { tool: 'Grafana', category: 'Monitoring' },
  ])('when the categories of $tool are read, then it is in $category citing Developer Experience', async (f) => {
    await expectCategory(f.tool, f.category, S);
  });

  it('when the Senior Engineer skills are read, then hands-on coding is required citing Developer Experience', async () => {
    await expectEdge('REQUIRES_SKILL', SENIOR, 'Hands-On Coding', S);
  });

  it('when Postgres is looked up as a tool, then it is PostgreSQL', async () => {
    expect((await graph.node('Tool', 'Postgres')).name).toBe('PostgreSQL');
  });
});

// ---------------------------------------------------------------------------------------------

describe('Verdict', () => {
  const S: ArticleSection = 'Verdict';

  it.each([SENIOR, BACKEND])('when the %s role is read, then it cites Verdict', async (name) => {
    await expectNode('Role', name, S);
  });

  it.each([
    'Hands-On Coding',
    'Leadership',
    'Mentoring',
    'Architectural Decisions',
    'System Design',
    'Scalability Optimization',
    'Communication',
  ])('when the Senior Engineer skills are read, then %s is required citing Verdict', async (skill) => {
    await expectEdge('REQUIRES_SKILL', SENIOR, skill, S);
  });

  it.each(['Git', 'Docker'])(
    'when the Senior Engineer tools are read, then %s is used citing Verdict',
    async (tool) => {
      await expectEdge('USES_TOOL', SENIOR, tool, S);
    },
  );

  it.each([
    { tool: 'Git', category: 'Version Control' },
    { tool: 'Docker', category: 'Containerization' },
  ])('when the categories of $tool are read, then it is in $category citing Verdict', async (f) => {
    await expectCategory(f.tool, f.category, S);
  });

  it.each([
    'API Development',
    'Data Structures',
    'Performance Optimization',
    'Scalability Optimization',
    'Distributed Systems',
    'Database Management',
    'Cloud Platforms',
  ])('when the Backend Engineer skills are read, then %s is required citing Verdict', async (skill) => {
    await expectEdge('REQUIRES_SKILL', BACKEND, skill, S);
  });

  it('when the Backend Engineer frameworks are read, then Spring Boot is used citing Verdict', async () => {
    await expectEdge('USES_FRAMEWORK', BACKEND, 'Spring Boot', S);
  });

  it.each(['Kubernetes', 'AWS', 'GCP', 'Azure'])(
    'when the Backend Engineer tools are read, then %s is used citing Verdict',
    async (tool) => {
      await expectEdge('USES_TOOL', BACKEND, tool, S);
    },
  );

  it.each(['AWS', 'GCP', 'Azure'])(
    'when the categories of %s are read, then it is a cloud platform citing Verdict',
    async (tool) => {
      await expectCategory(tool, 'Cloud Platform', S);
    },
  );

  it.each(['Java', 'Python'])(
    'when the Backend Engineer languages are read, then %s is used (USES_LANGUAGE) citing Verdict',
    async (language) => {
      await expectNode('Language', language, S);
      await expectEdge('USES_LANGUAGE', BACKEND, language, S);
    },
  );

  it.each(['Staff Engineer', 'Principal Engineer'])(
    'when the Senior Engineer career path is read, then %s is reached by PROGRESSES_TO with Verdict recorded',
    async (target) => {
      await expectReachable(SENIOR, target, S);
    },
  );

  it('when the Senior Engineer career path is read, then it PROGRESSES_TO Engineering Manager citing Verdict', async () => {
    await expectEdge('PROGRESSES_TO', SENIOR, 'Engineering Manager', S);
  });

  it.each(['Senior Backend Engineer', 'Principal Backend Engineer'])(
    'when the Backend Engineer career path is read, then %s is reached by PROGRESSES_TO with Verdict recorded',
    async (target) => {
      await expectReachable(BACKEND, target, S);
    },
  );

  it('when the Backend Engineer career moves are read, then one leads into an architecture role citing Verdict', async () => {
    const moves = [
      ...(await graph.outgoing('PROGRESSES_TO', BACKEND)),
      ...(await graph.outgoing('PIVOTS_TO', BACKEND)),
    ];
    const architecture = moves.filter((m) => /architect/i.test(m.toName));
    expect(architecture.map((m) => m.toName)).not.toHaveLength(0);
    expect(architecture.flatMap((m) => m.sources)).toContain(S);
  });

  it('when the Backend Engineer career moves are read, then one leads into a management (MANAGEMENT track) role citing Verdict', async () => {
    const moves = [
      ...(await graph.outgoing('PROGRESSES_TO', BACKEND)),
      ...(await graph.outgoing('PIVOTS_TO', BACKEND)),
    ];
    const management: StoredEdge[] = [];
    for (const move of moves) if ((await graph.node('Role', move.toName)).track === 'MANAGEMENT') management.push(move);
    expect(management.map((m) => m.toName)).not.toHaveLength(0);
    expect(management.flatMap((m) => m.sources)).toContain(S);
  });

  it.each([
    { employer: 'Google', role: SENIOR },
    { employer: 'Microsoft', role: SENIOR },
    { employer: 'Amazon', role: SENIOR },
    { employer: 'Amazon', role: BACKEND },
    { employer: 'Meta', role: BACKEND },
    { employer: 'Coinbase', role: BACKEND },
  ])('when who hires the $role is read, then $employer HIRES them citing Verdict', async (f) => {
    await expectNode('Employer', f.employer, S);
    await expectEdge('HIRES', f.employer, f.role, S);
  });
});

// ---------------------------------------------------------------------------------------------

describe('Key Skills and Tools', () => {
  const S: ArticleSection = 'Key Skills and Tools';

  it.each([SENIOR, BACKEND])('when the %s role is read, then it cites Key Skills and Tools', async (name) => {
    await expectNode('Role', name, S);
  });

  it.each([
    'Architectural Decisions',
    'Mentoring',
    'Scalability Optimization',
    'Performance Optimization',
    'Project Management',
    'Collaboration',
    'DevOps',
    'Cloud-Based Technologies',
    'Leadership',
  ])('when the Senior Engineer skills are read, then %s is required citing Key Skills and Tools', async (skill) => {
    await expectEdge('REQUIRES_SKILL', SENIOR, skill, S);
  });

  it.each(['Jira', 'GitHub'])(
    'when the Senior Engineer tools are read, then %s is used citing Key Skills and Tools',
    async (tool) => {
      await expectEdge('USES_TOOL', SENIOR, tool, S);
    },
  );

  it.each([
    { tool: 'Jira', category: 'Project Tracking' },
    { tool: 'GitHub', category: 'Version Control' },
    { tool: 'Kubernetes', category: 'Container Orchestration' },
  ])('when the categories of $tool are read, then it is in $category citing Key Skills and Tools', async (f) => {
    await expectCategory(f.tool, f.category, S);
  });

  it.each([
    'Distributed Systems Design',
    'Database Management',
    'Performance Optimization',
    'Security',
    'Cloud-Based Technologies',
  ])('when the Backend Engineer skills are read, then %s is required citing Key Skills and Tools', async (skill) => {
    await expectEdge('REQUIRES_SKILL', BACKEND, skill, S);
  });

  it.each(['Spring Boot', 'Django'])(
    'when the Backend Engineer frameworks are read, then %s is used citing Key Skills and Tools',
    async (framework) => {
      await expectEdge('USES_FRAMEWORK', BACKEND, framework, S);
    },
  );

  it('when the Backend Engineer tools are read, then Kubernetes is used citing Key Skills and Tools', async () => {
    await expectEdge('USES_TOOL', BACKEND, 'Kubernetes', S);
  });

  it('when K8s is looked up as a tool, then it is Kubernetes', async () => {
    expect((await graph.node('Tool', 'K8s')).name).toBe('Kubernetes');
  });
});

// ---------------------------------------------------------------------------------------------

describe('Career Progression', () => {
  const S: ArticleSection = 'Career Progression';

  const SENIOR_LADDER = [SENIOR, 'Staff Engineer', 'Principal Engineer'];
  const BACKEND_LADDER = [BACKEND, 'Senior Backend Engineer', 'Staff Backend Engineer', 'Principal Backend Engineer'];

  it.each([
    ...SENIOR_LADDER,
    ...BACKEND_LADDER,
    'Engineering Manager',
    'Architect',
    'Solutions Architect',
    'DevOps Engineer',
    'Full-Stack Engineer',
  ])('when the %s role is read, then it exists and cites Career Progression', async (name) => {
    await expectNode('Role', name, S);
  });

  it.each([
    { from: SENIOR, to: 'Staff Engineer' },
    { from: 'Staff Engineer', to: 'Principal Engineer' },
  ])('when the senior ranks are read, then $from PROGRESSES_TO $to citing Career Progression', async (f) => {
    await expectEdge('PROGRESSES_TO', f.from, f.to, S);
  });

  it('when the senior ranks are read, then Principal Engineer is reached from Senior Engineer with Career Progression recorded', async () => {
    await expectReachable(SENIOR, 'Principal Engineer', S);
  });

  it.each(['Staff Engineer', 'Principal Engineer'])(
    'when the %s skills are read, then mentorship, strategic planning and architectural decision-making are required citing Career Progression',
    async (name) => {
      for (const skill of ['Mentorship', 'Strategic Planning', 'Architectural Decision-Making']) {
        await expectEdge('REQUIRES_SKILL', name, skill, S);
      }
    },
  );

  it.each(['Engineering Manager', 'Architect'])(
    'when the Senior Engineer career moves are read, then it can move to %s citing Career Progression',
    async (target) => {
      await expectMove(SENIOR, target, S, ['PROGRESSES_TO', 'PIVOTS_TO']);
    },
  );

  it('when the Engineering Manager skills are read, then leadership is required citing Career Progression', async () => {
    await expectEdge('REQUIRES_SKILL', 'Engineering Manager', 'Leadership', S);
  });

  it('when the Architect skills are read, then (design-oriented) system design is required citing Career Progression', async () => {
    await expectEdge('REQUIRES_SKILL', 'Architect', 'System Design', S);
  });

  it.each([
    { from: BACKEND, to: 'Senior Backend Engineer' },
    { from: 'Senior Backend Engineer', to: 'Staff Backend Engineer' },
    { from: 'Staff Backend Engineer', to: 'Principal Backend Engineer' },
  ])('when the backend ladder is read, then $from PROGRESSES_TO $to citing Career Progression', async (f) => {
    await expectEdge('PROGRESSES_TO', f.from, f.to, S);
  });

  const LADDER_SKILLS = [
    'System Design',
    'Performance Optimization',
    'Collaboration',
    'Database Management',
    'Cloud Infrastructure',
    'Scalable System Architecture',
  ];
  it.each(BACKEND_LADDER.slice(1).flatMap((roleName) => LADDER_SKILLS.map((skill) => ({ role: roleName, skill }))))(
    'when the $role skills are read, then $skill is required citing Career Progression',
    async (f) => {
      await expectEdge('REQUIRES_SKILL', f.role, f.skill, S);
    },
  );

  it.each(['Solutions Architect', 'Engineering Manager'])(
    'when the Backend Engineer career moves are read, then it can move to %s citing Career Progression',
    async (target) => {
      await expectMove(BACKEND, target, S, ['PROGRESSES_TO', 'PIVOTS_TO']);
    },
  );

  it('when the Solutions Architect skills are read, then (broader) system design is required citing Career Progression', async () => {
    await expectEdge('REQUIRES_SKILL', 'Solutions Architect', 'System Design', S);
  });

  it.each(['DevOps Engineer', 'Full-Stack Engineer'])(
    'when the Backend Engineer adjacent roles are read, then it PIVOTS_TO %s citing Career Progression',
    async (target) => {
      await expectEdge('PIVOTS_TO', BACKEND, target, S);
    },
  );

  it.each([
    { ladder: 'backend', roles: BACKEND_LADDER },
    { ladder: 'senior', roles: SENIOR_LADDER },
  ])('when the $ladder ladder levels are read, then each rung has a strictly higher level', async ({ roles }) => {
    const levels: unknown[] = [];
    for (const name of roles) levels.push((await role(name)).level);
    levels.forEach((l) => expect(typeof l).toBe('number'));
    const outOfOrder = roles.filter((_, i) => i > 0 && !((levels[i] as number) > (levels[i - 1] as number)));
    expect({ levels: Object.fromEntries(roles.map((r, i) => [r, levels[i]])), outOfOrder }).toMatchObject({
      outOfOrder: [],
    });
  });

  it('when any PROGRESSES_TO edge is read, then it leads to a role of a higher level', async () => {
    const levels = new Map((await graph.nodesOf('Role')).map((r) => [r.id, r.level as number | undefined]));
    const descending = (await graph.allEdgesOf('PROGRESSES_TO')).filter((e) => {
      const from = levels.get(e.fromId);
      const to = levels.get(e.toId);
      return from !== undefined && to !== undefined && !(to > from);
    });
    expect(descending.map((e) => `${e.fromId} -> ${e.toId}`)).toEqual([]);
  });

  it('when the Engineering Manager role is read, then its track is MANAGEMENT', async () => {
    expect((await role('Engineering Manager')).track).toBe('MANAGEMENT');
  });

  it.each([...SENIOR_LADDER, ...BACKEND_LADDER])(
    'when the %s role is read, then its track is IC (the technical ladder)',
    async (name) => {
      expect((await role(name)).track).toBe('IC');
    },
  );
});

// ---------------------------------------------------------------------------------------------

describe('Common Workflows and Frameworks', () => {
  const S: ArticleSection = 'Common Workflows and Frameworks';
  const WORKFLOWS = ['Agile/Scrum Development', 'Code Reviews', 'CI/CD Pipelines', 'Feature Development'];

  it.each([SENIOR, BACKEND])(
    'when the %s role is read, then it cites Common Workflows and Frameworks',
    async (name) => {
      await expectNode('Role', name, S);
    },
  );

  it.each(WORKFLOWS)(
    'when the %s workflow is read, then it exists and cites Common Workflows and Frameworks',
    async (w) => {
      await expectNode('Workflow', w, S);
    },
  );

  it.each(WORKFLOWS.flatMap((workflow) => [SENIOR, BACKEND].map((r) => ({ role: r, workflow }))))(
    'when the $role workflows are read, then $workflow is PRACTICED citing Common Workflows and Frameworks',
    async (f) => {
      await expectEdge('PRACTICES', f.role, f.workflow, S);
    },
  );

  it.each(['Agile', 'Scrum'])(
    'when %s is looked up as a workflow, then it is Agile/Scrum Development',
    async (name) => {
      expect((await graph.node('Workflow', name)).name).toBe('Agile/Scrum Development');
    },
  );

  const perRole = async (workflow: string) => {
    const senior = await expectEdge('PRACTICES', SENIOR, workflow, S);
    const backend = await expectEdge('PRACTICES', BACKEND, workflow, S);
    expectNonEmptyText(senior.emphasis);
    expectNonEmptyText(backend.emphasis);
    expect(senior.emphasis?.toLowerCase()).not.toBe(backend.emphasis?.toLowerCase());
    return { senior: senior.emphasis as string, backend: backend.emphasis as string };
  };

  it('when Code Reviews is read per role, then Backend stresses technical correctness and Senior mentorship and team standards', async () => {
    const { senior, backend } = await perRole('Code Reviews');
    expect(backend).toMatch(/correct/i);
    expect(senior).toMatch(/mentor/i);
    expect(senior).toMatch(/standard|quality/i);
  });

  it('when CI/CD Pipelines is read per role, then Senior optimises them strategically and Backend uses them in daily work', async () => {
    const { senior, backend } = await perRole('CI/CD Pipelines');
    expect(senior).toMatch(/strateg|optimi[sz]|improv/i);
    expect(backend).toMatch(/daily|every ?day|day-to-day|routine/i);
  });

  it('when Feature Development is read per role, then Senior owns design to deployment and breaks work down, Backend builds core logic and reliability', async () => {
    const { senior, backend } = await perRole('Feature Development');
    expect(senior).toMatch(/design|deploy|end[- ]to[- ]end/i);
    expect(senior).toMatch(/break|split|task|manageable/i);
    expect(backend).toMatch(/core logic/i);
    expect(backend).toMatch(/reliab/i);
  });

  it('when the Senior Engineer skills are read, then mentorship (through code reviews) cites Common Workflows and Frameworks', async () => {
    await expectEdge('REQUIRES_SKILL', SENIOR, 'Mentorship', S);
  });

  it.each(['React', 'Express', 'Angular', 'Spring Boot'])(
    'when the Senior Engineer frameworks are read, then %s is used citing Common Workflows and Frameworks',
    async (framework) => {
      await expectEdge('USES_FRAMEWORK', SENIOR, framework, S);
    },
  );

  it('when the Senior Engineer tools are read, then Node.js (behind Express) is used citing Common Workflows and Frameworks', async () => {
    await expectEdge('USES_TOOL', SENIOR, 'Node.js', S);
  });

  it.each(['Spring Boot', 'Django', 'Flask', 'Express.js'])(
    'when the Backend Engineer frameworks are read, then %s is used citing Common Workflows and Frameworks',
    async (framework) => {
      await expectEdge('USES_FRAMEWORK', BACKEND, framework, S);
    },
  );

  it.each(['React', 'Angular', 'Express.js', 'Spring Boot', 'Django', 'Flask'])(
    'when the %s framework is read, then it is a Framework node citing Common Workflows and Frameworks',
    async (framework) => {
      await expectNode('Framework', framework, S);
    },
  );

  it('when Express.js is read, then it RUNS_ON Node.js citing Common Workflows and Frameworks', async () => {
    await expectEdge('RUNS_ON', 'Express.js', 'Node.js', S);
  });

  it('when Express is looked up as a framework, then it is Express.js', async () => {
    expect((await graph.node('Framework', 'Express')).name).toBe('Express.js');
  });

  it('when Node.js is read, then it cites Common Workflows and Frameworks', async () => {
    await expectNode('Tool', 'Node.js', S);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the whole graph', () => {
  const SECTION_SET = new Set<string>(ARTICLE_SECTIONS);

  const badSources = (sources: unknown): string | undefined => {
    if (!Array.isArray(sources) || sources.length === 0) return 'no sources';
    const unknown = sources.filter((s) => !SECTION_SET.has(s as string));
    return unknown.length > 0 ? `not section names: ${JSON.stringify(unknown)}` : undefined;
  };

  it('when every node is read, then each has a non-empty sources list of article section names', async () => {
    const nodes = await graph.allNodes();
    expect(nodes.length).toBeGreaterThan(0);
    const bad = nodes
      .map((n) => ({ node: `${n.label}:${n.id}`, problem: badSources(n.sources) }))
      .filter((x) => x.problem !== undefined);
    expect(bad).toEqual([]);
  });

  it('when every relationship is read, then each has a non-empty sources list of article section names', async () => {
    const bad: { edge: string; problem: string }[] = [];
    let total = 0;
    // Derived types (stored transitions) are computed by the product: no source states them.
    for (const type of STATED_TYPES) {
      for (const e of await graph.allEdgesOf(type)) {
        total += 1;
        const problem = badSources(e.sources);
        if (problem) bad.push({ edge: `(${e.fromId})-[:${type}]->(${e.toId})`, problem });
      }
    }
    expect(total).toBeGreaterThan(0);
    expect(bad).toEqual([]);
  });

  it('when all sources are gathered, then every article section is cited by some node and some relationship', async () => {
    const nodeSections = new Set((await graph.allNodes()).flatMap((n) => n.sources));
    const edgeSections = new Set<string>();
    for (const type of STATED_TYPES)
      (await graph.allEdgesOf(type)).forEach((e) => e.sources.forEach((s) => edgeSections.add(s)));
    expect([...nodeSections].sort()).toEqual([...ARTICLE_SECTIONS].sort());
    expect([...edgeSections].sort()).toEqual([...ARTICLE_SECTIONS].sort());
  });

  it('when every node is read, then its id is the slug of its name', async () => {
    const mismatched = (await graph.allNodes())
      .filter((n) => n.id !== slugify(n.name))
      .map((n) => ({ id: n.id, name: n.name, slug: slugify(n.name) }));
    expect(mismatched).toEqual([]);
  });

  it('when names and aliases are read, then none answers to two nodes of the same label', async () => {
    const clashes: string[] = [];
    for (const label of OUR_LABELS) {
      const owners = new Map<string, string[]>();
      for (const n of await graph.nodesOf(label)) {
        for (const term of new Set([n.name, ...(n.aliases ?? [])].map((t) => t.toLowerCase()))) {
          owners.set(term, [...(owners.get(term) ?? []), n.id]);
        }
      }
      for (const [term, ids] of owners) if (ids.length > 1) clashes.push(`${label} "${term}": ${ids.join(', ')}`);
    }
    expect(clashes).toEqual([]);
  });

  it('when every role is read, then only Senior Engineer and Backend Engineer carry a salary (nothing invented)', async () => {
    const withSalary = (await graph.nodesOf('Role'))
      .filter((r) => Object.keys(r).some((k) => k.startsWith('salary') && r[k] !== null && r[k] !== undefined))
      .map((r) => r.name)
      .sort();
    expect(withSalary).toEqual([BACKEND, SENIOR].sort());
  });

  it('when every relationship is read, then it joins the node kinds the model gives its type', async () => {
    const wrong: string[] = [];
    for (const type of RELATIONSHIP_TYPES) {
      const spec = RELATIONSHIPS[type];
      for (const e of await graph.allEdgesOf(type)) {
        const fromLabels = e.fromLabels as string[];
        const toLabels = e.toLabels as string[];
        if (!fromLabels.includes(labelOf(spec.from)) || !toLabels.includes(labelOf(spec.to))) {
          wrong.push(`(${e.fromId}:${fromLabels.join(':')})-[:${type}]->(${e.toId}:${toLabels.join(':')})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('when every relationship is read, then its emphasis is one the model allows for its type', async () => {
    const wrong: string[] = [];
    for (const type of RELATIONSHIP_TYPES) {
      const allowed: PropertySpec | undefined = (specOf(type).properties as Record<string, PropertySpec>).emphasis;
      for (const e of await graph.allEdgesOf(type)) {
        if (e.emphasis === undefined || e.emphasis === null) continue;
        const ok =
          allowed?.type === 'text'
            ? typeof e.emphasis === 'string'
            : allowed?.type === 'string' && allowed.values.includes(e.emphasis);
        if (!ok) wrong.push(`(${e.fromId})-[:${type} {emphasis: ${JSON.stringify(e.emphasis)}}]->(${e.toId})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('when relationships of the model nodes are read, then none has a type outside the model', async () => {
    expect(await graph.foreignRelationshipTypes()).toEqual([]);
  });

  // The article's complete lists of named things: the graph holds exactly these, no more.
  const ARTICLE_NAMED = [
    {
      label: 'Tool',
      names: [
        'Git',
        'Docker',
        'AWS',
        'GCP',
        'Azure',
        'GitHub',
        'Jira',
        'Kubernetes',
        'VS Code',
        'Jenkins',
        'Node.js',
        'PostgreSQL',
        'Grafana',
      ],
    },
    { label: 'Framework', names: ['React', 'Angular', 'Express.js', 'Spring Boot', 'Django', 'Flask'] },
    { label: 'Language', names: ['Java', 'Python'] },
    { label: 'Employer', names: ['Google', 'Microsoft', 'Amazon', 'Meta', 'Coinbase'] },
    { label: 'Workflow', names: ['Agile/Scrum Development', 'Code Reviews', 'CI/CD Pipelines', 'Feature Development'] },
  ] as const;

  it.each(ARTICLE_NAMED)(
    'when every $label node is read, then they are exactly the ones the article names',
    async ({ label, names }) => {
      const stored = await graph.nodesOf(label);
      const matches = (n: StoredNode, name: string) =>
        [n.name, ...(n.aliases ?? [])].some((t) => t.toLowerCase() === name.toLowerCase());
      const missing = names.filter((name) => !stored.some((n) => matches(n, name)));
      const invented = stored.filter((n) => !names.some((name) => matches(n, name))).map((n) => n.name);
      expect({ missing, invented }).toEqual({ missing: [], invented: [] });
      expect(stored).toHaveLength(names.length);
    },
  );

  it('when every Role node is read, then each is a role the article mentions', async () => {
    const mentioned = new Set(
      [
        SENIOR,
        BACKEND,
        'Junior Engineer',
        'Frontend Engineer',
        'Staff Engineer',
        'Principal Engineer',
        'Engineering Manager',
        'Architect',
        'Senior Backend Engineer',
        'Staff Backend Engineer',
        'Principal Backend Engineer',
        'Solutions Architect',
        'DevOps Engineer',
        'Full-Stack Engineer',
      ].map((n) => n.toLowerCase()),
    );
    const invented = (await graph.nodesOf('Role')).map((r) => r.name).filter((n) => !mentioned.has(n.toLowerCase()));
    expect(invented).toEqual([]);
  });
});

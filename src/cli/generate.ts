import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityFact, GraphFile, RelationshipFact, RoleFact } from '../model/rules';
import { slugify } from '../model/slug';
import { loadGraphFiles, type LoadSummary } from '../seed/load-graph';
import { describeSummary, progressBar } from './output';
import { confirmReset } from './confirm-reset';
import { runWithDatabase, UsageError } from './with-database';

/*
 * `npm run generate -- --roles N | --size small|large [--seed S] [--out DIR] [--load]`:
 * a synthetic career graph for benchmarks, deterministic from the seed, written as data files in
 * the seed format (validated and loaded by the same loader as `npm run seed`).
 *
 * Shape: roles come in families (a domain and a discipline, "Payments Backend") of ten, one per
 * level on an IC ladder and one on a management ladder. Each role uses ~10 tools, needs ~15
 * skills and ~3 frameworks, drawn with a skewed popularity (a few tools, such as Git, are used by
 * most roles; the rest follow a Zipf tail); it has 2–3 promotions (one level up in its family;
 * from the top, across families, so promotion cycles exist too) and 1–2 pivots to any role.
 * Employers hire dozens of roles each.
 */

export interface GenerateOptions {
  roles: number;
  seed: number;
  /** Counts of the other kinds; by default proportional to `roles` (the large size's ratios). */
  tools?: number;
  skills?: number;
  frameworks?: number;
  employers?: number;
}

export const SIZES = {
  small: { roles: 1_000, tools: 200, skills: 500, frameworks: 100, employers: 200 },
  large: { roles: 10_000, tools: 2_000, skills: 5_000, frameworks: 1_000, employers: 2_000 },
} as const;

const SOURCES = ['Generated benchmark data'];
/** Relationships per file: a load may take several files (one transaction or one per file). */
const RELATIONSHIPS_PER_FILE = 50_000;

/** mulberry32: a small, fast, deterministic generator in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAINS = [
  'Payments',
  'Search',
  'Identity',
  'Billing',
  'Logistics',
  'Media',
  'Ads',
  'Maps',
  'Messaging',
  'Commerce',
  'Security',
  'Health',
  'Gaming',
  'Travel',
  'Insurance',
  'Lending',
  'Trading',
  'Retail',
  'Energy',
  'Telecom',
  'Robotics',
  'Automotive',
  'Education',
  'Analytics',
  'Marketplace',
  'Fraud',
  'Growth',
  'Checkout',
  'Catalog',
  'Pricing',
  'Notifications',
  'Streaming',
  'Storage',
  'Compute',
  'Networking',
  'Observability',
  'Reliability',
  'Compliance',
  'Privacy',
  'Recruiting',
  'Support',
  'Onboarding',
  'Inventory',
  'Fulfilment',
  'Scheduling',
  'Recommendations',
  'Voice',
  'Vision',
  'Wearables',
  'Banking',
];
const DISCIPLINES = [
  'Backend',
  'Frontend',
  'Full-Stack',
  'Mobile',
  'Platform',
  'Data',
  'Machine Learning',
  'Infrastructure',
  'Site Reliability',
  'Security',
  'QA',
  'Embedded',
  'Cloud',
  'DevOps',
  'API',
  'Database',
  'Systems',
  'Integration',
  'Performance',
  'Build',
];
const IC_TITLES = [
  'Junior {} Engineer',
  '{} Engineer',
  'Senior {} Engineer',
  'Staff {} Engineer',
  'Principal {} Engineer',
];
const MGMT_TITLES = ['{} Team Lead', '{} Engineering Manager', 'Senior {} Engineering Manager', '{} Director', '{} VP'];
const POPULAR_TOOLS = [
  { name: 'Git', share: 0.7 },
  { name: 'Linux', share: 0.55 },
  { name: 'Docker', share: 0.4 },
];
const TOOL_HEADS = [
  'Kube',
  'Terra',
  'Graf',
  'Prome',
  'Jenk',
  'Ans',
  'Vault',
  'Consul',
  'Nomad',
  'Redi',
  'Kaf',
  'Elast',
  'Mongo',
  'Postg',
  'Snow',
  'Spark',
  'Flink',
  'Airf',
  'Dagst',
  'Argo',
  'Helm',
  'Istio',
  'Linker',
  'Envoy',
  'Traef',
  'Nginx',
  'Caddy',
  'Sentr',
  'Datad',
  'Splun',
  'Lok',
  'Tempo',
  'Jaeg',
  'Zipk',
  'Pulu',
  'Cass',
  'Scyl',
  'Cockr',
  'Neo',
  'Dyna',
  'Fire',
  'Supa',
  'Verc',
  'Netl',
  'Rend',
  'Fly',
  'Heroc',
  'Digit',
  'Lin',
  'Vult',
  'Hetz',
  'Ovh',
  'Scale',
  'Tail',
  'Wire',
  'Zero',
  'Open',
  'Cloud',
  'Stack',
  'Bit',
];
const TOOL_TAILS = [
  'form',
  'flow',
  'ctl',
  'base',
  'hub',
  'lab',
  'ops',
  'desk',
  'kit',
  'line',
  'wave',
  'grid',
  'mesh',
  'dock',
  'port',
  'scope',
  'watch',
  'forge',
  'gate',
  'vault',
  'sync',
  'beam',
  'cast',
  'deck',
  'stream',
  'store',
  'cache',
  'queue',
  'shift',
  'loop',
  'stack',
  'trace',
  'pilot',
  'craft',
  'yard',
  'nest',
  'field',
  'bridge',
  'spark',
  'cloud',
];
const SKILL_HEADS = [
  'Distributed',
  'Concurrent',
  'Secure',
  'Scalable',
  'Reactive',
  'Functional',
  'Event-Driven',
  'Domain-Driven',
  'Test-Driven',
  'Resilient',
  'Real-Time',
  'Embedded',
  'Asynchronous',
  'Incremental',
  'Declarative',
  'Statistical',
  'Applied',
  'Advanced',
  'Practical',
  'Strategic',
  'Cross-Team',
  'Large-Scale',
  'Low-Latency',
  'High-Throughput',
  'Fault-Tolerant',
  'Cost-Aware',
  'Accessible',
  'Inclusive',
  'Data-Informed',
  'Automated',
  'Continuous',
  'Progressive',
  'Cloud-Native',
  'Serverless',
  'Mobile-First',
  'Privacy-Preserving',
  'Observable',
  'Collaborative',
  'Technical',
  'Operational',
  'Architectural',
  'Analytical',
  'Defensive',
  'Adaptive',
  'Iterative',
  'Modular',
  'Portable',
  'Parallel',
  'Stateful',
  'Stateless',
  'Typed',
  'Graph',
  'Relational',
  'Columnar',
  'Probabilistic',
  'Geospatial',
  'Temporal',
  'Semantic',
  'Visual',
  'Numerical',
  'Interactive',
  'Batch',
  'Streaming',
  'Federated',
  'Hybrid',
  'Multi-Region',
  'Zero-Downtime',
  'Blue-Green',
  'Canary',
  'Chaos',
];
const SKILL_TAILS = [
  'Systems Design',
  'Caching',
  'Debugging',
  'Testing',
  'Profiling',
  'Modelling',
  'Mentoring',
  'Planning',
  'Writing',
  'Reviewing',
  'Messaging',
  'Scheduling',
  'Indexing',
  'Querying',
  'Migration',
  'Deployment',
  'Monitoring',
  'Alerting',
  'Tracing',
  'Logging',
  'Encryption',
  'Authentication',
  'Authorization',
  'Rate Limiting',
  'Load Balancing',
  'Sharding',
  'Replication',
  'Consensus',
  'Serialization',
  'Compression',
  'Refactoring',
  'Estimation',
  'Prioritisation',
  'Negotiation',
  'Hiring',
  'Coaching',
  'Facilitation',
  'Storytelling',
  'Budgeting',
  'Forecasting',
  'API Design',
  'Schema Design',
  'Data Modelling',
  'Pipelines',
  'Feature Flags',
  'Experimentation',
  'Optimisation',
  'Automation',
  'Orchestration',
  'Provisioning',
  'Capacity Planning',
  'Incident Response',
  'Threat Modelling',
  'Code Review',
  'Documentation',
  'Pairing',
  'Benchmarking',
  'Recovery',
  'Backups',
  'Auditing',
  'Rendering',
  'State Management',
  'Accessibility',
  'Localisation',
  'Packaging',
  'Versioning',
  'Governance',
  'Validation',
  'Simulation',
  'Visualisation',
  'Search Relevance',
  'Ranking',
  'Forecast Models',
  'Embeddings',
  'Training',
  'Inference',
  'Labelling',
  'Evaluation',
  'Tuning',
  'Retrieval',
];
const FRAMEWORK_HEADS = [
  'Express',
  'Fastify',
  'Spring',
  'Django',
  'Flask',
  'Rails',
  'Laravel',
  'Phoenix',
  'Gin',
  'Echo',
  'Actix',
  'Axum',
  'Quarkus',
  'Micronaut',
  'Nest',
  'Next',
  'Nuxt',
  'Svelte',
  'Remix',
  'Astro',
  'Angular',
  'React',
  'Vue',
  'Ember',
  'Solid',
  'Qwik',
  'Flutter',
  'Ionic',
  'Tauri',
  'Electron',
  'Ktor',
  'Vapor',
  'Blazor',
  'Hapi',
  'Koa',
  'Sails',
  'Meteor',
  'Play',
  'Akka',
  'Vert',
];
const FRAMEWORK_TAILS = [
  '',
  ' Core',
  ' Lite',
  ' Pro',
  ' Next',
  ' Cloud',
  ' Edge',
  ' Native',
  ' Reactive',
  ' Boot',
  ' Kit',
  ' UI',
  ' Data',
  ' Web',
  ' Mobile',
  ' Server',
  ' Studio',
  ' Stack',
  ' Flow',
  ' Forms',
  ' Router',
  ' Query',
  ' Test',
  ' Auth',
  ' Jobs',
];
const EMPLOYER_HEADS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Stark',
  'Wayne',
  'Wonka',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Aperture',
  'Black Mesa',
  'Monarch',
  'Oscorp',
  'Gringotts',
  'Pied Piper',
  'Massive',
  'Dunder',
  'Nimbus',
  'Quantum',
  'Helix',
  'Vertex',
  'Zenith',
  'Apex',
  'Orbit',
  'Summit',
  'Cobalt',
  'Crimson',
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Litware',
  'Proseware',
  'Adatum',
  'Woodgrove',
  'Lucerne',
  'Alpine',
  'Bluefin',
  'Redwood',
  'Silverline',
  'Ironclad',
  'Brightway',
  'Clearwater',
  'Evergreen',
  'Falcon',
  'Granite',
  'Harbor',
];
const EMPLOYER_TAILS = [
  'Labs',
  'Systems',
  'Technologies',
  'Software',
  'Digital',
  'Group',
  'Networks',
  'Analytics',
  'Cloud',
  'Health',
  'Bank',
  'Media',
  'Games',
  'Robotics',
  'Energy',
  'Logistics',
  'Retail',
  'Capital',
  'Studios',
  'Works',
  'Dynamics',
  'Partners',
  'Ventures',
  'Industries',
  'Mobility',
  'Security',
  'Insurance',
  'Telecom',
  'Foods',
  'Motors',
  'Aerospace',
  'Pharma',
  'Markets',
  'Learning',
  'Travel',
  'Payments',
  'Data',
  'AI',
  'Devices',
  'Platforms',
];
const CATEGORIES = [
  'Version Control',
  'Containerization',
  'Cloud Platform',
  'Container Orchestration',
  'CI/CD',
  'Observability',
  'Database',
  'Messaging',
  'Infrastructure as Code',
  'Editor',
  'Project Management',
  'Runtime Environment',
];
const LANGUAGES = [
  'Java',
  'Python',
  'TypeScript',
  'JavaScript',
  'Go',
  'Rust',
  'Kotlin',
  'Swift',
  'C#',
  'Ruby',
  'PHP',
  'Scala',
  'Elixir',
  'C++',
  'Dart',
];

/** The generated graph as data files: entities first, then relationships in chunks. */
export interface GeneratedGraph {
  files: { name: string; content: GraphFile }[];
  counts: { nodes: number; relationships: number };
}

export function generateGraph(options: GenerateOptions): GeneratedGraph {
  const random = rng(options.seed);
  const n = options.roles;
  const counts = {
    tools: options.tools ?? Math.max(20, Math.round(n / 5)),
    skills: options.skills ?? Math.max(30, Math.round(n / 2)),
    frameworks: options.frameworks ?? Math.max(10, Math.round(n / 10)),
    employers: options.employers ?? Math.max(10, Math.round(n / 5)),
  };
  const used = new Set<string>();
  /** A unique name (and so a unique slug id across every kind): a numbered variant if taken. */
  const claim = (name: string): string => {
    let candidate = name;
    for (let i = 2; used.has(slugify(candidate)); i++) candidate = `${name} ${i}`;
    used.add(slugify(candidate));
    return candidate;
  };
  const shuffled = <T>(items: T[]): T[] => {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const combos = (heads: string[], tails: string[], count: number, join: (h: string, t: string) => string) => {
    const all = shuffled(heads.flatMap((h) => tails.map((t) => join(h, t))));
    return Array.from({ length: count }, (_, i) => claim(all[i % all.length]));
  };
  const entity = (name: string, extra: Partial<EntityFact> = {}): EntityFact => ({
    id: slugify(name),
    name,
    ...extra,
    sources: SOURCES,
  });

  const categories = CATEGORIES.map((c) => entity(claim(c)));
  const languages = LANGUAGES.map((l) => entity(claim(l)));
  const toolNames = [
    ...POPULAR_TOOLS.map((t) => claim(t.name)),
    ...combos(TOOL_HEADS, TOOL_TAILS, counts.tools - POPULAR_TOOLS.length, (h, t) => h + t),
  ];
  const tools = toolNames.map((name, i) =>
    entity(
      name,
      i % 4 === 0 ? { description: `${name} is a ${CATEGORIES[i % CATEGORIES.length].toLowerCase()} tool.` } : {},
    ),
  );
  const skills = combos(SKILL_HEADS, SKILL_TAILS, counts.skills, (h, t) => `${h} ${t}`).map((s) => entity(s));
  const frameworks = combos(FRAMEWORK_HEADS, FRAMEWORK_TAILS, counts.frameworks, (h, t) => `${h}${t}`).map((f) =>
    entity(f),
  );
  const employers = combos(EMPLOYER_HEADS, EMPLOYER_TAILS, counts.employers, (h, t) => `${h} ${t}`).map((e) =>
    entity(e),
  );

  // Roles: families of ten (five IC levels, five management levels).
  const familyCount = Math.ceil(n / 10);
  const bases = shuffled(DOMAINS.flatMap((d) => DISCIPLINES.map((s) => `${d} ${s}`)));
  const roles: (RoleFact & { family: number; ladder: number })[] = [];
  for (let f = 0; f < familyCount && roles.length < n; f++) {
    const base = bases[f % bases.length] + (f >= bases.length ? ` ${Math.floor(f / bases.length) + 1}` : '');
    for (const [ladder, titles] of [IC_TITLES, MGMT_TITLES].entries()) {
      for (let level = 1; level <= 5 && roles.length < n; level++) {
        const name = claim(titles[level - 1].replace('{}', base));
        const hasSalary = random() < 0.8;
        const min = 50_000 + level * 25_000 + ladder * 10_000 + Math.floor(random() * 20) * 1_000;
        roles.push({
          id: slugify(name),
          name,
          level,
          track: ladder === 0 ? 'IC' : 'MANAGEMENT',
          seniority: ['Junior', 'Mid-level', 'Senior', 'Staff', 'Principal'][level - 1],
          ...(hasSalary
            ? {
                salary: {
                  min,
                  max: min + 20_000 + Math.floor(random() * 60) * 1_000,
                  currency: 'USD',
                  period: 'YEAR',
                  basis: 'BASE',
                },
              }
            : {}),
          sources: SOURCES,
          family: f,
          ladder,
        });
      }
    }
  }

  const relationships: RelationshipFact[] = [];
  const rel = (type: RelationshipFact['type'], from: string, to: string, emphasis?: string) =>
    relationships.push({ type, from, to, ...(emphasis ? { properties: { emphasis } } : {}), sources: SOURCES });

  /** Zipf-weighted draws of distinct indexes in [offset, size). */
  const zipf = (size: number, s: number, offset = 0) => {
    const cumulative: number[] = [];
    let total = 0;
    for (let i = offset; i < size; i++) cumulative.push((total += 1 / (i - offset + 1) ** s));
    return (count: number, taken: Set<number>) => {
      const out: number[] = [];
      for (let guard = 0; out.length < count && guard < count * 50; guard++) {
        const x = random() * total;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid] < x) lo = mid + 1;
          else hi = mid;
        }
        const pick = lo + offset;
        if (!taken.has(pick)) {
          taken.add(pick);
          out.push(pick);
        }
      }
      return out;
    };
  };
  const drawTools = zipf(tools.length, 0.8, POPULAR_TOOLS.length);
  const drawSkills = zipf(skills.length, 0.8);
  const drawFrameworks = zipf(frameworks.length, 1.0);
  const TOOL_EMPHASIS = ['PRIMARY', 'SHARED', 'SUPPORTING', 'ONBOARDING', 'ERGONOMICS'];
  const SKILL_EMPHASIS = ['CORE', 'IMPORTANT', 'SUPPORTING'];
  const FRAMEWORK_EMPHASIS = ['PRIMARY', 'COMMON', 'ONBOARDING'];
  const byFamilyLevel = (family: number, level: number) =>
    roles.filter((r) => r.family === family && r.level === level).map((r) => r.id);

  for (const role of roles) {
    const toolSet = new Set<number>();
    POPULAR_TOOLS.forEach((t, i) => {
      if (random() < t.share) toolSet.add(i);
    });
    drawTools(8 + Math.floor(random() * 5) - toolSet.size, toolSet);
    for (const t of toolSet) rel('USES_TOOL', role.id, tools[t].id, TOOL_EMPHASIS[Math.floor(random() * 5)]);
    for (const s of drawSkills(13 + Math.floor(random() * 5), new Set()))
      rel('REQUIRES_SKILL', role.id, skills[s].id, SKILL_EMPHASIS[Math.floor(random() * 3)]);
    for (const f of drawFrameworks(2 + Math.floor(random() * 3), new Set()))
      rel('USES_FRAMEWORK', role.id, frameworks[f].id, FRAMEWORK_EMPHASIS[Math.floor(random() * 3)]);
    for (const l of new Set([Math.floor(random() * languages.length), Math.floor(random() * languages.length)]))
      rel('USES_LANGUAGE', role.id, languages[l].id);

    // Promotions: up one level in the family (either ladder); from the top, into other families.
    const targets = new Set<string>();
    const promotions = 2 + (random() < 0.5 ? 1 : 0);
    const up = role.level! < 5 ? byFamilyLevel(role.family, role.level! + 1) : [];
    for (const id of shuffled(up)) if (targets.size < promotions) targets.add(id);
    while (targets.size < promotions) {
      const other = roles[Math.floor(random() * roles.length)];
      if (other.id !== role.id && other.level! >= Math.min(role.level!, 4)) targets.add(other.id);
    }
    for (const id of targets) rel('PROGRESSES_TO', role.id, id);
    const pivots = new Set<string>();
    const pivotCount = 1 + (random() < 0.5 ? 1 : 0);
    while (pivots.size < pivotCount) {
      const other = roles[Math.floor(random() * roles.length)];
      if (other.id !== role.id) pivots.add(other.id);
    }
    for (const id of pivots) rel('PIVOTS_TO', role.id, id);
  }
  for (const employer of employers) {
    const hired = new Set<number>();
    const k = Math.min(roles.length, 10 + Math.floor(random() * 31));
    while (hired.size < k) hired.add(Math.floor(random() * roles.length));
    for (const r of hired) rel('HIRES', employer.id, roles[r].id);
  }
  tools.forEach((t, i) => rel('IN_CATEGORY', t.id, categories[i % categories.length].id));
  frameworks.forEach((f, i) => {
    rel('RUNS_ON', f.id, tools[Math.floor(random() * Math.min(tools.length, 50))].id);
    rel('WRITTEN_IN', f.id, languages[i % languages.length].id);
  });

  const entities: GraphFile = {
    version: 1,
    roles: roles.map((r) => {
      const fact: RoleFact & { family?: number; ladder?: number } = { ...r };
      delete fact.family;
      delete fact.ladder;
      return fact;
    }),
    tools,
    skills,
    frameworks,
    employers,
    languages,
    categories,
  };
  const files: GeneratedGraph['files'] = [{ name: 'entities.json', content: entities }];
  for (let i = 0; i < relationships.length; i += RELATIONSHIPS_PER_FILE) {
    const part = String(i / RELATIONSHIPS_PER_FILE).padStart(3, '0');
    files.push({
      name: `relationships-${part}.json`,
      content: { version: 1, relationships: relationships.slice(i, i + RELATIONSHIPS_PER_FILE) },
    });
  }
  const nodes = roles.length + tools.length + skills.length + frameworks.length + employers.length;
  return {
    files,
    counts: { nodes: nodes + languages.length + categories.length, relationships: relationships.length },
  };
}

/** Writes the files into `dir` (emptied first); returns their paths, entities first. */
export async function writeGraphFiles(graph: GeneratedGraph, dir: string): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of graph.files) {
    const target = path.join(dir, file.name);
    await writeFile(target, JSON.stringify(file.content));
    paths.push(target);
  }
  return paths;
}

export interface CliOptions extends GenerateOptions {
  out: string;
  load: boolean;
  /** Confirms, off a terminal, that --load replaces the graph. */
  yes: boolean;
}

export function parseArgs(args: string[], rootDir: string): CliOptions {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const known = new Set(['--roles', '--seed', '--out', '--load', '--size', '--yes']);
  const unknown = args.find((a, i) => a.startsWith('--') && !known.has(a) && !(i > 0 && known.has(args[i - 1])));
  if (unknown) throw new UsageError(`Unknown argument ${unknown}. ${USAGE}`);
  const size = value('--size');
  if (size !== undefined && size !== 'small' && size !== 'large') throw new UsageError(`--size must be small or large`);
  const roles = value('--roles') ?? (size ? String(SIZES[size].roles) : undefined);
  if (roles === undefined || !/^\d+$/.test(roles) || Number(roles) < 10) throw new UsageError(USAGE);
  const seed = Number(value('--seed') ?? 1);
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  const preset = size ? SIZES[size] : {};
  return {
    ...preset,
    roles: Number(roles),
    seed,
    out: path.resolve(value('--out') ?? path.join(rootDir, 'bench', 'results', 'tmp', `graph-${roles}-seed${seed}`)),
    load: args.includes('--load'),
    yes: args.includes('--yes'),
  };
}

const USAGE = 'Usage: npm run generate -- (--roles N | --size small|large) [--seed S] [--out DIR] [--load [--yes]]';

export function describeLoad(summary: LoadSummary): string {
  const perSecond = Math.round(summary.relationships / (summary.durationMs / 1000));
  return `${describeSummary('Loaded', summary)}  throughput: ${perSecond} relationships/s\n`;
}

if (require.main === module) {
  const rootDir = path.resolve(__dirname, '..', '..');
  const generateAndWrite = async (): Promise<{ options: CliOptions; files: string[] }> => {
    const options = parseArgs(process.argv.slice(2), rootDir);
    const started = performance.now();
    const graph = generateGraph(options);
    const files = await writeGraphFiles(graph, options.out);
    process.stderr.write(
      `Generated ${graph.counts.nodes} nodes and ${graph.counts.relationships} relationships (seed ${options.seed}) ` +
        `into ${options.out} (${files.length} files) in ${Math.round(performance.now() - started)} ms\n`,
    );
    return { options, files };
  };
  const wantsLoad = process.argv.includes('--load');
  if (wantsLoad) {
    void runWithDatabase(async (executor, config) => {
      const yes = parseArgs(process.argv.slice(2), rootDir).yes;
      await confirmReset(executor, config, { command: 'npm run generate -- --load', yes });
      const { files } = await generateAndWrite();
      const summary = await loadGraphFiles(executor, files, { reset: true, onProgress: progressBar('Loading') });
      process.stdout.write(describeLoad(summary));
    });
  } else {
    generateAndWrite().catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
  }
}

import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { buildSchema, getOperationAST, validate } from 'graphql';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { explorerRoutes } from '../../src/server/explorer';
import { allOperations } from '../../web/src/explorer/operations';
import { openSeededDatabase, type TestDatabase } from '../helpers/database';
import { openRealDataDatabase } from '../helpers/real-data';
import { startTestServer, type TestServer } from '../helpers/server';

// The browser pages end to end: the API in-process on the seeded graph, the built pages
// (web/dist, made by `npm run build`) and Debian's Chromium driven by playwright-core.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rootDir = path.resolve(__dirname, '../..');
const artifacts = path.join(rootDir, 'tests', 'artifacts', 'explorer');

let db: TestDatabase;
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const shot = (name: string, fullPage = true) =>
  page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage });

beforeAll(async () => {
  if (!fs.existsSync(path.join(rootDir, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build` (or `npm run build:web`) before the e2e tests');
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  fs.mkdirSync(artifacts, { recursive: true });
  // A cold or busy Neo4j can take more than the default 10 s over the seed's one transaction.
  db = await openSeededDatabase();
  server = await startTestServer(db);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(15000);
});

afterEach(async () => {
  await context?.close();
});

async function openExplorer(base = server.base, hash = ''): Promise<void> {
  await page.goto(`${base}/explore${hash}`);
  await page.waitForSelector('body[data-ready="true"]');
}

/** The API's own answer, for the oracles of the tests below. */
async function api(on: TestServer, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await on.post({ query, variables });
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

describe('the explorer page', () => {
  it('searches, draws a neighbourhood with typed neighbours, and re-centres on a neighbour', async () => {
    await openExplorer();
    await page.getByLabel('Search roles, tools, skills and frameworks').fill('backend');
    await page.keyboard.press('Enter');
    const hit = page.locator('#search-results button', { hasText: 'Backend Engineer' }).first();
    await hit.waitFor();
    await hit.click();

    await page.waitForSelector('#node-graph[data-centre="backend-engineer"]');
    const tools = page.locator('#node-details ul[data-relation="out:USES_TOOL"]');
    await expect(tools.textContent()).resolves.toContain('Docker');
    await expect(tools.textContent()).resolves.toContain('Git');
    // The canvas holds the centre, its neighbours and one labelled edge per relationship.
    const nodeCount = Number(await page.getAttribute('#node-graph', 'data-node-count'));
    const edgeCount = Number(await page.getAttribute('#node-graph', 'data-edge-count'));
    expect(nodeCount).toBeGreaterThan(10);
    expect(edgeCount).toBeGreaterThanOrEqual(nodeCount - 1);
    await expect(page.locator('#node-graph canvas').count()).resolves.toBeGreaterThan(0);
    await shot('1-neighbourhood-backend-engineer');

    // Keyboard: focus the Docker neighbour and press Enter to re-centre on the tool.
    await tools.getByRole('button', { name: 'Docker' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#node-graph[data-centre="docker"]');
    await expect(page.locator('#node-details ul[data-relation="in:USES_TOOL"]').textContent()).resolves.toContain(
      'Backend Engineer',
    );
    await shot('2-neighbourhood-docker');

    // Mouse: click the Backend Engineer node on the canvas to re-centre on it again.
    const box = await page.locator('#node-graph').boundingBox();
    const at = await page.evaluate<{ x: number; y: number }>(
      `document.getElementById('node-graph').cy.getElementById('backend-engineer').renderedPosition()`,
    );
    await page.mouse.click(box!.x + at.x, box!.y + at.y);
    await page.waitForSelector('#node-graph[data-centre="backend-engineer"]');
  });

  it('finds the routes from Backend Engineer to Staff Engineer with what to learn', async () => {
    await openExplorer();
    await page.getByLabel('From role').fill('Backend Engineer');
    await page.getByLabel('To role').fill('Staff Engineer');
    await page.getByRole('button', { name: 'Find routes' }).click();

    const first = page.locator('#routes-list > li').first();
    await first.waitFor();
    const text = (await first.textContent()) ?? '';
    expect(text).toContain('Backend Engineer');
    expect(text).toContain('Senior Engineer');
    expect(text).toContain('Staff Engineer');
    expect(text).toContain('promotion');
    await expect(first.locator('.skills-to-acquire').textContent()).resolves.toContain('System Design');
    await expect(first.locator('.tools-to-learn').textContent()).resolves.toContain('Jenkins');
    // Each step says why it exists, as the API words it.
    const { progressionPaths } = await api(
      server,
      `{ progressionPaths(from: "backend-engineer", to: "staff-engineer", maxSteps: 4, via: [PROMOTION], first: 10) {
        steps { reason { text } } toLearnCount } }`,
    );
    expect(progressionPaths[0].steps.length).toBeGreaterThan(0);
    await expect(first.locator('.reasons li').allTextContents()).resolves.toEqual(
      progressionPaths[0].steps.map((s: { reason: { text: string } }) => s.reason.text),
    );
    expect(text).toContain(`skills and tools to learn on the way: ${progressionPaths[0].toLearnCount}`);
    expect(Number(await page.getAttribute('#routes-graph', 'data-route-count'))).toBeGreaterThanOrEqual(1);
    await expect(page.locator('#routes-graph canvas').count()).resolves.toBeGreaterThan(0);
    await page.locator('#routes').screenshot({ path: path.join(artifacts, '3-routes-backend-to-staff.png') });
  });

  it('compares Senior Engineer with Backend Engineer side by side', async () => {
    await openExplorer();
    await page.getByLabel('Role A').fill('Senior Engineer');
    await page.getByLabel('Role B').fill('Backend Engineer');
    await page.getByRole('button', { name: 'Compare' }).click();

    const shared = page.locator('tr[data-dimension="tools"] td.shared');
    await shared.waitFor();
    const text = (await shared.textContent()) ?? '';
    expect(text).toContain('Git');
    expect(text).toContain('Docker');
    await expect(page.locator('.similarity').textContent()).resolves.toMatch(/Similarity .*%/);
    await page.locator('#compare').screenshot({ path: path.join(artifacts, '4-compare-senior-backend.png') });
  });

  it('shows clear empty states: an unknown role, no route, no match', async () => {
    await openExplorer();
    await page.getByLabel('From role').fill('Astronaut');
    await page.getByRole('button', { name: 'Find routes' }).click();
    const routes = page.locator('#routes-status[data-state="empty"]');
    await routes.waitFor();
    await expect(routes.textContent()).resolves.toContain('Unknown role');
    await page.locator('#routes').screenshot({ path: path.join(artifacts, '5-unknown-role.png') });

    await page.getByLabel('From role').fill('Staff Engineer');
    await page.getByLabel('To role').fill('Backend Engineer');
    await page.getByRole('button', { name: 'Find routes' }).click();
    await page.waitForSelector('#routes-status[data-state="empty"]:has-text("No route")');
    await page.locator('#routes').screenshot({ path: path.join(artifacts, '6-no-route.png') });

    await page.getByLabel('Search roles, tools, skills and frameworks').fill('zzzqqq');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForSelector('#search-status[data-state="empty"]:has-text("No matches")');
  });

  it('says when the API is unavailable', async () => {
    await openExplorer();
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByLabel('Search roles, tools, skills and frameworks').fill('backend');
    await page.keyboard.press('Enter');
    const status = page.locator('#search-status[data-state="error"]');
    await status.waitFor();
    await expect(status.textContent()).resolves.toContain('API unavailable');
    await shot('7-api-unavailable');
  });

  it('fits a phone-sized screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.base}/explore#node=backend-engineer`);
    await page.waitForSelector('#node-graph[data-centre="backend-engineer"]');
    // (A string: the root tsconfig has no DOM types.)
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('8-phone-neighbourhood');
  });
});

describe('the explorer over real data', () => {
  // The article and the committed default slice of O*NET, ESCO, the crosswalk and BLS (what
  // `npm start` loads), in the real-data Neo4j the suites reading it share.
  let realDb: TestDatabase;
  let real: TestServer;

  beforeAll(async () => {
    realDb = await openRealDataDatabase({ NEO4J_TX_TIMEOUT_MS: '120000' });
    real = await startTestServer(realDb);
  }, 600_000);

  // The real graph's statements are planned on first use, which a busy machine takes seconds over.
  beforeEach(() => page.setDefaultTimeout(60_000));

  afterAll(async () => {
    await real?.stop();
    await realDb?.close();
  });

  /** The id of the occupation of this O*NET code, found through the API. */
  async function onetRole(code: string, name: string): Promise<string> {
    const { search } = await api(
      real,
      'query ($t: String!) { search(text: $t, kinds: [ROLE], first: 20) { node { id ... on Role { onetCode } } } }',
      {
        t: name,
      },
    );
    const hit = search.find((h: { node: { onetCode: string | null } }) => h.node.onetCode === code);
    expect(hit).toBeDefined();
    return hit.node.id as string;
  }

  it('shows the strongest few of each kind of a role with hundreds of neighbours, the counts per kind, more on demand and the source of each edge', async () => {
    const id = await onetRole('15-1252.00', 'Software Developers');
    // The oracle: every count, and the whole tool list by name (not by weight, not counted).
    const { role } = await api(
      real,
      `query ($id: ID!) { role(id: $id) {
        toolsCount skillsCount frameworksCount languagesCount workflowsCount employersCount
        nextRolesCount previousRolesCount adjacentRolesCount pivotsFromCount relatedRolesCount
        relatedFromCount equivalentRolesCount equivalentFromCount broaderRolesCount narrowerRolesCount
        similarToCount similarFromCount
        allTools: toolLinks(first: 1000) { weight sources tool { id name } }
      } }`,
      { id },
    );
    expect(role.toolsCount).toBeGreaterThan(100);
    expect(role.allTools).toHaveLength(role.toolsCount);

    await openExplorer(real.base, `#node=${encodeURIComponent(id)}`);
    await page.waitForSelector(`#node-graph[data-centre="${id}"]`);

    // Counts per kind: each list the page shows says how many there are, as the API counts them,
    // and every kind the API counts is shown.
    const shownCounts = await page.$$eval('#node-details .relation', (blocks) =>
      blocks.map((b) => [b.getAttribute('data-field'), Number(b.querySelector('.count')?.getAttribute('data-count'))]),
    );
    const apiCounts = Object.entries(role)
      .filter(([k, v]) => k.endsWith('Count') && (v as number) > 0)
      .map(([k, v]) => [k.slice(0, -'Count'.length), v]);
    expect(Object.fromEntries(shownCounts)).toEqual(Object.fromEntries(apiCounts));

    // The strongest few: the tools shown first are at least as heavy as every tool not shown.
    const tools = page.locator('#node-details [data-field="tools"]');
    await expect(tools.locator('.count').textContent()).resolves.toContain(`8 of ${role.toolsCount}`);
    const firstPage = await tools
      .locator('li button[data-id]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-id')));
    expect(firstPage).toHaveLength(8);
    const weightOf = new Map<string, number>(role.allTools.map((l: any) => [l.tool.id, l.weight]));
    const lightestShown = Math.min(...firstPage.map((t) => weightOf.get(t!)!));
    const heaviestHidden = Math.max(
      ...role.allTools.filter((l: any) => !firstPage.includes(l.tool.id)).map((l: any) => l.weight as number),
    );
    expect(lightestShown).toBeGreaterThanOrEqual(heaviestHidden);

    // The source of each edge: the first tool's line names what the API says states it.
    const first = role.allTools.find((l: any) => l.tool.id === firstPage[0]);
    expect(first.sources.length).toBeGreaterThan(0);
    await expect(tools.locator('li').first().locator('.sources').textContent()).resolves.toBe(
      `stated by ${first.sources.join('; ')}`,
    );
    await shot('10-real-neighbourhood-software-developers', false);

    // More, from the keyboard: 25 further tools, the focus on the first of them.
    await tools.getByRole('button', { name: /^Show 25 more tools$/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#node-details [data-field="tools"] ul[data-shown="33"]');
    const secondPage = await page
      .locator('#node-details [data-field="tools"] li button[data-id]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-id')));
    expect(secondPage.slice(0, 8)).toEqual(firstPage);
    expect(new Set(secondPage).size).toBe(33);
    expect(secondPage.every((t) => weightOf.has(t!))).toBe(true);
    await expect(page.evaluate('document.activeElement?.dataset.id')).resolves.toBe(secondPage[8]);
    await expect(page.locator('#node-details [data-field="tools"] .count').textContent()).resolves.toContain(
      `33 of ${role.toolsCount}`,
    );
    // The graph shows what the lists show, no more: the centre and its distinct neighbours.
    const shownIds = await page
      .locator('#node-details .relation li button[data-id]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-id')));
    expect(Number(await page.getAttribute('#node-graph', 'data-node-count'))).toBe(new Set([id, ...shownIds]).size);
    await page.locator('#node-details').screenshot({ path: path.join(artifacts, '11-real-more-tools.png') });
  });
  /** Adds items to the profile by typing and choosing the first suggestion from the keyboard; their ids and kinds. */
  async function pickItems(texts: string[]): Promise<Record<string, string[]>> {
    const search = page.getByLabel('Add a skill or tool');
    for (const text of texts) {
      await search.fill(text);
      const suggestion = page.locator('#profile-suggestions button[data-pick]').first();
      await suggestion.waitFor();
      // The suggestions are the API's search hits for what was typed.
      const { search: hits } = await api(
        real,
        'query ($t: String!) { search(text: $t, first: 8, kinds: [SKILL, TOOL, FRAMEWORK, LANGUAGE]) { node { id } } }',
        { t: text },
      );
      await expect(
        page
          .locator('#profile-suggestions button[data-pick]')
          .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-pick'))),
      ).resolves.toEqual(hits.map((h: { node: { id: string } }) => h.node.id));
      await suggestion.focus();
      await page.keyboard.press('Enter');
    }
    const items = await page
      .locator('#profile-items li')
      .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-id'), li.querySelector('.kind')?.textContent]));
    expect(items).toHaveLength(texts.length);
    const lists: Record<string, string> = {
      Skill: 'skills',
      Tool: 'tools',
      Framework: 'frameworks',
      Language: 'languages',
    };
    const profile: Record<string, string[]> = { skills: [], tools: [], frameworks: [], languages: [] };
    for (const [id, kind] of items) profile[lists[kind!]].push(id!);
    return profile;
  }

  it('builds a profile by typing and shows the route with the least to learn to a role aimed for, each step with its reason', async () => {
    await openExplorer(real.base);
    const profile = await pickItems(['Python', 'Docker', 'PostgreSQL', 'Git']);
    // A picked item can be removed again, from the keyboard.
    await page.getByLabel('Add a skill or tool').fill('Kubernetes');
    await page.locator('#profile-suggestions button[data-pick]').first().waitFor();
    await page.locator('#profile-suggestions button[data-pick]').first().focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#profile-items li').count()).resolves.toBe(5);
    await page.locator('#profile-items li').last().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#profile-items li').count()).resolves.toBe(4);

    await page.getByLabel('Your current role').fill('Backend Engineer');
    await page.getByLabel('Role you aim for').fill('Staff Engineer');
    await page.getByRole('button', { name: 'Show the gap and route' }).click();
    await page.locator('#gap .least-effort').waitFor();
    const withRole = { ...profile, currentRole: 'backend-engineer' };

    const { leastEffortRoute } = await api(
      real,
      `query ($p: ProfileInput!) { leastEffortRoute(profile: $p, to: "staff-engineer") {
        toLearnCount steps { to { name } reason { text } } } }`,
      { p: withRole },
    );
    expect(leastEffortRoute.steps.length).toBeGreaterThan(0);
    await expect(page.locator('#gap .least-effort .reason').allTextContents()).resolves.toEqual(
      leastEffortRoute.steps.map((s: { reason: { text: string } }) => s.reason.text),
    );
    await expect(page.locator('#gap .least-effort').textContent()).resolves.toContain(
      `${leastEffortRoute.toLearnCount} thing${leastEffortRoute.toLearnCount === 1 ? '' : 's'} to learn`,
    );
    await page.locator('#my-skills').screenshot({ path: path.join(artifacts, '12-my-skills-route.png') });

    // Matching: the roles the profile fits, in the API's order, with its fit and missing essentials.
    await page.getByRole('button', { name: 'Match roles' }).click();
    await page.locator('#matches > li').first().waitFor();
    const { matchRoles } = await api(
      real,
      `query ($p: ProfileInput!) { matchRoles(profile: $p, first: 10) {
        matches { role { id } fit missingEssentials(first: 10) { item { name } } } } }`,
      { p: withRole },
    );
    expect(matchRoles.matches.length).toBeGreaterThan(1);
    const shown = await page
      .locator('#matches > li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-role')));
    expect(shown).toEqual(matchRoles.matches.map((m: { role: { id: string } }) => m.role.id));
    const fits = await page.locator('#matches > li .fit').allTextContents();
    fits.forEach((text, i) => expect(text).toContain(`Fit ${Math.round(matchRoles.matches[i].fit * 100)}%`));
    const missingShown = await page.locator('#matches > li .missing').allTextContents();
    matchRoles.matches.forEach((m: { missingEssentials: { item: { name: string } }[] }, i: number) => {
      // The eight heaviest are named, the rest counted.
      for (const e of m.missingEssentials.slice(0, 8)) expect(missingShown[i]).toContain(e.item.name);
      if (m.missingEssentials.length > 8)
        expect(missingShown[i]).toContain(`and ${m.missingEssentials.length - 8} more`);
    });
    await page.locator('#my-skills').screenshot({ path: path.join(artifacts, '13-my-skills-matches.png') });

    // The gap to the second match, chosen from the keyboard, as profileGap answers it.
    const second = matchRoles.matches[1].role.id as string;
    await page.locator(`#matches button[data-gap="${second}"]`).focus();
    await page.keyboard.press('Enter');
    const { profileGap } = await api(
      real,
      `query ($p: ProfileInput!, $to: ID!) { profileGap(profile: $p, to: $to) {
        role { name } fit missingEssentials(first: 10) { item { name } } } }`,
      { p: withRole, to: second },
    );
    await page.locator('#gap h3', { hasText: `From your profile to ${profileGap.role.name}` }).waitFor();
    await expect(page.locator('#gap .fit').textContent()).resolves.toContain(
      `Fit ${Math.round(profileGap.fit * 100)}%`,
    );
    const gapMissing = (await page.locator('#gap .missing').textContent()) ?? '';
    for (const e of profileGap.missingEssentials.slice(0, 8)) expect(gapMissing).toContain(e.item.name);
  });
  it('lists the most similar roles, most similar first, as computed links with their similarity and no sources', async () => {
    const id = await onetRole('15-1252.00', 'Software Developers');
    const { role } = await api(
      real,
      `query ($id: ID!) { role(id: $id) {
        similarToCount similarToLinks(first: 8, orderBy: RANK) { score rank role { id } }
      } }`,
      { id },
    );
    expect(role.similarToCount).toBeGreaterThan(0);
    await openExplorer(real.base, `#node=${encodeURIComponent(id)}`);
    await page.waitForSelector(`#node-graph[data-centre="${id}"]`);

    const similar = page.locator('#node-details [data-field="similarTo"]');
    const shown = await similar
      .locator('li button[data-id]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-id')));
    expect(shown).toEqual(role.similarToLinks.map((l: { role: { id: string } }) => l.role.id));
    const first = similar.locator('li').first();
    await expect(first.locator('.facts').textContent()).resolves.toBe(
      ` similarity ${role.similarToLinks[0].score.toFixed(2)}, rank ${role.similarToLinks[0].rank}`,
    );
    await expect(first.locator('.sources').textContent()).resolves.toBe('computed from what the two roles require');
    await expect(similar.locator('h4').textContent()).resolves.toContain('SIMILAR_TO (Role)');
  });

  it('lists the transitions from a role with the reasons for each move', async () => {
    await openExplorer(real.base);
    const from = await onetRole('15-1252.00', 'Software Developers');
    await page.getByLabel('Role to move from').fill('Software Developers');
    await page.getByRole('button', { name: 'Find transitions' }).click();
    await page.locator('#transitions-list > li').first().waitFor();
    const { transitions } = await api(
      real,
      `query ($from: ID!) { transitions(from: $from, first: 10, minSimilarity: 0.1) {
        role { id } similarity borrowed comparedVia { name } statedBy { kind sources }
        shared { item { name } } missing { item { name } } salaryChange { min max currency } } }`,
      { from },
    );
    expect(transitions.length).toBeGreaterThan(0);
    const items = page.locator('#transitions-list > li');
    await expect(items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-role')))).resolves.toEqual(
      transitions.map((t: { role: { id: string } }) => t.role.id),
    );
    for (let i = 0; i < transitions.length; i++) {
      const t = transitions[i];
      const text = (await items.nth(i).textContent()) ?? '';
      expect(text).toContain(`similarity ${Math.round(t.similarity * 100)}%`);
      expect(text.includes('compared through the crosswalk')).toBe(t.borrowed);
      for (const via of t.comparedVia) expect(text).toContain(via.name);
      for (const stated of t.statedBy) for (const source of stated.sources) expect(text).toContain(source);
      if (t.statedBy.length === 0) expect(text).toContain('similarity alone');
      for (const shared of t.shared.slice(0, 5)) expect(text).toContain(shared.item.name);
      for (const missing of t.missing.slice(0, 5)) expect(text).toContain(missing.item.name);
      expect(text.includes('Salary change: unknown')).toBe(t.salaryChange === null);
    }
    await page.locator('#transitions').screenshot({ path: path.join(artifacts, '14-transitions.png') });
  });
});

describe('GraphiQL', () => {
  it('loads with no network beyond loopback and runs an example operation', async () => {
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) return route.continue();
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await page.goto(`${server.base}/graphiql`);
    await page.waitForSelector('.graphiql-container');
    // The examples file is preloaded: its first operation is DbInfo.
    await page.locator('.graphiql-query-editor', { hasText: 'query DbInfo' }).waitFor();

    await page.locator('.graphiql-execute-button').click();
    // With several operations in the editor GraphiQL may ask which one to run.
    const response = page.locator('.graphiql-response', { hasText: 'edition' });
    const choice = page.getByRole('menuitem', { name: 'DbInfo', exact: true });
    await response.or(choice).first().waitFor();
    if (await choice.isVisible()) await choice.click();
    await response.waitFor();
    await shot('9-graphiql', false);
    expect(blocked).toEqual([]);
  });
});

describe('the operations and the server', () => {
  it('sends only operations that are valid against schema/schema.graphql', () => {
    const schema = buildSchema(fs.readFileSync(path.join(rootDir, 'schema', 'schema.graphql'), 'utf8'));
    expect(allOperations.length).toBeGreaterThan(0);
    for (const doc of allOperations) {
      const op = getOperationAST(doc)?.name?.value;
      expect({ op, errors: validate(schema, doc).map((e) => e.message) }).toEqual({ op, errors: [] });
    }
  });

  it('answers 503 naming the build command when the pages were not built', async () => {
    const app = express().use(explorerRoutes(path.join(rootDir, 'does-not-exist')));
    const http = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/explore`);
      expect(res.status).toBe(503);
      await expect(res.text()).resolves.toContain('npm run build:web');
    } finally {
      http.close();
    }
  });

  it('serves /explore and /graphiql next to a working /graphql', async () => {
    for (const p of ['/explore', '/graphiql']) {
      const res = await fetch(`${server.base}${p}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    const res = await server.post({ query: '{ role(id: "backend-engineer") { name } }' });
    expect(res.body).toEqual({ data: { role: { name: 'Backend Engineer' } } });
  });
});

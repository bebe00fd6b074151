import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { TestDatabase } from '../helpers/database';
import type { TestGraphQL } from '../helpers/graphql';
import { closeSeededApi, openSeededApi } from './read-api.seed';

/*
 * Every GraphQL operation the documentation shows runs against the seeded graph without errors,
 * and where the page shows its answer (the JSON block that follows), it is that answer.
 */

const root = path.join(__dirname, '../..');
const pages = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

interface Example {
  page: string;
  line: number;
  query: string;
  answer?: unknown;
}

/** The ```graphql blocks of a page, each with the ```json block right after it, if any. */
function examplesOf(page: string): Example[] {
  const lines = readFileSync(path.join(root, page), 'utf8').split('\n');
  const blocks: { lang: string; line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ lang: open[1], line: start + 1, text: body.join('\n') });
  }
  return blocks.flatMap((block, i) => {
    if (block.lang !== 'graphql') return [];
    const next = blocks[i + 1];
    return [
      {
        page,
        line: block.line,
        query: block.text,
        answer: next?.lang === 'json' ? (JSON.parse(next.text) as unknown) : undefined,
      },
    ];
  });
}

const examples = pages.flatMap(examplesOf);
// Operations with variables or mutations change or need more than the seed: parsed only.
const runnable = examples.filter((e) => !e.query.includes('$') && !/^\s*mutation\b/m.test(e.query));

let db: TestDatabase;
let gql: TestGraphQL;

beforeAll(async () => {
  ({ db, gql } = await openSeededApi());
});
afterAll(() => closeSeededApi({ db, gql }));

describe('the operations the documentation shows', () => {
  it('when the pages are read, then they show operations to run', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((e) => [`${e.page}:${e.line}`, e] as const))('when %s is parsed, then it is GraphQL', (_, e) => {
    expect(() => parse(e.query)).not.toThrow();
  });

  it.each(runnable.map((e) => [`${e.page}:${e.line}`, e] as const))(
    'when %s runs against the seeded graph, then it answers as the page says',
    async (_, e) => {
      const result = await gql.run(e.query);
      expect(result.errors).toBeUndefined();
      if (e.answer !== undefined) expect(result.data).toEqual(e.answer);
    },
  );
});

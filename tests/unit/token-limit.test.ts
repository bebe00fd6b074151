import { parse } from 'graphql';
import { countTokens } from '../../src/server/plugins/query-limits.plugin';

/*
 * The token limit is told apart from other parse errors by counting tokens before graphql-js
 * parses with `maxTokens`; the count must be the parser's own, or the two would disagree at the
 * boundary.
 */

const DOCUMENTS = [
  '{ role(id: "backend-engineer") { name } }',
  '# a comment is not a token\nquery Q($id: ID!) { role(id: $id) { ...F } } fragment F on Role { id name }',
  '{ roles(first: 5, filter: { track: IC }) { edges { node { name tools { name } } } } }',
  '{ search(text: """block\nstring""") { score } }',
];

describe('countTokens', () => {
  it.each(DOCUMENTS)(
    'when %j is parsed with exactly its count as maxTokens, then it parses, and with one less it does not',
    (doc) => {
      const count = countTokens(doc, 10_000);
      expect(count).toBeGreaterThan(5);
      expect(() => parse(doc, { maxTokens: count })).not.toThrow();
      expect(() => parse(doc, { maxTokens: count - 1 })).toThrow();
    },
  );

  it('when a document is far longer than the limit, then counting stops just past the limit', () => {
    expect(countTokens(`{ ${'a '.repeat(100_000)}}`, 50)).toBe(51);
  });

  it('when the text is not lexically valid, then the count so far is returned and parsing reports the error', () => {
    expect(countTokens('{ a "unterminated', 100)).toBe(2);
  });
});

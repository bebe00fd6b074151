import { toLuceneQuery } from '../../src/graph/search-query';

describe('toLuceneQuery', () => {
  it('when a word is typed, then it matches whole or as a prefix', () => {
    expect(toLuceneQuery('Kube')).toBe('kube^2 OR kube*');
  });

  it.each([
    ['C++', 'c^2'],
    ['CI/CD', 'ci^2 OR ci* OR cd^2 OR cd*'],
    ['"quoted"', 'quoted^2 OR quoted*'],
    ['(group', 'group^2 OR group*'],
    ['fuzzy~', 'fuzzy^2 OR fuzzy*'],
    ['a AND b', 'a^2 OR and^2 OR and* OR b^2'],
    ['x:y', 'x^2 OR y^2'],
    ['back\\slash', 'back^2 OR back* OR slash^2 OR slash*'],
    ['[range TO z]', 'range^2 OR range* OR to^2 OR to* OR z^2'],
    ['Café', 'café^2 OR café*'],
  ])('when %p is typed, then only letters and digits reach the query', (text, expected) => {
    expect(toLuceneQuery(text)).toBe(expected);
  });

  it.each(['(( ~ ', '!-+&|^{}?', '   '])(
    'when only punctuation (%p) is typed, then there is nothing to search',
    (text) => {
      expect(toLuceneQuery(text)).toBeNull();
    },
  );

  it('when words repeat, then each is searched once', () => {
    expect(toLuceneQuery('ci CI/cd')).toBe('ci^2 OR ci* OR cd^2 OR cd*');
  });
});

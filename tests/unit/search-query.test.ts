import { luceneClauses, toLuceneQuery } from '../../src/graph/search-query';

describe('toLuceneQuery', () => {
  it('when a word is typed, then it matches whole or as a prefix', () => {
    expect(toLuceneQuery('Kube')).toBe('kube^2 OR kube*');
  });

  it.each([
    ['C++', 'c^2'],
    ['CI/CD', '"ci cd"^8 OR cicd^6 OR (+ci +cd)^4 OR ci OR ci*^0.5 OR cd^4 OR cd*^2'],
    ['"quoted"', 'quoted^2 OR quoted*'],
    ['(group', 'group^2 OR group*'],
    ['fuzzy~', 'fuzzy^2 OR fuzzy*'],
    ['a AND b', '"a and b"^8 OR "aand b"^8 OR "a andb"^8 OR (+a +and +b)^4 OR a OR and OR and*^0.5 OR b^4'],
    ['x:y', '"x y"^8 OR xy^6 OR (+x +y)^4 OR x OR y^4'],
    ['back\\slash', '"back slash"^8 OR backslash^6 OR (+back +slash)^4 OR back OR back*^0.5 OR slash^4 OR slash*^2'],
    [
      '[range TO z]',
      '"range to z"^8 OR "rangeto z"^8 OR "range toz"^8 OR (+range +to +z)^4 OR range OR range*^0.5 OR to OR to*^0.5 OR z^4',
    ],
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

  it('when words repeat, then each is searched once (the phrase keeps them as typed)', () => {
    expect(toLuceneQuery('ci CI/cd')).toBe(
      '"ci ci cd"^8 OR "cici cd"^8 OR "ci cicd"^8 OR (+ci +cd)^4 OR ci OR ci*^0.5 OR cd^4 OR cd*^2',
    );
  });

  it.each(['back end developer', 'back-end developer', 'Back End Developer!'])(
    'when %p is typed, then the phrase, the joined spelling and all words together weigh most',
    (text) => {
      const query = toLuceneQuery(text)!;
      expect(query.startsWith('"back end developer"^8 OR "backend developer"^8 OR ')).toBe(true);
      expect(query).toContain('(+back +end +developer)^4');
    },
  );

  it('when a long word is typed, then it is also tried as two words, neither shorter than three letters', () => {
    const query = toLuceneQuery('backend developer')!;
    expect(query).toContain('"back end developer"^8');
    expect(query).toContain('"bac kend developer"^8');
    expect(query).not.toContain('"ba ckend developer"');
    expect(query).not.toContain('"backe nd developer"');
  });

  it('when several words are typed, then the last (what a title names) weighs most on its own', () => {
    expect(toLuceneQuery('back end developer')).toMatch(
      / OR back OR back\*\^0\.5 OR end OR end\*\^0\.5 OR developer\^4 OR developer\*\^2$/,
    );
  });

  it('when many long words are typed, then the spellings tried are bounded', () => {
    const query = toLuceneQuery(Array.from({ length: 30 }, () => 'abcdefghijklmnop').join(' '))!;
    expect(query.match(/"\^8/g)).toHaveLength(24);
  });
});

describe('luceneClauses', () => {
  it("when words are typed, then each clause of the query says where it comes from, in the query's order", () => {
    const clauses = luceneClauses('backend dev')!;
    expect(clauses.map((c) => c.clause).join(' OR ')).toBe(toLuceneQuery('backend dev'));
    expect(clauses).toEqual([
      { kind: 'typed', clause: '"backend dev"^8' },
      { kind: 'joined', clause: 'backenddev^6' },
      { kind: 'split', clause: '"bac kend dev"^8' },
      { kind: 'split', clause: '"back end dev"^8' },
      { kind: 'together', clause: '(+backend +dev)^4' },
      { kind: 'word', clause: 'backend' },
      { kind: 'prefix', clause: 'backend*^0.5' },
      { kind: 'word', clause: 'dev^4' },
      { kind: 'prefix', clause: 'dev*^2' },
    ]);
  });

  it('when one long word is typed, then its splits come first, then the word whole and as a prefix', () => {
    expect(luceneClauses('Kubernetes')!.map((c) => `${c.kind} ${c.clause}`)).toEqual([
      'split "kub ernetes"^8',
      'split "kube rnetes"^8',
      'split "kuber netes"^8',
      'split "kubern etes"^8',
      'split "kuberne tes"^8',
      'word kubernetes^2',
      'prefix kubernetes*',
    ]);
  });

  it('when nothing searchable is typed, then there are no clauses', () => {
    expect(luceneClauses('((')).toBeNull();
  });
});

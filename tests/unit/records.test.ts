import { z } from 'zod';
import { listOf, nodeRecord, searchHits } from '../../src/graph/records';

/* The list codecs of the read path are built once per record codec, and parse as z.array did. */

describe('listOf', () => {
  it('when asked twice for the same codec, then it gives the same list codec', () => {
    expect(listOf(nodeRecord)).toBe(listOf(nodeRecord));
    const other = z.object({ id: z.string() });
    expect(listOf(other)).not.toBe(listOf(nodeRecord));
  });

  it('when rows match the codec, then each is parsed with its defaults; when one does not, then the index is named', () => {
    const nodes = listOf(nodeRecord).parse([{ __typename: 'Tool', id: 'git', name: 'Git' }]);
    expect(nodes).toEqual([
      {
        __typename: 'Tool',
        id: 'git',
        name: 'Git',
        aliases: [],
        description: null,
        sources: [],
        provenance: [],
        updatedAt: null,
      },
    ]);
    const bad = listOf(nodeRecord).safeParse([{ __typename: 'Tool', id: 'git', name: 'Git' }, { id: 3 }]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path[0]).toBe(1);
  });
});

describe('searchHits', () => {
  it('when hits are read, then each keeps its score and its node as read, fields beyond the plan included', () => {
    const hits = searchHits([
      { score: 2.5, node: { __typename: 'Role', id: 'backend-engineer', name: 'Backend Engineer', onetCode: null } },
      { score: 1, node: { __typename: 'Tool', id: 'git', name: 'Git' } },
    ]);
    expect(hits).toEqual([
      { score: 2.5, node: { __typename: 'Role', id: 'backend-engineer', name: 'Backend Engineer', onetCode: null } },
      { score: 1, node: { __typename: 'Tool', id: 'git', name: 'Git' } },
    ]);
  });

  it('when a hit has no id or an unknown kind, then reading fails', () => {
    expect(() => searchHits([{ score: 1, node: { __typename: 'Tool', name: 'Git' } }])).toThrow();
    expect(() => searchHits([{ score: 1, node: { __typename: 'Planet', id: 'mars' } }])).toThrow();
  });
});

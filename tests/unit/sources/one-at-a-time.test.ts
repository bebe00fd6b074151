import path from 'node:path';
import { loadMatchTables, readSources, type ProgressEvent, type SourceGraph } from '../../../src/sources';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'sources');
const SEED = path.join(__dirname, '..', '..', '..', 'seed');
const DEFAULT = path.join(__dirname, '..', '..', '..', 'data', 'default');

/** What part of a graph already loaded looks like to the next import. */
function known(graph: SourceGraph) {
  const roleBy = (key: string) => {
    const ids = new Map(
      graph.nodes.filter((n) => n.kind === 'ROLE' && n.properties[key]).map((n) => [n.properties[key] as string, n.id]),
    );
    return (code: string) => ids.get(code);
  };
  return {
    existing: graph.nodes.filter((n) => n.kind !== 'ROLE'),
    existingIds: graph.nodes.map((n) => n.id),
    roles: {
      onetRole: roleBy('onetCode'),
      escoRole: roleBy('escoUri'),
      articleRole: (id: string) =>
        graph.nodes.some((n) => n.id === id && n.kind === 'ROLE' && !n.properties.onetCode && !n.properties.escoUri),
    },
  };
}

describe('sources imported one at a time into a graph that holds the others', () => {
  it('when O*NET is read after the article, then its things join the article ids and kinds, and the role mapping links', async () => {
    const article = await readSources({ article: [SEED] });
    const { graph, merges } = await readSources({ onet: [path.join(FIXTURES, 'onet')] }, known(article.graph));
    const node = (id: string) => graph.nodes.find((n) => n.id === id);
    expect(node('docker')).toMatchObject({
      kind: 'TOOL',
      name: 'Docker',
      provenance: [expect.objectContaining({ source: 'O*NET', sourceId: 'Docker' })],
    });
    expect(node('react')).toMatchObject({ kind: 'FRAMEWORK', name: 'React' });
    expect(node('jira')?.aliases).toContain('Atlassian JIRA');
    expect(merges.merges).toContainEqual(expect.objectContaining({ id: 'jira', into: 'Jira', by: 'alias-table' }));
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ type: 'EQUIVALENT_TO', from: 'backend-engineer', to: 'software-developers' }),
    );
  });

  it('when the crosswalk is read alone, then it links the roles the graph already has', async () => {
    const roles = await readSources({ onet: [path.join(FIXTURES, 'onet')], esco: [path.join(FIXTURES, 'esco')] });
    const { graph, reports } = await readSources({ crosswalk: [path.join(FIXTURES, 'crosswalk')] }, known(roles.graph));
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ type: 'EQUIVALENT_TO', from: 'software-developer-esco', to: 'computer-programmers' }),
    );
    expect(reports[0].counts.equivalences).toBe(graph.edges.length);
  });
});

describe('the default slice (data/default)', () => {
  it('reads with nothing skipped, and every article role mapping finds its counterparts', async () => {
    const { graph, reports } = await readSources({
      article: [SEED],
      onet: [path.join(DEFAULT, 'onet')],
      esco: [path.join(DEFAULT, 'esco')],
      crosswalk: [path.join(DEFAULT, 'crosswalk')],
      bls: [path.join(DEFAULT, 'bls')],
    });
    expect(reports.flatMap((r) => r.files.flatMap((f) => f.skipped))).toEqual([]);
    const mappings = graph.edges.filter(
      (e) => e.type === 'EQUIVALENT_TO' && e.provenance.some((p) => p.source === 'the article mapping'),
    );
    const mapping = (await loadMatchTables()).roleMapping;
    expect(mappings).toHaveLength(mapping.reduce((n, m) => n + m.onet.length + m.esco.length, 0));
    expect(graph.nodes.filter((n) => n.kind === 'ROLE' && n.properties.onetCode && !n.properties.salary)).toEqual([]);
  });
});

describe('progress', () => {
  it("reports each phase of a source and the rows read per file, ending with the file's total", async () => {
    const events: ProgressEvent[] = [];
    const { reports } = await readSources({ bls: [path.join(FIXTURES, 'bls')] }, { onProgress: (e) => events.push(e) });
    expect(events.map((e) => e.phase)).toEqual(['reading', 'rows', 'done']);
    expect(events[1]).toEqual({
      publisher: 'bls',
      phase: 'rows',
      file: 'national_M2023_dl.csv',
      rows: reports[0].files[0].rowsRead,
    });
  });
});

import { decodeProvenance, encodeProvenance } from '../../src/graph/codecs';
import { mergeProps, ownedBy, retire, sameProps } from '../../src/import/merge';

const onet = (sourceId: string) => encodeProvenance({ source: 'O*NET', version: '29.3', sourceId });
const article = (section: string) => encodeProvenance({ source: 'the article', version: '1', sourceId: section });
const ours = ownedBy(['O*NET']);

describe('provenance codec', () => {
  it('when a provenance entry is encoded, then it is JSON with source, version, sourceId in that order and decodes back', () => {
    const p = { sourceId: '15-1252.00', version: '29.3', source: 'O*NET' };
    expect(encodeProvenance(p)).toBe('{"source":"O*NET","version":"29.3","sourceId":"15-1252.00"}');
    expect(decodeProvenance(encodeProvenance(p))).toEqual({ source: 'O*NET', version: '29.3', sourceId: '15-1252.00' });
  });
});

describe('merging an import into the graph', () => {
  it('when a new fact is stated, then it is stored with its sources derived from its provenance', () => {
    expect(mergeProps(undefined, { name: 'Docker', provenance: [onet('Docker')] }, ours)).toEqual({
      name: 'Docker',
      provenance: [onet('Docker')],
      sources: ['O*NET 29.3'],
    });
  });

  it('when the article also states the fact, then both entries and labels stay and the article keeps its name and description', () => {
    const stored = {
      name: 'Docker',
      description: 'Containers.',
      aliases: ['docker engine'],
      provenance: [article('At a Glance')],
      sources: ['At a Glance'],
      updatedAt: 'x',
    };
    const merged = mergeProps(
      stored,
      { name: 'docker', description: 'Other.', aliases: ['Docker CE'], escoUri: 'u', provenance: [onet('Docker')] },
      ours,
    );
    expect(merged).toEqual({
      name: 'Docker',
      description: 'Containers.',
      aliases: ['docker engine', 'Docker CE'],
      escoUri: 'u',
      provenance: [article('At a Glance'), onet('Docker')],
      sources: ['At a Glance', 'O*NET 29.3'],
    });
    expect(
      sameProps(
        { ...merged, updatedAt: 'y' },
        mergeProps(
          merged,
          { name: 'docker', aliases: ['Docker CE'], escoUri: 'u', provenance: [onet('Docker')] },
          ours,
        ),
      ),
    ).toBe(true);
  });

  it('when a fact was written through the API (no provenance), then its sources stay beside the import’s', () => {
    const merged = mergeProps(
      { name: 'Jira', sources: ['Team notes'] },
      { name: 'Jira', provenance: [onet('Jira')] },
      ours,
    );
    expect(merged.sources).toEqual(['Team notes', 'O*NET 29.3']);
  });

  it('when only the import’s source states a fact, then a newer statement replaces it', () => {
    const stored = { name: 'Web Developers', jobZone: 3, provenance: [onet('15-1254.00')], sources: ['O*NET 29.3'] };
    const merged = mergeProps(stored, { name: 'Web Developers', jobZone: 4, provenance: [onet('15-1254.00')] }, ours);
    expect(merged.jobZone).toBe(4);
    expect(sameProps(stored, merged)).toBe(false);
  });

  it('when a source no longer states a fact, then retiring keeps the other sources’ entries, or nothing', () => {
    expect(retire([article('Tools'), onet('Docker')], ours)).toEqual({
      provenance: [article('Tools')],
      sources: ['Tools'],
    });
    expect(retire([onet('Docker')], ours)).toEqual({ provenance: [], sources: [] });
  });
});

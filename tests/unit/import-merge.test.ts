import { decodeProvenance, encodeProvenance } from '../../src/graph/codecs';
import { mergeProps, ownedBy, ownedProperties, retire, sameProps } from '../../src/import/merge';

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
      cleared: {},
    });
    expect(retire([onet('Docker')], ours)).toEqual({ provenance: [], sources: [], cleared: {} });
  });
});

describe('properties one source owns', () => {
  const bls = (code: string) => encodeProvenance({ source: 'BLS OEWS', version: 'May 2023', sourceId: code });
  const owned = ownedProperties(['BLS OEWS']);
  const stored = {
    name: 'Software Developers',
    onetCode: '15-1252.00',
    salaryMin: 77_020,
    salaryMax: 208_620,
    salaryMedian: 132_270,
    provenance: [onet('15-1252.00'), bls('15-1252')],
    sources: ['O*NET 29.3', 'BLS OEWS May 2023'],
  };

  it('when BLS states no pay any more for an occupation O*NET states, then the old figures go and the reason stays', () => {
    const merged = mergeProps(
      stored,
      {
        name: 'Software Developers',
        salaryMissing: 'no detailed BLS row for SOC 15-1252',
        provenance: [bls('15-1252.00')],
      },
      ownedBy(['BLS OEWS']),
      owned,
    );
    expect(merged).toEqual({
      name: 'Software Developers',
      onetCode: '15-1252.00',
      salaryMissing: 'no detailed BLS row for SOC 15-1252',
      provenance: [onet('15-1252.00'), bls('15-1252.00')],
      sources: ['O*NET 29.3', 'BLS OEWS May 2023'],
    });
  });

  it('when O*NET re-states the occupation, then the pay BLS owns is kept', () => {
    const merged = mergeProps(
      stored,
      { name: 'Software Developers', onetCode: '15-1252.00', provenance: [onet('15-1252.00')] },
      ours,
    );
    expect(merged).toMatchObject({ salaryMin: 77_020, salaryMedian: 132_270 });
  });

  it('when BLS stops stating a fact others state, then retiring clears the properties BLS owned', () => {
    const left = retire(stored.provenance, ownedBy(['BLS OEWS']), owned);
    expect(left.provenance).toEqual([onet('15-1252.00')]);
    expect(left.cleared).toMatchObject({ salaryMin: null, salaryMedian: null, salaryMissing: null });
    expect(Object.keys(left.cleared).every((key) => key.startsWith('salary'))).toBe(true);
  });
});

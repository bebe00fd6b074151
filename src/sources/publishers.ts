/**
 * Every publisher whose facts the graph carries: the one place that names a source, its
 * version, licence and attribution. Provenance, reports and data/NOTICE.md derive from it.
 */
export const PUBLISHERS = {
  onet: {
    source: 'O*NET',
    version: '29.3',
    licence: 'CC BY 4.0',
    attribution:
      'O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.',
  },
  onetSoc: {
    source: 'O*NET-SOC 2010 to 2019 crosswalk',
    version: '2019',
    licence: 'CC BY 4.0',
    attribution:
      'O*NET-SOC 2010 to O*NET-SOC 2019 crosswalk by the O*NET Resource Center for USDOL/ETA. Used under the CC BY 4.0 license.',
  },
  esco: {
    source: 'ESCO',
    version: '1.1.1',
    licence: 'European Commission reuse policy (Decision 2011/833/EU)',
    attribution:
      'ESCO, European Commission (ESCO v1.1.1, September 2022). Reuse does not imply endorsement by the European Commission.',
  },
  crosswalk: {
    source: 'Nesta crosswalk',
    version: '2020-11',
    licence: 'MIT',
    attribution:
      'Kanders K., Djumalieva J., Sleeman C. and Orlik J. (2020), Mapping Career Causeways: Supporting workers at risk, Nesta (ESCO–O*NET crosswalk, November 2020).',
  },
  bls: {
    source: 'BLS OEWS',
    version: 'May 2023',
    licence: 'Public domain (U.S. federal government data)',
    attribution: 'U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2023.',
  },
  article: {
    source: 'the article',
    version: '1',
    licence: 'MIT (this project)',
    attribution: 'The Career Graph seed data, written for this project.',
  },
  roleMapping: {
    source: 'the article mapping',
    version: '1',
    licence: 'MIT (this project)',
    attribution: 'The committed mapping of the article roles to O*NET and ESCO occupations (data/role-mapping.json).',
  },
} as const;

export type PublisherKey = keyof typeof PUBLISHERS;

export interface Provenance {
  source: string;
  version: string;
  /** The publisher's own id for what this fact came from (a code, a URI, a row key). */
  sourceId: string;
}

export function provenance(publisher: PublisherKey, sourceId: string): Provenance {
  const { source, version } = PUBLISHERS[publisher];
  return { source, version, sourceId };
}

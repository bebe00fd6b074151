import { z } from 'zod';
import type { FileSet } from './files';
import { text } from './fields';
import type { GraphBuilder } from './graph';
import { PUBLISHERS, provenance } from './publishers';
import { readTable, type FileReport } from './table';

export const BLS_FILES = { national: 'national_M2023_dl.csv' } as const;

export const SALARY_SOURCE = 'BLS OEWS May 2023, US national, all industries';
/** What BLS writes "#" for: at least this much (the top code). */
export const TOP_CODE = { YEAR: 239200, HOUR: 115 } as const;

const PERCENTILES = ['p10', 'p25', 'median', 'p75', 'p90'] as const;
type Percentile = (typeof PERCENTILES)[number];
const COLUMNS: Record<Percentile, string> = {
  p10: 'PCT10',
  p25: 'PCT25',
  median: 'MEDIAN',
  p75: 'PCT75',
  p90: 'PCT90',
};

/** A wage cell: a number (thousands separators allowed), "#" (top-coded) or "*" / "**" (not available). */
const wage = z
  .string()
  .trim()
  .regex(/^(\d{1,3}(,\d{3})*(\.\d+)?|\d+(\.\d+)?|#|\*{1,2})?$/, 'must be a wage, "#" or "*"')
  .transform((cell): number | '#' | undefined =>
    cell === '#' ? '#' : /^\d/.test(cell) ? Number(cell.replace(/,/g, '')) : undefined,
  );

const wageColumns = Object.fromEntries(
  PERCENTILES.flatMap((p) => [`A_${COLUMNS[p]}`, `H_${COLUMNS[p]}`].map((c) => [c, wage])),
);
const blsRow = z.object({
  OCC_CODE: z.string().regex(/^\d{2}-\d{4}$/, 'must be a 6-digit SOC code such as 15-1252'),
  OCC_TITLE: text,
  O_GROUP: z.enum(['total', 'major', 'minor', 'broad', 'detailed'], {
    error: 'must be total, major, minor, broad or detailed',
  }),
  HOURLY: z.enum(['TRUE', '']),
  ...wageColumns,
});

export type Salary = {
  min: number;
  max: number;
  p10: number;
  p25?: number;
  median?: number;
  p75?: number;
  p90: number;
  currency: 'USD';
  period: 'YEAR' | 'HOUR';
  basis: 'BASE';
  region: 'US';
  source: string;
  /** Percentiles BLS top-coded: the figure is the top code, the true value is at least that. */
  topCoded: Percentile[];
  /** Set on ESCO roles, whose pay is borrowed through the crosswalk from this O*NET code. */
  borrowedFrom?: string;
};

export type Pay = { salary: Salary } | { salaryMissing: string };

export interface BlsOccupation {
  soc: string;
  title: string;
  period: 'YEAR' | 'HOUR';
  wages: Record<Percentile, number | '#' | undefined>;
}

export async function readBls(files: FileSet): Promise<{ data: Map<string, BlsOccupation>; reports: FileReport[] }> {
  const data = new Map<string, BlsOccupation>();
  const report = await readTable(files, BLS_FILES.national, 'csv', blsRow, (row) => {
    if (row.O_GROUP !== 'detailed') return { ignored: `${row.O_GROUP} group, not a detailed occupation` };
    // HOURLY = TRUE: BLS publishes only hourly figures for the occupation (actors, dancers...).
    const period = row.HOURLY === 'TRUE' ? 'HOUR' : 'YEAR';
    const prefix = period === 'HOUR' ? 'H_' : 'A_';
    const cells = row as unknown as Record<string, number | '#' | undefined>;
    data.set(row.OCC_CODE, {
      soc: row.OCC_CODE,
      title: row.OCC_TITLE,
      period,
      wages: Object.fromEntries(PERCENTILES.map((p) => [p, cells[`${prefix}${COLUMNS[p]}`]])) as BlsOccupation['wages'],
    });
    return true;
  });
  return { data, reports: [report] };
}

/**
 * The pay of one O*NET occupation: O*NET-SOC 15-1252.00 (and .01, .02 under it) shares the
 * figures of SOC 15-1252. No figure is invented: without p10 and p90 the role says why.
 */
export function payFor(onetCode: string, bls: ReadonlyMap<string, BlsOccupation>): Pay {
  const soc = onetCode.slice(0, 7);
  const row = bls.get(soc);
  if (!row) return { salaryMissing: `no detailed BLS row for SOC ${soc}` };
  const topCoded = PERCENTILES.filter((p) => row.wages[p] === '#');
  const value = (p: Percentile) => (row.wages[p] === '#' ? TOP_CODE[row.period] : row.wages[p]);
  const p10 = value('p10');
  const p90 = value('p90');
  if (p10 === undefined || p90 === undefined) return { salaryMissing: `BLS publishes no p10/p90 wage for SOC ${soc}` };
  const optional = Object.fromEntries(
    (['p25', 'median', 'p75'] as const).flatMap((p) => (value(p) === undefined ? [] : [[p, value(p)]])),
  );
  return {
    salary: {
      min: p10,
      max: p90,
      p10,
      p90,
      ...optional,
      currency: 'USD',
      period: row.period,
      basis: 'BASE',
      region: 'US',
      source: SALARY_SOURCE,
      topCoded,
    },
  };
}

/** Pay on every O*NET role: a salary, or the reason there is none. */
export function addBls(
  builder: GraphBuilder,
  bls: ReadonlyMap<string, BlsOccupation>,
  onetRoles: ReadonlyMap<string, string>,
): void {
  for (const [code, id] of onetRoles) {
    const pay = payFor(code, bls);
    builder.annotate(id, pay, provenance('bls', 'salary' in pay ? code.slice(0, 7) : code));
  }
}

/**
 * ESCO roles get pay only through the crosswalk: the salary of the O*NET role they are
 * equivalent to with the highest confidence, marked with the code it is borrowed from.
 */
export function borrowedPay(
  candidates: readonly { onetCode: string; confidence: number }[],
  bls: ReadonlyMap<string, BlsOccupation>,
): Pay | undefined {
  const best = [...candidates].sort((a, b) => b.confidence - a.confidence)[0];
  if (!best) return undefined;
  const pay = payFor(best.onetCode, bls);
  return 'salary' in pay
    ? {
        salary: {
          ...pay.salary,
          borrowedFrom: best.onetCode,
          source: `${SALARY_SOURCE}, via ${PUBLISHERS.crosswalk.source}`,
        },
      }
    : pay;
}

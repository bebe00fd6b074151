import { z } from 'zod';
import type { FileSet } from './files';
import { decimal, escoUri, onetCode, text } from './fields';
import type { GraphBuilder } from './graph';
import { provenance } from './publishers';
import { readTable, type FileReport } from './table';

export const CROSSWALK_FILES = {
  crosswalk: 'esco_onet_crosswalk_Nov2020.csv',
  soc2010to2019: 'onet-soc-2010-to-2019.csv',
} as const;

export interface CrosswalkRow {
  escoUri: string;
  escoLabel: string;
  /** The O*NET-SOC 2010 code as Nesta gives it. */
  onetCode2010: string;
  /** The O*NET-SOC 2019 codes it stands for (one, or several where the code was split). */
  onetCodes: string[];
  confidence: number;
  similarity: number;
}

export interface CrosswalkData {
  rows: CrosswalkRow[];
  /** Rows whose code the 2010 -> 2019 crosswalk changed, and those that became one-to-many. */
  rowsUpdated: number;
  rowsOneToMany: number;
}

const crosswalkRow = z.object({
  concept_uri: escoUri,
  esco_occupation: text,
  onet_code: onetCode,
  semantic_similarity: decimal,
  confidence: decimal.pipe(z.union([z.literal(0.5), z.literal(1), z.literal(2)], { error: 'must be 0.5, 1 or 2' })),
});
const socRow = z.object({ soc2010_code: onetCode, soc2019_code: onetCode });

/**
 * Reads Nesta's crosswalk and, when given, the O*NET-SOC 2010 -> 2019 crosswalk, and applies the
 * latter: Nesta's codes are 2010 codes, and O*NET 29.3 uses 2019 codes.
 */
export async function readCrosswalk(files: FileSet): Promise<{ data: CrosswalkData; reports: FileReport[] }> {
  const reports: FileReport[] = [];
  const to2019 = new Map<string, string[]>();
  if (files.has(CROSSWALK_FILES.soc2010to2019)) {
    reports.push(
      await readTable(files, CROSSWALK_FILES.soc2010to2019, 'semicolon', socRow, (row) => {
        const codes = to2019.get(row.soc2010_code) ?? [];
        if (!codes.includes(row.soc2019_code)) codes.push(row.soc2019_code);
        to2019.set(row.soc2010_code, codes);
        return true;
      }),
    );
  }
  const rows: CrosswalkRow[] = [];
  let rowsUpdated = 0;
  let rowsOneToMany = 0;
  reports.push(
    await readTable(files, CROSSWALK_FILES.crosswalk, 'csv', crosswalkRow, (row) => {
      const code = row.onet_code;
      const onetCodes = to2019.get(code) ?? [code];
      if (onetCodes.length !== 1 || onetCodes[0] !== code) rowsUpdated += 1;
      if (onetCodes.length > 1) rowsOneToMany += 1;
      rows.push({
        escoUri: row.concept_uri,
        escoLabel: row.esco_occupation,
        onetCode2010: code,
        onetCodes,
        confidence: row.confidence,
        similarity: row.semantic_similarity,
      });
      return true;
    }),
  );
  return { data: { rows, rowsUpdated, rowsOneToMany }, reports };
}

export interface RoleLookup {
  onetRole(code: string): string | undefined;
  escoRole(uri: string): string | undefined;
}

/**
 * One EQUIVALENT_TO edge per crosswalk row and 2019 code, from the ESCO role to the O*NET role.
 * A row naming a role not loaded is counted, not guessed.
 */
export function addCrosswalk(
  builder: GraphBuilder,
  data: CrosswalkData,
  roles: RoleLookup,
): { edges: number; unresolved: Record<string, number> } {
  const unresolved: Record<string, number> = {};
  const miss = (why: string) => (unresolved[why] = (unresolved[why] ?? 0) + 1);
  let edges = 0;
  for (const row of data.rows) {
    const from = roles.escoRole(row.escoUri);
    if (from === undefined) {
      miss('ESCO occupation not loaded');
      continue;
    }
    for (const code of row.onetCodes) {
      const to = roles.onetRole(code);
      if (to === undefined) {
        miss('O*NET occupation not loaded');
        continue;
      }
      edges += 1;
      builder.edge({
        type: 'EQUIVALENT_TO',
        from,
        to,
        properties: {
          confidence: row.confidence,
          semanticSimilarity: row.similarity,
          ...(code === row.onetCode2010 ? {} : { onetCode2010: row.onetCode2010 }),
        },
        provenance: provenance('crosswalk', `${row.escoUri}|${row.onetCode2010}`),
      });
    }
  }
  return { edges, unresolved };
}

import { z } from 'zod';
import type { FileSet } from './files';
import { decimal, onetCode, optionalText, text, wholeNumber, yesNo } from './fields';
import type { GraphBuilder } from './graph';
import { provenance } from './publishers';
import { readTable, type FileReport } from './table';

export const ONET_FILES = {
  occupations: 'Occupation Data.txt',
  technologies: 'Technology Skills.txt',
  related: 'Related Occupations.txt',
  jobZones: 'Job Zones.txt',
  skills: 'Skills.txt',
  knowledge: 'Knowledge.txt',
  alternateTitles: 'Alternate Titles.txt',
  tasks: 'Task Statements.txt',
} as const;

export interface OnetOccupation {
  code: string;
  title: string;
  description: string;
  jobZone?: number;
  coreTasks: string[];
  alternateTitles: string[];
}

export interface OnetTechnology {
  code: string;
  example: string;
  commodityCode: string;
  commodityTitle: string;
  hot: boolean;
  inDemand: boolean;
}

export interface OnetRating {
  code: string;
  elementId: string;
  elementName: string;
  skillKind: 'skill' | 'knowledge';
  importance?: number;
  level?: number;
}

export const RELATEDNESS_TIERS = {
  'Primary-Short': 'PRIMARY_SHORT',
  'Primary-Long': 'PRIMARY_LONG',
  Supplemental: 'SUPPLEMENTAL',
} as const;

export interface OnetRelated {
  code: string;
  related: string;
  tier: (typeof RELATEDNESS_TIERS)[keyof typeof RELATEDNESS_TIERS];
  rank: number;
}

export interface OnetData {
  occupations: Map<string, OnetOccupation>;
  technologies: OnetTechnology[];
  ratings: OnetRating[];
  related: OnetRelated[];
}

const occupationRow = z.object({ 'O*NET-SOC Code': onetCode, Title: text, Description: text });
const technologyRow = z.object({
  'O*NET-SOC Code': onetCode,
  Example: text,
  'Commodity Code': z.string().regex(/^\d{8}$/, 'must be an 8-digit UNSPSC commodity code'),
  'Commodity Title': text,
  'Hot Technology': yesNo,
  'In Demand': yesNo,
});
const relatedRow = z.object({
  'O*NET-SOC Code': onetCode,
  'Related O*NET-SOC Code': onetCode,
  'Relatedness Tier': z.enum(Object.keys(RELATEDNESS_TIERS) as [keyof typeof RELATEDNESS_TIERS], {
    error: `must be one of ${Object.keys(RELATEDNESS_TIERS).join(', ')}`,
  }),
  Index: wholeNumber,
});
const jobZoneRow = z.object({
  'O*NET-SOC Code': onetCode,
  'Job Zone': wholeNumber.pipe(z.number().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5')),
});
const ratingRow = z.object({
  'O*NET-SOC Code': onetCode,
  'Element ID': text,
  'Element Name': text,
  'Scale ID': text,
  'Data Value': decimal,
  'Recommend Suppress': z.enum(['Y', 'N', '']),
  'Not Relevant': z.enum(['Y', 'N', '']),
});
const alternateTitleRow = z.object({ 'O*NET-SOC Code': onetCode, 'Alternate Title': text });
const taskRow = z.object({ 'O*NET-SOC Code': onetCode, Task: text, 'Task Type': optionalText });

const notInOccupationData = { problem: 'the O*NET-SOC code is not in Occupation Data.txt', column: 'O*NET-SOC Code' };

/**
 * Reads an O*NET release (a folder of the text files, or the publisher's zip). Occupation Data
 * is read first: every other file's rows must name an occupation it lists.
 */
export async function readOnet(files: FileSet): Promise<{ data: OnetData; reports: FileReport[] }> {
  const occupations = new Map<string, OnetOccupation>();
  const reports: FileReport[] = [];
  const known = (code: string) => occupations.get(code);
  reports.push(
    await readTable(files, ONET_FILES.occupations, 'tsv', occupationRow, (row) => {
      const code = row['O*NET-SOC Code'];
      if (occupations.has(code)) return { problem: 'repeats an O*NET-SOC code', column: 'O*NET-SOC Code' };
      occupations.set(code, {
        code,
        title: row.Title,
        description: row.Description,
        coreTasks: [],
        alternateTitles: [],
      });
      return true;
    }),
  );
  reports.push(
    await readTable(files, ONET_FILES.jobZones, 'tsv', jobZoneRow, (row) => {
      const occupation = known(row['O*NET-SOC Code']);
      if (!occupation) return notInOccupationData;
      occupation.jobZone = row['Job Zone'];
      return true;
    }),
  );
  reports.push(
    await readTable(files, ONET_FILES.tasks, 'tsv', taskRow, (row) => {
      const occupation = known(row['O*NET-SOC Code']);
      if (!occupation) return notInOccupationData;
      if (row['Task Type'] !== 'Core') return { ignored: 'not a core task (only core tasks become responsibilities)' };
      occupation.coreTasks.push(row.Task);
      return true;
    }),
  );
  reports.push(
    await readTable(files, ONET_FILES.alternateTitles, 'tsv', alternateTitleRow, (row) => {
      const occupation = known(row['O*NET-SOC Code']);
      if (!occupation) return notInOccupationData;
      occupation.alternateTitles.push(row['Alternate Title']);
      return true;
    }),
  );
  const technologies: OnetTechnology[] = [];
  reports.push(
    await readTable(files, ONET_FILES.technologies, 'tsv', technologyRow, (row) => {
      if (!known(row['O*NET-SOC Code'])) return notInOccupationData;
      technologies.push({
        code: row['O*NET-SOC Code'],
        example: row.Example,
        commodityCode: row['Commodity Code'],
        commodityTitle: row['Commodity Title'],
        hot: row['Hot Technology'] === 'Y',
        inDemand: row['In Demand'] === 'Y',
      });
      return true;
    }),
  );
  const related: OnetRelated[] = [];
  reports.push(
    await readTable(files, ONET_FILES.related, 'tsv', relatedRow, (row) => {
      if (!known(row['O*NET-SOC Code'])) return notInOccupationData;
      if (!known(row['Related O*NET-SOC Code'])) {
        return { ignored: 'the related occupation is not in Occupation Data.txt' };
      }
      related.push({
        code: row['O*NET-SOC Code'],
        related: row['Related O*NET-SOC Code'],
        tier: RELATEDNESS_TIERS[row['Relatedness Tier']],
        rank: row.Index,
      });
      return true;
    }),
  );
  const ratings = new Map<string, OnetRating>();
  for (const skillKind of ['skill', 'knowledge'] as const) {
    reports.push(
      await readTable(
        files,
        skillKind === 'skill' ? ONET_FILES.skills : ONET_FILES.knowledge,
        'tsv',
        ratingRow,
        (row) => {
          const code = row['O*NET-SOC Code'];
          if (!known(code)) return notInOccupationData;
          const scale = row['Scale ID'];
          if (scale !== 'IM' && scale !== 'LV') return { ignored: `scale ${scale} is not used` };
          // The publisher flags estimates too unreliable to show, and levels that do not apply.
          if (row['Recommend Suppress'] === 'Y') return { ignored: 'Recommend Suppress = Y' };
          if (row['Not Relevant'] === 'Y') return { ignored: 'Not Relevant = Y' };
          const key = `${code}|${row['Element ID']}`;
          const rating = ratings.get(key) ?? {
            code,
            elementId: row['Element ID'],
            elementName: row['Element Name'],
            skillKind,
          };
          if (scale === 'IM') rating.importance = row['Data Value'];
          else rating.level = row['Data Value'];
          ratings.set(key, rating);
          return true;
        },
      ),
    );
  }
  return { data: { occupations, technologies, ratings: [...ratings.values()], related }, reports };
}

/** O*NET facts into the graph; returns each O*NET-SOC code's role id. */
export function addOnet(builder: GraphBuilder, data: OnetData): Map<string, string> {
  const roleIds = new Map<string, string>();
  for (const o of data.occupations.values()) {
    roleIds.set(
      o.code,
      builder.node({
        kind: 'ROLE',
        kindBy: 'source',
        name: o.title,
        idQualifier: 'onet',
        properties: {
          onetCode: o.code,
          description: o.description,
          ...(o.jobZone === undefined ? {} : { jobZone: o.jobZone }),
          responsibilities: o.coreTasks,
          alternateTitles: o.alternateTitles,
        },
        provenance: provenance('onet', o.code),
      }),
    );
  }
  for (const t of data.technologies) {
    const thing = builder.node({
      kind: 'TOOL',
      kindBy: 'source',
      name: t.example,
      provenance: provenance('onet', t.example),
    });
    const category = builder.node({
      kind: 'CATEGORY',
      kindBy: 'source',
      name: t.commodityTitle,
      properties: { unspscCode: t.commodityCode },
      provenance: provenance('onet', t.commodityCode),
    });
    builder.edge({
      type: 'IN_CATEGORY',
      from: thing,
      to: category,
      provenance: provenance('onet', `${t.example}|${t.commodityCode}`),
    });
    builder.edge({
      type: 'USES_TOOL',
      from: roleIds.get(t.code)!,
      to: thing,
      properties: { hot: t.hot, inDemand: t.inDemand },
      provenance: provenance('onet', `${t.code}|${t.example}`),
    });
  }
  for (const r of data.ratings) {
    if (r.importance === undefined) continue;
    const skill = builder.node({
      kind: 'SKILL',
      kindBy: 'source',
      name: r.elementName,
      properties: { skillKind: r.skillKind, onetElementId: r.elementId },
      provenance: provenance('onet', r.elementId),
    });
    builder.edge({
      type: 'REQUIRES_SKILL',
      from: roleIds.get(r.code)!,
      to: skill,
      properties: { importance: r.importance, ...(r.level === undefined ? {} : { level: r.level }) },
      provenance: provenance('onet', `${r.code}|${r.elementId}`),
    });
  }
  for (const r of data.related) {
    builder.edge({
      type: 'RELATED_TO',
      from: roleIds.get(r.code)!,
      to: roleIds.get(r.related)!,
      properties: { tier: r.tier, rank: r.rank },
      provenance: provenance('onet', `${r.code}|${r.related}`),
    });
  }
  return roleIds;
}

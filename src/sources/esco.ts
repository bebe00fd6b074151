import { z } from 'zod';
import type { FileSet } from './files';
import { escoUri, lines, optionalText, text } from './fields';
import { type GraphBuilder, type KindStrength, type ThingKind } from './graph';
import { provenance } from './publishers';
import { readTable, type FileReport } from './table';

export const ESCO_FILES = {
  occupations: 'occupations_en.csv',
  skills: 'skills_en.csv',
  relations: 'occupationSkillRelations.csv',
  broaderOccupations: 'broaderRelationsOccPillar.csv',
  broaderSkills: 'broaderRelationsSkillPillar.csv',
  digitalSkills: 'digitalSkillsCollection_en.csv',
} as const;

export interface EscoOccupation {
  uri: string;
  label: string;
  iscoGroup: string;
  code: string;
  description: string;
  altLabels: string[];
}

export interface EscoSkill {
  uri: string;
  label: string;
  skillType: 'skill/competence' | 'knowledge' | '';
  reuseLevel: string;
  description: string;
  altLabels: string[];
  /** The digital skills collection's broader groups ("computer programming", ...), if listed there. */
  digitalGroups: string[];
}

export interface EscoData {
  occupations: Map<string, EscoOccupation>;
  skills: Map<string, EscoSkill>;
  relations: { occupation: string; skill: string; relation: 'essential' | 'optional' }[];
  broader: { narrower: string; broader: string; pillar: 'occupation' | 'skill' }[];
  /** Valid relation rows by type, including those naming a concept the label files lack. */
  relationRows: { essential: number; optional: number };
}

const occupationRow = z.object({
  conceptUri: escoUri,
  iscoGroup: z.string().regex(/^\d{4}$/, 'must be a 4-digit ISCO group'),
  preferredLabel: text,
  altLabels: optionalText,
  description: optionalText,
  code: optionalText,
});
const skillRow = z.object({
  conceptUri: escoUri,
  // Six released concepts of 1.1.1 have no skillType; they are kept, as kind "unspecified".
  skillType: z.enum(['skill/competence', 'knowledge', ''], { error: 'must be skill/competence, knowledge or empty' }),
  reuseLevel: optionalText,
  preferredLabel: text,
  altLabels: optionalText,
  description: optionalText,
});
const relationRow = z.object({
  occupationUri: escoUri,
  relationType: z.enum(['essential', 'optional'], { error: 'must be essential or optional' }),
  skillUri: escoUri,
});
const broaderRow = z.object({ conceptType: text, conceptUri: escoUri, broaderType: text, broaderUri: escoUri });
const digitalRow = z.object({ conceptUri: escoUri, broaderConceptPT: optionalText });

/** Reads ESCO from the publisher's two zips, or a folder holding their files. */
export async function readEsco(files: FileSet): Promise<{ data: EscoData; reports: FileReport[] }> {
  const reports: FileReport[] = [];
  const occupations = new Map<string, EscoOccupation>();
  reports.push(
    await readTable(files, ESCO_FILES.occupations, 'csv', occupationRow, (row) => {
      occupations.set(row.conceptUri, {
        uri: row.conceptUri,
        label: row.preferredLabel,
        iscoGroup: row.iscoGroup,
        code: row.code,
        description: row.description,
        altLabels: lines(row.altLabels).filter((l) => l !== row.preferredLabel),
      });
      return true;
    }),
  );
  const digitalGroups = new Map<string, string[]>();
  if (files.has(ESCO_FILES.digitalSkills)) {
    reports.push(
      await readTable(files, ESCO_FILES.digitalSkills, 'csv', digitalRow, (row) => {
        digitalGroups.set(
          row.conceptUri,
          row.broaderConceptPT
            .split('|')
            .map((g) => g.trim())
            .filter(Boolean),
        );
        return true;
      }),
    );
  }
  const skills = new Map<string, EscoSkill>();
  reports.push(
    await readTable(files, ESCO_FILES.skills, 'csv', skillRow, (row) => {
      skills.set(row.conceptUri, {
        uri: row.conceptUri,
        label: row.preferredLabel,
        skillType: row.skillType,
        reuseLevel: row.reuseLevel,
        description: row.description,
        altLabels: lines(row.altLabels).filter((l) => l !== row.preferredLabel),
        digitalGroups: digitalGroups.get(row.conceptUri) ?? [],
      });
      return true;
    }),
  );
  const relations: EscoData['relations'] = [];
  const relationRows = { essential: 0, optional: 0 };
  reports.push(
    await readTable(files, ESCO_FILES.relations, 'csv', relationRow, (row) => {
      relationRows[row.relationType] += 1;
      if (!occupations.has(row.occupationUri))
        return { problem: 'the occupation is not in occupations_en.csv', column: 'occupationUri' };
      if (!skills.has(row.skillUri)) return { problem: 'the skill is not in skills_en.csv', column: 'skillUri' };
      relations.push({ occupation: row.occupationUri, skill: row.skillUri, relation: row.relationType });
      return true;
    }),
  );
  const broader: EscoData['broader'] = [];
  for (const pillar of ['occupation', 'skill'] as const) {
    const concepts: ReadonlyMap<string, unknown> = pillar === 'occupation' ? occupations : skills;
    const file = pillar === 'occupation' ? ESCO_FILES.broaderOccupations : ESCO_FILES.broaderSkills;
    reports.push(
      await readTable(files, file, 'csv', broaderRow, (row) => {
        // ISCO groups and skill groups are classification levels, kept as codes, not nodes.
        if (!concepts.has(row.conceptUri) || !concepts.has(row.broaderUri)) {
          return {
            ignored: `${row.conceptType} -> ${row.broaderType}: only ${pillar} -> ${pillar} links become BROADER`,
          };
        }
        broader.push({ narrower: row.conceptUri, broader: row.broaderUri, pillar });
        return true;
      }),
    );
  }
  return { data: { occupations, skills, relations, broader, relationRows }, reports };
}

/** The committed kind rule for ESCO concepts (data/kinds.json, escoGroups). */
export interface EscoKindRule {
  /** Digital-collection group name -> kind; the first listed group that names a kind decides. */
  groups: ReadonlyMap<string, ThingKind>;
}

/**
 * What kind an ESCO concept is. A knowledge concept of the digital skills collection whose label
 * is a proper name (it has a capital letter: "PostgreSQL", "Python (computer programming)", not
 * "web programming") takes the kind of its broader group ("computer programming" -> LANGUAGE,
 * "database management systems" -> TOOL, ...), and loses the parenthesised qualifier ESCO adds
 * to tell homonyms apart ("Python (computer programming)" -> "Python"). Everything else is a SKILL.
 */
export function escoKind(
  skill: EscoSkill,
  rule: EscoKindRule,
): { kind: ThingKind; kindBy: KindStrength; name: string } {
  if (skill.skillType === 'knowledge' && /\p{Lu}/u.test(skill.label)) {
    const groupKinds = skill.digitalGroups.map((g) => rule.groups.get(g)).filter((k) => k !== undefined);
    const kind = (['LANGUAGE', 'FRAMEWORK', 'TOOL'] as const).find((k) => groupKinds.includes(k));
    if (kind) return { kind, kindBy: 'rule', name: skill.label.replace(/\s*\([^)]*\)$/, '') };
  }
  return { kind: 'SKILL', kindBy: 'default', name: skill.label };
}

export function escoSkillKind(skill: EscoSkill): string {
  if (skill.reuseLevel === 'transversal') return 'transversal';
  if (skill.skillType === '') return 'unspecified';
  return skill.skillType === 'knowledge' ? 'knowledge' : 'skill';
}

/** ESCO facts into the graph; returns each ESCO occupation URI's role id. */
export function addEsco(builder: GraphBuilder, data: EscoData, rule: EscoKindRule): Map<string, string> {
  const roleIds = new Map<string, string>();
  for (const o of data.occupations.values()) {
    roleIds.set(
      o.uri,
      builder.node({
        kind: 'ROLE',
        kindBy: 'source',
        name: o.label,
        // ESCO occupations always carry "-esco", so their ids never depend on load order.
        id: builder.claimId(`${o.label} esco`, 'esco'),
        properties: {
          escoUri: o.uri,
          iscoGroup: o.iscoGroup,
          escoCode: o.code,
          ...(o.description ? { description: o.description } : {}),
          alternateTitles: o.altLabels,
        },
        provenance: provenance('esco', o.uri),
      }),
    );
  }
  const skillIds = new Map<string, string>();
  for (const s of data.skills.values()) {
    const { kind, kindBy, name } = escoKind(s, rule);
    skillIds.set(
      s.uri,
      builder.node({
        kind,
        kindBy,
        name,
        aliases: name === s.label ? [] : [s.label],
        synonyms: s.altLabels,
        properties: {
          skillKind: escoSkillKind(s),
          escoUri: s.uri,
          ...(s.description ? { description: s.description } : {}),
        },
        provenance: provenance('esco', s.uri),
      }),
    );
  }
  for (const r of data.relations) {
    builder.edge({
      type: 'REQUIRES_SKILL',
      from: roleIds.get(r.occupation)!,
      to: skillIds.get(r.skill)!,
      properties: { escoRelation: r.relation },
      provenance: provenance('esco', `${r.occupation}|${r.skill}`),
    });
  }
  for (const b of data.broader) {
    const ids = b.pillar === 'occupation' ? roleIds : skillIds;
    builder.edge({
      type: 'BROADER',
      from: ids.get(b.narrower)!,
      to: ids.get(b.broader)!,
      provenance: provenance('esco', `${b.narrower}|${b.broader}`),
    });
  }
  return roleIds;
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { EscoKindRule } from './esco';
import { THING_KINDS, type ThingKind } from './graph';
import { aliasTable, identityKey, type AliasTable } from './identity';

/** The committed, reviewable tables under data/: aliases, kinds and the article role mapping. */
export const DATA_DIR = path.resolve(__dirname, '..', '..', 'data');

const thingKind = z.enum(THING_KINDS);
const aliasesFile = z.object({
  groups: z.array(
    z.object({ canonical: z.string().min(1), same: z.array(z.string().min(1)), reason: z.string().min(1) }),
  ),
});
const kindsFile = z.object({
  frameworks: z.array(z.string()),
  languages: z.array(z.string()),
  tools: z.array(z.string()),
  skills: z.array(z.string()),
  escoGroups: z.record(z.string(), thingKind),
});
const reasoned = { reason: z.string().min(1) };
const roleMappingFile = z.object({
  mappings: z.array(
    z.object({
      role: z.string().min(1),
      onet: z.array(z.object({ code: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/), ...reasoned })),
      esco: z.array(z.object({ uri: z.string().url(), label: z.string().min(1), ...reasoned })),
    }),
  ),
});

export type RoleMapping = z.infer<typeof roleMappingFile>['mappings'];

export interface MatchTables {
  aliases: AliasTable;
  kindTable: ReadonlyMap<string, ThingKind>;
  escoRule: EscoKindRule;
  roleMapping: RoleMapping;
}

async function readJson<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

export async function loadMatchTables(dir: string = DATA_DIR): Promise<MatchTables> {
  const aliases = aliasTable((await readJson(path.join(dir, 'aliases.json'), aliasesFile)).groups);
  const kinds = await readJson(path.join(dir, 'kinds.json'), kindsFile);
  const kindTable = new Map<string, ThingKind>();
  const lists: [string[], ThingKind][] = [
    [kinds.frameworks, 'FRAMEWORK'],
    [kinds.languages, 'LANGUAGE'],
    [kinds.tools, 'TOOL'],
    [kinds.skills, 'SKILL'],
  ];
  for (const [names, kind] of lists) for (const name of names) kindTable.set(identityKey(name, aliases), kind);
  return {
    aliases,
    kindTable,
    escoRule: { groups: new Map(Object.entries(kinds.escoGroups)) },
    roleMapping: (await readJson(path.join(dir, 'role-mapping.json'), roleMappingFile)).mappings,
  };
}

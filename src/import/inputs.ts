import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { SourceInputs } from '../sources';
import { UsageError } from '../report-failure';

export const PUBLISHER_COMMANDS = ['onet', 'esco', 'crosswalk', 'bls', 'all'] as const;
export type PublisherCommand = (typeof PUBLISHER_COMMANDS)[number];

/**
 * The folder names `all` looks for, per source: the committed slice's (data/default) and the
 * publishers' own release names (../shared/data).
 */
const FOLDERS = {
  onet: ['onet', 'onet-29.3'],
  esco: ['esco', 'esco-1.1.1'],
  crosswalk: ['crosswalk', 'esco-onet-crosswalk'],
  bls: ['bls', 'bls-oews-2023'],
} as const;

/** The four sources' folders in one folder (data/default, ../shared/data). */
export function foldersIn(root: string): Required<Omit<SourceInputs, 'article'>> {
  if (!existsSync(root)) throw new UsageError(`${root} does not exist`);
  const names = new Set(readdirSync(root));
  const find = (key: keyof typeof FOLDERS) => {
    const name = FOLDERS[key].find((n) => names.has(n));
    if (!name) throw new UsageError(`${root} holds no ${key} folder (looked for ${FOLDERS[key].join(', ')})`);
    return [path.join(root, name)];
  };
  return { onet: find('onet'), esco: find('esco'), crosswalk: find('crosswalk'), bls: find('bls') };
}

export function inputsFor(command: PublisherCommand, paths: string[]): SourceInputs {
  if (command !== 'all') return { [command]: paths };
  if (paths.length !== 1)
    throw new UsageError('`all` takes one folder holding the onet, esco, crosswalk and bls folders');
  return foldersIn(paths[0]);
}

import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { CROSSWALK_FILES } from './crosswalk';
import { ESCO_FILES } from './esco';
import { openFileSet, type FileSet } from './files';
import { ONET_FILES } from './onet';
import { PUBLISHERS } from './publishers';
import { BLS_FILES } from './bls';

/**
 * Cuts the committed slices from a full copy of the publishers' files, keeping each file's own
 * layout byte for byte (header, quoting, BOM, line ends): a row is copied as the parser saw it.
 * Usage: cut-slices <full data folder> (writes data/default/ and tests/fixtures/sources/).
 */
interface Selection {
  onet: (code: string) => boolean;
  esco: (occupation: { uri: string; iscoGroup: string }) => boolean;
  /** ESCO skills kept even if no kept occupation needs them (by preferred label). */
  extraSkills?: ReadonlySet<string>;
}

const SLICES: Record<string, Selection> = {
  'data/default': {
    onet: (code) => ['11', '15', '17'].includes(code.slice(0, 2)),
    esco: (o) => DEFAULT_ISCO.some((g) => o.iscoGroup.startsWith(g)),
  },
  'tests/fixtures/sources': {
    onet: (code) => FIXTURE_ONET.has(code),
    esco: (o) => FIXTURE_ESCO.has(o.uri),
    extraSkills: new Set([
      'Python (computer programming)',
      'Jenkins (tools for software configuration management)',
      'PostgreSQL',
      'Angular',
      'C++',
      'C#',
      'Django',
    ]),
  },
};

/**
 * ESCO's counterparts of O*NET's major groups 11, 15 and 17: managing directors, business and
 * ICT service managers (112, 121, 122, 133), science and engineering professionals (211, 212,
 * 214, 215, 216), ICT professionals (25) and ICT technicians (35).
 */
const DEFAULT_ISCO = ['112', '121', '122', '133', '211', '212', '214', '215', '216', '25', '35'];

const FIXTURE_ONET = new Set([
  '15-1252.00',
  '15-1254.00',
  '15-1251.00',
  '11-3021.00',
  '11-1011.00',
  '27-2011.00',
  '13-1021.00',
]);
const FIXTURE_ESCO = new Set([
  'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1',
  'http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d',
  'http://data.europa.eu/esco/occupation/f0ca39a8-1e30-487c-95f9-ef2d5e734adc',
]);

type Row = Record<string, string>;

/** Copies the header and the rows `keep` accepts, each as its raw text. */
async function cut(
  files: FileSet,
  name: string,
  out: string,
  quote: boolean,
  delimiter: string,
  keep: (row: Row) => boolean,
): Promise<number> {
  const parser = (await files.open(name)).pipe(
    parse({ delimiter, quote: quote ? '"' : false, raw: true, bom: false, relax_column_count: true }),
  );
  const sink = createWriteStream(out);
  let header: string[] | undefined;
  let kept = 0;
  for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    if (header === undefined) {
      header = record.map((h) => h.replace(/^\uFEFF/, '').trim());
      sink.write(raw);
      continue;
    }
    const row = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
    if (keep(row) && !sink.write(raw)) await once(sink, 'drain');
    if (keep(row)) kept += 1;
  }
  sink.end();
  await once(sink, 'finish');
  return kept;
}

async function cutSlice(root: string, target: string, sel: Selection): Promise<void> {
  const dirs = {
    onet: path.join(target, 'onet'),
    esco: path.join(target, 'esco'),
    crosswalk: path.join(target, 'crosswalk'),
    bls: path.join(target, 'bls'),
  };
  for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true });
  const counts: Record<string, number> = {};

  const onet = await openFileSet([path.join(root, 'onet-29.3')]);
  const onetKeep = (row: Row) =>
    sel.onet(row['O*NET-SOC Code']) &&
    (row['Related O*NET-SOC Code'] === undefined || sel.onet(row['Related O*NET-SOC Code']));
  for (const name of Object.values(ONET_FILES))
    counts[name] = await cut(onet, name, path.join(dirs.onet, name), false, '\t', onetKeep);
  onet.close();

  const esco = await openFileSet([path.join(root, 'esco-1.1.1')]);
  const occupations = new Set<string>();
  counts[ESCO_FILES.occupations] = await cut(
    esco,
    ESCO_FILES.occupations,
    path.join(dirs.esco, ESCO_FILES.occupations),
    true,
    ',',
    (row) => {
      const keep = sel.esco({ uri: row.conceptUri, iscoGroup: row.iscoGroup });
      if (keep) occupations.add(row.conceptUri);
      return keep;
    },
  );
  const skills = new Set<string>();
  const skillLabels = new Map<string, string>();
  const scan = async (name: string, onRow: (row: Row) => void) =>
    cut(esco, name, '/dev/null', true, ',', (row) => (onRow(row), false));
  await scan(ESCO_FILES.relations, (row) => occupations.has(row.occupationUri) && skills.add(row.skillUri));
  await scan(ESCO_FILES.skills, (row) => skillLabels.set(row.preferredLabel, row.conceptUri));
  for (const label of sel.extraSkills ?? []) if (skillLabels.has(label)) skills.add(skillLabels.get(label)!);
  const concepts = (uri: string) => occupations.has(uri) || skills.has(uri);
  counts[ESCO_FILES.skills] = await cut(
    esco,
    ESCO_FILES.skills,
    path.join(dirs.esco, ESCO_FILES.skills),
    true,
    ',',
    (row) => skills.has(row.conceptUri),
  );
  counts[ESCO_FILES.digitalSkills] = await cut(
    esco,
    ESCO_FILES.digitalSkills,
    path.join(dirs.esco, ESCO_FILES.digitalSkills),
    true,
    ',',
    (row) => skills.has(row.conceptUri),
  );
  counts[ESCO_FILES.relations] = await cut(
    esco,
    ESCO_FILES.relations,
    path.join(dirs.esco, ESCO_FILES.relations),
    true,
    ',',
    (row) => occupations.has(row.occupationUri) && skills.has(row.skillUri),
  );
  for (const name of [ESCO_FILES.broaderOccupations, ESCO_FILES.broaderSkills]) {
    counts[name] = await cut(
      esco,
      name,
      path.join(dirs.esco, name),
      true,
      ',',
      (row) => concepts(row.conceptUri) && concepts(row.broaderUri),
    );
  }
  esco.close();

  const crosswalk = await openFileSet([path.join(root, 'esco-onet-crosswalk')]);
  counts[CROSSWALK_FILES.crosswalk] = await cut(
    crosswalk,
    CROSSWALK_FILES.crosswalk,
    path.join(dirs.crosswalk, CROSSWALK_FILES.crosswalk),
    true,
    ',',
    (row) => occupations.has(row.concept_uri),
  );
  counts[CROSSWALK_FILES.soc2010to2019] = await cut(
    crosswalk,
    CROSSWALK_FILES.soc2010to2019,
    path.join(dirs.crosswalk, CROSSWALK_FILES.soc2010to2019),
    true,
    ';',
    () => true,
  );
  crosswalk.close();

  const bls = await openFileSet([path.join(root, 'bls-oews-2023')]);
  counts[BLS_FILES.national] = await cut(
    bls,
    BLS_FILES.national,
    path.join(dirs.bls, BLS_FILES.national),
    true,
    ',',
    () => true,
  );
  bls.close();
  say(`${target}: ${JSON.stringify(counts)}`);
}

export function noticeText(): string {
  const lines = [
    '# Data notice',
    '',
    "The files under this folder are slices of public data sets, kept in their publishers' own layouts. Each publisher, its licence and the attribution it asks for:",
    '',
  ];
  for (const p of Object.values(PUBLISHERS))
    lines.push(`## ${p.source} ${p.version}`, '', `Licence: ${p.licence}.`, '', p.attribution, '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root)
    throw new Error('usage: cut-slices <folder holding onet-29.3, esco-1.1.1, esco-onet-crosswalk, bls-oews-2023>');
  const repo = path.resolve(__dirname, '..', '..');
  for (const [target, sel] of Object.entries(SLICES)) await cutSlice(root, path.join(repo, target), sel);
  await writeFile(path.join(repo, 'data', 'NOTICE.md'), noticeText());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    complain(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function complain(message: unknown): void {
  process.stderr.write(`${String(message)}\n`);
}

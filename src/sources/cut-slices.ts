import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { CROSSWALK_FILES } from './crosswalk';
import { ESCO_FILES } from './esco';
import { openFileSet, type FileSet } from './files';
import { ONET_FILES } from './onet';
import { BLS_FILES } from './bls';
import { PUBLISHERS, type PublisherKey } from './publishers';
import { runScript, say } from './script';
import { FORMATS, type TableFormat } from './table';

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

/**
 * Copies the header and the rows `keep` accepts into `dir`, each row as its raw text; without a
 * `dir` it only scans.
 */
async function cut(
  files: FileSet,
  name: string,
  dir: string | undefined,
  format: TableFormat,
  keep: (row: Row) => boolean,
) {
  const parser = (await files.open(name)).pipe(parse({ ...FORMATS[format], raw: true, relax_column_count: true }));
  const sink = dir === undefined ? undefined : createWriteStream(path.join(dir, name));
  let header: string[] | undefined;
  let kept = 0;
  for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    if (header === undefined) {
      header = record.map((h) => h.replace(/^\uFEFF/, '').trim());
      sink?.write(raw);
      continue;
    }
    const row = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
    if (!keep(row)) continue;
    kept += 1;
    if (sink && !sink.write(raw)) await once(sink, 'drain');
  }
  if (sink) {
    sink.end();
    await once(sink, 'finish');
  }
  return kept;
}

async function cutSlice(root: string, target: string, sel: Selection): Promise<void> {
  const counts: Record<string, number> = {};
  const folder = async (source: string, sub: string, run: (take: Take, files: FileSet) => Promise<void>) => {
    const dir = path.join(target, sub);
    await mkdir(dir, { recursive: true });
    const files = await openFileSet([path.join(root, source)]);
    try {
      await run(async (name, format, keep) => {
        counts[name] = await cut(files, name, dir, format, keep);
      }, files);
    } finally {
      files.close();
    }
  };
  const all = () => true;

  const onetKeep = (row: Row) =>
    sel.onet(row['O*NET-SOC Code']) &&
    (row['Related O*NET-SOC Code'] === undefined || sel.onet(row['Related O*NET-SOC Code']));
  await folder('onet-29.3', 'onet', async (take) => {
    for (const name of Object.values(ONET_FILES)) await take(name, 'tsv', onetKeep);
  });

  const occupations = new Set<string>();
  const skills = new Set<string>();
  await folder('esco-1.1.1', 'esco', async (take, files) => {
    await take(ESCO_FILES.occupations, 'csv', (row) => {
      const keep = sel.esco({ uri: row.conceptUri, iscoGroup: row.iscoGroup });
      if (keep) occupations.add(row.conceptUri);
      return keep;
    });
    // The skills to keep: those the kept occupations need, and the named extras.
    const scan = (name: string, see: (row: Row) => void) =>
      cut(files, name, undefined, 'csv', (row) => (see(row), false));
    await scan(ESCO_FILES.relations, (row) => occupations.has(row.occupationUri) && skills.add(row.skillUri));
    await scan(ESCO_FILES.skills, (row) => sel.extraSkills?.has(row.preferredLabel) && skills.add(row.conceptUri));
    const concept = (uri: string) => occupations.has(uri) || skills.has(uri);
    await take(ESCO_FILES.skills, 'csv', (row) => skills.has(row.conceptUri));
    await take(ESCO_FILES.digitalSkills, 'csv', (row) => skills.has(row.conceptUri));
    await take(ESCO_FILES.relations, 'csv', (row) => occupations.has(row.occupationUri) && skills.has(row.skillUri));
    for (const name of [ESCO_FILES.broaderOccupations, ESCO_FILES.broaderSkills]) {
      await take(name, 'csv', (row) => concept(row.conceptUri) && concept(row.broaderUri));
    }
  });

  await folder('esco-onet-crosswalk', 'crosswalk', async (take) => {
    await take(CROSSWALK_FILES.crosswalk, 'csv', (row) => occupations.has(row.concept_uri));
    await take(CROSSWALK_FILES.soc2010to2019, 'semicolon', all);
    // The MIT licence asks for its notice to travel with the data.
    await copyFile(path.join(root, 'esco-onet-crosswalk', 'LICENSE'), path.join(target, 'crosswalk', 'LICENSE'));
  });
  await folder('bls-oews-2023', 'bls', (take) => take(BLS_FILES.national, 'csv', all));
  say(`${target}: ${JSON.stringify(counts)}`);
}

type Take = (name: string, format: TableFormat, keep: (row: Row) => boolean) => Promise<void>;

const THIRD_PARTY: PublisherKey[] = ['onet', 'onetSoc', 'esco', 'crosswalk', 'bls'];

export function noticeText(): string {
  const lines = [
    '# Data notice',
    '',
    "`default/` (and the test slices in `tests/fixtures/sources/`) hold slices of public data sets, kept in their publishers' own layouts; docs/data.md says what each slice holds. Each publisher, its licence and the attribution it asks for:",
    '',
  ];
  for (const key of THIRD_PARTY) {
    const p = PUBLISHERS[key];
    lines.push(`## ${p.source} ${p.version}`, '', `Licence: ${p.licence}.`, '', p.attribution, '');
  }
  lines.push("The Nesta crosswalk's MIT licence text is in `default/crosswalk/LICENSE`.", '');
  return lines.join('\n');
}

runScript(async () => {
  const root = process.argv[2];
  if (!root)
    throw new Error('usage: cut-slices <folder holding onet-29.3, esco-1.1.1, esco-onet-crosswalk, bls-oews-2023>');
  const repo = path.resolve(__dirname, '..', '..');
  for (const [target, sel] of Object.entries(SLICES)) await cutSlice(root, path.join(repo, target), sel);
  await writeFile(path.join(repo, 'data', 'NOTICE.md'), noticeText());
  return 0;
});

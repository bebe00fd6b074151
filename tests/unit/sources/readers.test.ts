import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  openFileSet,
  payFor,
  readBls,
  readCrosswalk,
  readEsco,
  readOnet,
  readSources,
  readTable,
  TableError,
} from '../../../src/sources';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'sources');
const at = (...parts: string[]) => path.join(FIXTURES, ...parts);

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sources-'));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('readTable', () => {
  const schema = z.object({ code: z.string().regex(/^\d+$/, 'must be digits'), label: z.string().min(1) });

  it('when the header is reordered, then columns are still found by name', async () => {
    const file = await tempFile('t.csv', 'extra,label,code\nx,Alpha,1\ny,Beta,2\n');
    const rows: unknown[] = [];
    const report = await readTable(await openFileSet([file]), 't.csv', 'csv', schema, (row) => (rows.push(row), true));
    expect(rows).toEqual([
      { code: '1', label: 'Alpha' },
      { code: '2', label: 'Beta' },
    ]);
    expect(report).toMatchObject({ rowsRead: 2, rowsUsed: 2, skipped: [] });
  });

  it('when a row is bad, then it is reported with file, line (counting quoted newlines), column and reason, and skipped', async () => {
    const file = await tempFile('t.csv', 'label,code\n"two\nlines",1\nGamma,x3\nDelta,4\n');
    const report = await readTable(await openFileSet([file]), 't.csv', 'csv', schema, () => true);
    expect(report.rowsRead).toBe(3);
    expect(report.rowsUsed).toBe(2);
    expect(report.skipped).toEqual([
      { file, line: 4, column: 'code', columnNumber: 2, reason: 'must be digits (got "x3")' },
    ]);
  });

  it('when a row has the wrong number of fields, then it is reported, not dropped', async () => {
    const file = await tempFile('t.tsv', 'code\tlabel\n1\tA\n2\n');
    const report = await readTable(await openFileSet([file]), 't.tsv', 'tsv', schema, () => true);
    expect(report.skipped).toEqual([{ file, line: 3, reason: 'has 1 fields where the header has 2' }]);
  });

  it('when a needed column is missing, then the file is refused naming it', async () => {
    const file = await tempFile('t.csv', 'code,name\n1,A\n');
    await expect(readTable(await openFileSet([file]), 't.csv', 'csv', schema, () => true)).rejects.toThrow(TableError);
    await expect(readTable(await openFileSet([file]), 't.csv', 'csv', schema, () => true)).rejects.toThrow(
      /line 1: the header lacks the column "label"/,
    );
  });

  it('when the file starts with a byte-order mark, then the first column is still found', async () => {
    const file = await tempFile('t.csv', '\uFEFFcode;label\n7;Seven\n');
    const rows: unknown[] = [];
    await readTable(await openFileSet([file]), 't.csv', 'semicolon', schema, (row) => (rows.push(row), true));
    expect(rows).toEqual([{ code: '7', label: 'Seven' }]);
  });
});

describe('O*NET reader', () => {
  it('reads every file of the slice with nothing skipped, keeping all alternate titles and core tasks', async () => {
    const { data, reports } = await readOnet(await openFileSet([at('onet')]));
    expect(reports.flatMap((r) => r.skipped)).toEqual([]);
    expect(data.occupations.size).toBe(7);
    const chiefs = data.occupations.get('11-1011.00')!;
    expect(chiefs.alternateTitles.length).toBeGreaterThan(50);
    const web = data.occupations.get('15-1254.00')!;
    expect(web.alternateTitles).toContain('Back End Developer');
    expect(web.jobZone).toBe(3);
    expect(data.technologies.filter((t) => t.code === '15-1252.00' && t.example === 'Docker')).toHaveLength(1);
  });

  it('honours Recommend Suppress and Not Relevant: such values never reach a rating', async () => {
    const { data, reports } = await readOnet(await openFileSet([at('onet')]));
    const ignored = reports.flatMap((r) => Object.keys(r.ignored));
    expect(ignored).toEqual(expect.arrayContaining(['Not Relevant = Y']));
    expect(data.ratings.every((r) => r.importance === undefined || (r.importance >= 1 && r.importance <= 5))).toBe(
      true,
    );
  });
});

describe('ESCO reader', () => {
  it('reads quoted cells with newlines: alternative labels become separate titles', async () => {
    const { data, reports } = await readEsco(await openFileSet([at('esco')]));
    expect(reports.flatMap((r) => r.skipped)).toEqual([]);
    const developer = data.occupations.get(
      'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1',
    )!;
    expect(developer.label).toBe('software developer');
    expect(developer.altLabels).toEqual(expect.arrayContaining(['programmer', 'software engineer']));
    expect(developer.altLabels.every((l) => !l.includes('\n'))).toBe(true);
    expect(data.relations.filter((r) => r.occupation === developer.uri).map((r) => r.relation)).toEqual(
      expect.arrayContaining(['essential', 'optional']),
    );
  });
});

describe("ESCO from the publisher's two zips", () => {
  it('reads the same facts as from the extracted folder, streaming the entries', async () => {
    const zips = await openFileSet([at('esco-zips')]);
    expect(zips.describe('occupations_en.csv')).toMatch(/classification - en - csv\.zip:occupations_en\.csv$/);
    const fromZips = await readEsco(zips);
    zips.close();
    const fromFolder = await readEsco(await openFileSet([at('esco')]));
    expect(fromZips.data).toEqual(fromFolder.data);
    expect(fromZips.reports.map((r) => r.rowsUsed)).toEqual(fromFolder.reports.map((r) => r.rowsUsed));
  });
});

describe('crosswalk reader', () => {
  it('maps 2010 codes through the 2010 -> 2019 crosswalk and counts the rows it changed', async () => {
    const { data } = await readCrosswalk(await openFileSet([at('crosswalk')]));
    const developer = data.rows.find((r) => r.escoLabel === 'software developer')!;
    expect(developer.onetCode2010).toBe('15-1131.00');
    expect(developer.onetCodes).toEqual(['15-1251.00']);
    expect(data.rowsUpdated).toBe(data.rows.filter((r) => r.onetCodes.join() !== r.onetCode2010).length);
    expect(data.rowsUpdated).toBeGreaterThan(0);
  });
});

describe('BLS reader and pay', () => {
  it('reads numbers with thousands separators: Software Developers $77,020 to $208,620, median $132,270', async () => {
    const { data } = await readBls(await openFileSet([at('bls')]));
    expect(data.size).toBe(831);
    expect(payFor('15-1252.00', data)).toMatchObject({
      salary: { min: 77020, max: 208620, median: 132270, period: 'YEAR', currency: 'USD', topCoded: [] },
    });
  });

  it('shares the 6-digit figures with .01 codes, flags top-coded values, uses HOUR for hourly-only rows and explains missing ones', async () => {
    const { data } = await readBls(await openFileSet([at('bls')]));
    const chiefs = payFor('11-1011.00', data);
    expect(chiefs).toMatchObject({ salary: { p90: 239200, topCoded: expect.arrayContaining(['p90']) } });
    expect(payFor('11-1011.03', data)).toEqual(chiefs);
    expect(payFor('27-2011.00', data)).toMatchObject({ salary: { period: 'HOUR', p10: expect.any(Number) } });
    expect(payFor('13-1021.00', data)).toEqual({ salaryMissing: 'no detailed BLS row for SOC 13-1021' });
  });
});

describe('the article reader', () => {
  it('when a seed file breaks the project rules, then the article is refused naming file, path and reason', async () => {
    const file = await tempFile(
      'bad.json',
      JSON.stringify({ version: 1, tools: [{ id: 'Bad Id', name: 'X', sources: ['S'] }] }),
    );
    await expect(readSources({ article: [file] })).rejects.toThrow(`${file}: tools[0].id: must be a slug`);
  });
});

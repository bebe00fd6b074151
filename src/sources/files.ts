import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * The files of one publisher's release, whether given as folders, the publisher's zips, or
 * single files: looked up by file name, opened as streams (zip entries are inflated as read).
 */
export interface FileSet {
  /** Where a name comes from, for messages ("…/x.zip:occupations_en.csv"). */
  describe(name: string): string;
  has(name: string): boolean;
  open(name: string): Promise<Readable>;
  close(): void;
  /** Told the rows read so far in a file, every few thousand rows and at its end. */
  onRows?: (name: string, rows: number) => void;
}

type Location =
  { kind: 'file'; file: string } | { kind: 'zip'; zip: yauzl.ZipFile; zipPath: string; entry: yauzl.Entry };

export class InputError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export async function openFileSet(
  inputs: readonly string[],
  onRows?: (name: string, rows: number) => void,
): Promise<FileSet> {
  const locations = new Map<string, Location>();
  const zips: yauzl.ZipFile[] = [];
  for (const input of inputs) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(input)).isDirectory();
    } catch (error) {
      throw new InputError(input, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (isDirectory) {
      for (const name of await readdir(input)) {
        const file = path.join(input, name);
        if (name.toLowerCase().endsWith('.zip')) await addZip(file);
        else locations.set(name, { kind: 'file', file });
      }
    } else if (input.toLowerCase().endsWith('.zip')) {
      await addZip(input);
    } else {
      locations.set(path.basename(input), { kind: 'file', file: input });
    }
  }

  async function addZip(zipPath: string): Promise<void> {
    const zip = await openZip(zipPath);
    zips.push(zip);
    for (const entry of await zipEntries(zip)) {
      if (!entry.fileName.endsWith('/'))
        locations.set(path.basename(entry.fileName), { kind: 'zip', zip, zipPath, entry });
    }
  }

  return {
    describe: (name) => {
      const at = locations.get(name);
      if (!at) return name;
      return at.kind === 'file' ? at.file : `${at.zipPath}:${at.entry.fileName}`;
    },
    has: (name) => locations.has(name),
    open: async (name) => {
      const at = locations.get(name);
      if (!at) throw new InputError(name, `is missing (looked in ${inputs.join(', ')})`);
      if (at.kind === 'file') return createReadStream(at.file);
      return new Promise<Readable>((resolve, reject) =>
        at.zip.openReadStream(at.entry, (error, stream) => (error ? reject(error) : resolve(stream))),
      );
    },
    close: () => zips.forEach((zip) => zip.close()),
    onRows,
  };
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(new InputError(file, `is not a readable zip (${error.message})`)) : resolve(zip),
    ),
  );
}

function zipEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

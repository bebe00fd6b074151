import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Problem } from './problems';

export interface RawDocument {
  /** The path as the user gave it (or relative to it), for messages. */
  file: string;
  data: unknown;
}

/**
 * Reads JSON data files. A folder means every `.json` file directly in it, in name order.
 * Unreadable or malformed files become problems with a line and column, not exceptions.
 */
export async function readDataFiles(inputs: string[]): Promise<{ documents: RawDocument[]; problems: Problem[] }> {
  const documents: RawDocument[] = [];
  const problems: Problem[] = [];
  for (const input of inputs) {
    let files: string[];
    try {
      files = (await stat(input)).isDirectory()
        ? (await readdir(input))
            .filter((f) => f.endsWith('.json'))
            .sort()
            .map((f) => path.join(input, f))
        : [input];
    } catch (error) {
      problems.push({
        file: input,
        path: '',
        reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      });
      continue;
    }
    if (files.length === 0) problems.push({ file: input, path: '', reason: 'holds no .json data files' });
    for (const file of files) {
      const parsed = await readJson(file);
      if ('problem' in parsed) problems.push(parsed.problem);
      else documents.push({ file, data: parsed.data });
    }
  }
  return { documents, problems };
}

async function readJson(file: string): Promise<{ data: unknown } | { problem: Problem }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return {
      problem: { file, path: '', reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` },
    };
  }
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    return { problem: { file, path: '', reason: `is not valid JSON: ${describeJsonError(text, error as Error)}` } };
  }
}

/** Where and why JSON.parse failed, located by a parser that reports offsets. */
function describeJsonError(text: string, error: Error): string {
  const errors: ParseError[] = [];
  parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length === 0) return error.message;
  const { offset, error: code } = errors[0];
  const before = text.slice(0, offset).split('\n');
  return `${printParseErrorCode(code)} at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

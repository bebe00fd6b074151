import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { createLogger, type LogOutput } from '../../src/logger';

/** A stream that records what is written to it, posing as a terminal or not. */
function output(isTTY: boolean): { out: LogOutput; text: () => string } {
  const out = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { out, text: () => text };
}

const write = (isTTY: boolean, env: 'development' | 'production' | 'test') => {
  const { out, text } = output(isTTY);
  createLogger({ logLevel: 'info', env }, out).info({ port: 4101 }, 'Career Graph is serving');
  return text();
};

describe('log lines', () => {
  it('when stdout is a terminal in development, then lines are readable text, not JSON', () => {
    const line = stripVTControlCharacters(write(true, 'development'));
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO/);
    expect(line).toContain('Career Graph is serving');
    expect(line).toContain('port: 4101');
    expect(() => JSON.parse(line)).toThrow();
  });

  it.each([
    [false, 'development'],
    [true, 'production'],
    [false, 'production'],
  ] as const)('when a terminal is %s in %s, then each line is one JSON object', (isTTY, env) => {
    const line = write(isTTY, env);
    expect(JSON.parse(line)).toMatchObject({ level: 30, msg: 'Career Graph is serving', port: 4101 });
  });
});

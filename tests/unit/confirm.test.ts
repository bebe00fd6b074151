import { PassThrough } from 'node:stream';
import { askYesNo } from '../../src/cli/confirm-reset';

async function answer(text: string | null): Promise<{ yes: boolean; shown: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (d: Buffer) => (shown += d.toString()));
  const asked = askYesNo('Delete them? [y/N] ', input, output);
  if (text === null) input.end();
  else input.write(text);
  return { yes: await asked, shown };
}

describe('askYesNo (the question a destructive command asks on a terminal)', () => {
  it.each([
    ['y\n', true],
    ['YES\n', true],
    [' yes \n', true],
    ['n\n', false],
    ['\n', false],
    ['yess\n', false],
    ['sure\n', false],
  ])('when the answer is %j, then it is %s', async (text, expected) => {
    const { yes, shown } = await answer(text);
    expect(yes).toBe(expected);
    expect(shown).toBe('Delete them? [y/N] ');
  });

  it('when the input ends without an answer, then it is a no', async () => {
    expect((await answer(null)).yes).toBe(false);
  });
});

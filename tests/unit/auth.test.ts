import { authFromHeader } from '../../src/server/auth';

const TOKEN = 'a-long-enough-secret-token';

const codeOf = (header: string | undefined, apiToken: string | undefined) => {
  try {
    authFromHeader(header, apiToken).requireWriter();
    return 'OK';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('authFromHeader', () => {
  it('when no token is configured, then writes are forbidden whatever is sent', () => {
    expect(codeOf(`Bearer ${TOKEN}`, undefined)).toBe('FORBIDDEN');
    expect(codeOf(undefined, undefined)).toBe('FORBIDDEN');
  });

  it('when the configured token is sent as a bearer token, then the request may write', () => {
    expect(codeOf(`Bearer ${TOKEN}`, TOKEN)).toBe('OK');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['another scheme', `Basic ${TOKEN}`],
    ['bearer without token', 'Bearer'],
    ['wrong token', 'Bearer not-the-token'],
    ['longer token', `Bearer ${TOKEN}x`],
    ['prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['lower-case scheme', `bearer ${TOKEN}`],
  ])('when the header is %s, then the request is unauthenticated', (_name, header) => {
    expect(codeOf(header, TOKEN)).toBe('UNAUTHENTICATED');
  });

  it('when a write is refused, then the message never repeats the token', () => {
    try {
      authFromHeader('Bearer guess', TOKEN).requireWriter();
    } catch (error) {
      expect((error as Error).message).not.toContain(TOKEN);
      expect((error as Error).message).not.toContain('guess');
    }
    expect.assertions(2);
  });
});

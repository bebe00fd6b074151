import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';

/** body-parser's failures, with a message a client can act on. */
const BODY_ERRORS: Record<string, (limit: string) => string> = {
  'entity.too.large': (limit) => `The request body is larger than the ${limit} limit.`,
  'entity.parse.failed': () => 'The request body is not valid JSON.',
  'charset.unsupported': () => 'Only UTF-8 request bodies are accepted.',
  'encoding.unsupported': () => 'The request body uses a content encoding this server does not accept.',
  'request.aborted': () => 'The request was aborted before its body arrived.',
};

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/** express.json decodes any UTF variant; the API takes UTF-8 (or no charset) only. */
export function requireUtf8(req: Request, res: Response, next: NextFunction) {
  const charset = CHARSET.exec(req.get('content-type') ?? '')?.[1].toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return next();
  res
    .status(415)
    .json({ errors: [{ message: BODY_ERRORS['charset.unsupported'](''), extensions: { code: 'BAD_REQUEST' } }] });
}

/**
 * Turns failures that happen before GraphQL runs (body too large, malformed JSON, a foreign
 * charset) into GraphQL-shaped JSON errors with the right status; anything else is masked.
 */
export function httpErrors(log: Logger, bodyLimit: string) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const { type, status } = error as { type?: string; status?: number };
    const describe = type === undefined ? undefined : BODY_ERRORS[type];
    if (describe && status !== undefined) {
      res.status(status).json({ errors: [{ message: describe(bodyLimit), extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const requestId = res.locals.requestId as string | undefined;
    log.error({ err: error, requestId }, 'Unhandled HTTP error');
    res.status(500).json({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
    });
  };
}

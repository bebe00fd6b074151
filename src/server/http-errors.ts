import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';

/** Failures reading a request body (raw-body's and body-parser's types), with a message a client can act on. */
export const BODY_ERRORS: Record<string, (limit: string) => string> = {
  'entity.too.large': (limit) => `The request body is larger than the ${limit} limit.`,
  'entity.parse.failed': () => 'The request body is not valid JSON.',
  'charset.unsupported': () => 'Only UTF-8 request bodies are accepted.',
  'encoding.unsupported': () => 'The request body uses a content encoding this server does not accept.',
  'request.aborted': () => 'The request was aborted before its body arrived.',
};

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/** The API takes UTF-8 bodies (or no charset) only. */
export function unsupportedCharset(contentType: string | undefined): boolean {
  const charset = CHARSET.exec(contentType ?? '')?.[1].toLowerCase();
  return charset !== undefined && charset !== 'utf-8' && charset !== 'utf8';
}

/** A GraphQL-shaped JSON error answered before (or instead of) GraphQL running. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  extensions: Record<string, unknown> = { code: 'BAD_REQUEST' },
): void {
  const body = JSON.stringify({ errors: [{ message, extensions }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** The Express routes' last handler: anything they throw is logged and masked. */
export function httpErrors(log: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const requestId = res.locals.requestId as string | undefined;
    log.error({ err: error, requestId }, 'Unhandled HTTP error');
    sendError(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR', requestId });
  };
}

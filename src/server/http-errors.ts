import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
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
  const body = errorBody(message, extensions);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** A GraphQL-shaped error body (what sendError writes). */
const errorBody = (message: string, extensions: Record<string, unknown>) =>
  JSON.stringify({ errors: [{ message, extensions }] });

/**
 * What Node's HTTP parser refuses before any route sees a request, by its error code, with the
 * status Node itself would answer; anything else is a 400.
 */
const CLIENT_ERRORS: Record<string, [status: number, reason: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'The request headers are larger than this server accepts.',
  ],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large', 'The request body’s chunk extensions are too large.'],
  HPE_INVALID_EOF_STATE: [400, 'Bad Request', 'The request ended before the body its Content-Length announced.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request did not arrive in time.'],
};

/**
 * The HTTP server's `clientError` listener: a request its parser refuses (a malformed request
 * line or header, headers too large, a body cut short, a request too slow) is answered as the
 * routes answer a bad body, a GraphQL-shaped JSON error with code BAD_REQUEST, instead of Node's
 * bare status line; then the connection is closed, since the parser cannot read on from there.
 */
export function answerClientError(log: Logger) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    // As Node's own handler: no answer once a response on this connection has begun (it would
    // corrupt it), nor to a client that is gone.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent: boolean } | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, reason, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
      400,
      'Bad Request',
      `The request is not valid HTTP (${error.code ?? 'unreadable'}).`,
    ];
    log.info({ code: error.code, status }, 'Refused a request the HTTP parser could not read');
    const body = errorBody(message, { code: 'BAD_REQUEST' });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  };
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

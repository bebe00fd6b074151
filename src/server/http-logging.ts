import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Gives a request an id (a well-formed incoming `x-request-id` is kept), echoes it, and writes
 * one log line when the response is finished: id, method, path, status, duration and the
 * operation name, if one was resolved by then. Returns the id.
 */
export function logRequest(
  log: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  operationName: () => string | undefined = () => undefined,
): string {
  const started = performance.now();
  // Read now: Express's mounted routers rewrite req.url while they handle the request.
  const path = (req.url ?? '').split('?', 1)[0];
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', requestId);
  res.on('finish', () => {
    log.info(
      {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        operationName: operationName(),
      },
      'request',
    );
  });
  return requestId;
}

/** logRequest for the Express routes; the id is kept in res.locals for their error handler. */
export function httpLogging(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.requestId = logRequest(log, req, res);
    next();
  };
}

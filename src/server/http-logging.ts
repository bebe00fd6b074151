import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Gives every request an id (a well-formed incoming `x-request-id` is kept) and writes one log
 * line when the response is finished: id, method, path, status, duration and operation name.
 */
export function httpLogging(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      log.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
          operationName: (res.locals.graphqlContext as { operationName?: string } | undefined)?.operationName,
        },
        'request',
      );
    });
    next();
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import cors from 'cors';
import getRawBody from 'raw-body';
import type { Config } from '../config';
import type { Executor } from '../graph/executor';
import type { Logger } from '../logger';
import { authFromHeader } from './auth';
import { createRequestContext, type RequestContext } from './context';
import { BODY_ERRORS, sendError, unsupportedCharset } from './http-errors';
import { logRequest } from './http-logging';

export interface GraphQLRouteDeps {
  config: Config;
  executor: Executor;
  log: Logger;
  apollo: ApolloServer<RequestContext>;
}

/** Bodies sent compressed, as express.json took them; the limit applies to the inflated size. */
const DECOMPRESSORS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
  zstd: () => zlib.createZstdDecompress(),
};

const JSON_TYPE = 'application/json';

/**
 * POST and GET /graphql on node:http itself: CORS, the request's id and log line, UTF-8 JSON
 * bodies within the limit, then Apollo. Every request to the API takes this path, so it does
 * only what those steps need (no router, no generic body parser); other routes stay on Express.
 */
export function graphqlRoute({ config, executor, log, apollo }: GraphQLRouteDeps) {
  // Same-origin pages (the explorer) need nothing; other front ends are allowed by CORS_ORIGINS.
  const allowCors = cors({ origin: config.http.corsOrigins === '*' ? true : config.http.corsOrigins, maxAge: 600 });

  const run = async (
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    requestLog: RequestContext['requestLog'],
  ) => {
    if (unsupportedCharset(req.headers['content-type'])) {
      sendError(res, 415, BODY_ERRORS['charset.unsupported'](config.http.bodyLimit));
      return;
    }
    let body: unknown;
    try {
      body = await readJsonBody(req, config.http.bodyLimit);
    } catch (error) {
      const { type, status } = error as { type?: string; status?: number };
      const describe = type === undefined ? undefined : BODY_ERRORS[type];
      if (describe === undefined || status === undefined) throw error;
      sendError(res, status, describe(config.http.bodyLimit));
      return;
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: query < 0 ? '' : url.slice(query),
        body,
      },
      context: async () => {
        const auth = authFromHeader(req.headers.authorization, config.apiToken);
        return createRequestContext(requestId, executor, log, auth, requestLog);
      },
    });

    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    // The request-state plugin fills this in once the operation is known; the log line reads it.
    const requestLog: RequestContext['requestLog'] = {};
    const requestId = logRequest(log, req, res, () => requestLog.operationName);
    allowCors(req, res, () => {
      run(req, res, requestId, requestLog).catch((error: unknown) => {
        log.error({ err: error, requestId }, 'Unhandled HTTP error');
        if (res.headersSent) {
          res.destroy();
          return;
        }
        sendError(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR', requestId });
      });
    });
  };
}

/**
 * The body as express.json read it: JSON only when the content type says so (Apollo's CSRF
 * prevention and its own checks answer everything else), `{}` for an empty one, and only an
 * object or an array at the top. Failures carry body-parser's types, described in BODY_ERRORS.
 */
async function readJsonBody(req: IncomingMessage, limit: string): Promise<unknown> {
  const type = req.headers['content-type'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
  if (!hasBody || type === undefined || type.split(';', 1)[0].trim().toLowerCase() !== JSON_TYPE) return undefined;

  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  let stream: Readable | NodeJS.ReadWriteStream = req;
  if (encoding !== 'identity') {
    const decompress = DECOMPRESSORS[encoding];
    if (decompress === undefined)
      throw Object.assign(new Error(encoding), { type: 'encoding.unsupported', status: 415 });
    stream = req.pipe(decompress());
  }
  let text: string;
  try {
    text = await getRawBody(stream, {
      length: stream === req ? req.headers['content-length'] : undefined,
      limit,
      encoding: 'utf-8',
    });
  } catch (error) {
    if (stream !== req) {
      req.unpipe();
      (stream as Readable).destroy();
    }
    // A decompression failure has no type: the body was not what its encoding said.
    const { type: kind } = error as { type?: string };
    throw kind === undefined ? Object.assign(error as Error, parseFailed) : error;
  }
  if (text.length === 0) return {};
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') throw Object.assign(new Error('not an object'), parseFailed);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw Object.assign(error as Error, parseFailed);
  }
}

const parseFailed = { type: 'entity.parse.failed', status: 400 };

import http from 'node:http';
import net from 'node:net';

/** A GraphQL answer over HTTP: the status, the parsed body (null when it is not JSON) and the raw text. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Record<string, any> | null;
  text: string;
}

/** Sends a GraphQL request as JSON to `url` (the /graphql endpoint). */
export async function postGraphQL(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
}

/** Any request; the body is parsed as JSON when it is JSON. */
export async function send(url: string, init: RequestInit): Promise<HttpAnswer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: Record<string, any> | null;
  try {
    body = JSON.parse(text) as Record<string, any>;
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** The `extensions.code` of each error in a GraphQL answer, in order. */
export function errorCodes(answer: { body: Record<string, any> | null }): string[] {
  const errors = (answer.body?.errors ?? []) as { extensions?: { code?: unknown } }[];
  return errors.map((e) => String(e.extensions?.code));
}

/** The messages of each error in a GraphQL answer, in order. */
export function errorMessages(answer: { body: Record<string, any> | null }): string[] {
  return ((answer.body?.errors ?? []) as { message?: unknown }[]).map((e) => String(e.message));
}

/** A port nothing listens on right now (the OS picks it; a tiny race is accepted). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the error code when a TCP connection is refused, with 'CONNECTED' when it is accepted. */
export function tryConnect(port: number, host = '127.0.0.1', timeoutMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('TIMEOUT');
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('CONNECTED');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code ?? error.message);
    });
  });
}

/**
 * A POST whose body is sent in two parts: the request is in flight on the server (headers read,
 * body still arriving) until `finish()` sends the rest. Uses its own connection (no keep-alive).
 */
export interface HeldRequest {
  /** Resolves once the TCP connection is open and the first part is written. */
  started: Promise<void>;
  /** Sends the rest of the body; resolves with the answer. */
  finish(): Promise<{ status: number; text: string }>;
}

export function holdRequest(url: string, payload: string, headers: Record<string, string> = {}): HeldRequest {
  const target = new URL(url);
  const bytes = Buffer.from(payload, 'utf8');
  const half = Math.floor(bytes.length / 2);
  const req = http.request({
    host: target.hostname,
    port: target.port,
    path: target.pathname,
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.length), ...headers },
  });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.once('error', reject);
  });
  // An early failure must not be an unhandled rejection; finish() reports it.
  answer.catch(() => undefined);
  const started = new Promise<void>((resolve, reject) => {
    req.once('error', reject);
    req.write(bytes.subarray(0, half), (error) => (error ? reject(error) : resolve()));
  });
  started.catch(() => undefined);
  return {
    started,
    async finish() {
      await started;
      req.end(bytes.subarray(half));
      return answer;
    },
  };
}

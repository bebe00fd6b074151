import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/** Who is calling, as far as writes are concerned. */
export interface RequestAuth {
  /** Throws unless the request may write: FORBIDDEN when writes are off, else UNAUTHENTICATED. */
  requireWriter(): void;
}

const BEARER = /^Bearer ([\x21-\x7e]+)$/;

/**
 * Reads `Authorization: Bearer <token>` and compares it with the configured token in constant
 * time (digests of equal length, so neither content nor length leaks through timing).
 */
export function authFromHeader(header: string | undefined, apiToken: string | undefined): RequestAuth {
  return {
    requireWriter() {
      if (apiToken === undefined) {
        throw new ForbiddenError('Writes are disabled: this server has no API_TOKEN configured.');
      }
      const presented = header === undefined ? undefined : BEARER.exec(header)?.[1];
      if (presented === undefined) {
        throw new UnauthenticatedError('Writes need an "Authorization: Bearer <token>" header.');
      }
      if (!timingSafeEqual(digest(presented), digest(apiToken))) {
        throw new UnauthenticatedError('The bearer token is not valid.');
      }
    },
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

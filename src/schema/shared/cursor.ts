import { BadUserInputError } from '../../errors';

/**
 * Opaque keyset cursors: the (name, id) of the last node seen. They stay valid while that
 * position in the order exists, whatever is added or removed around it.
 */
export function encodeCursor(node: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([node.name, node.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw BadUserInputError.of('after', 'not a cursor returned by this API');
}

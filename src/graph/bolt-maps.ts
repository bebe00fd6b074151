import { createRequire } from 'node:module';

/*
 * How the driver decodes Bolt maps. neo4j-driver (6.3.0, the newest) adds each key of a decoded
 * map with Object.defineProperty, so that a key named `__proto__` cannot set the object's
 * prototype. V8 takes its slow path for every such call and leaves the objects in dictionary
 * mode, so reading them later is slow too: on the real graph's role page it was a tenth of the
 * API's CPU, the largest single function in its profile. This decoder assigns keys plainly and
 * keeps defineProperty for `__proto__`, the one key where assignment differs on a fresh object.
 */

interface Unpacker {
  unpack(buffer: unknown, hydrateStructure: unknown): unknown;
  _unpackMapWithSize(size: number, buffer: unknown, hydrateStructure: unknown): Record<string, unknown>;
}

/**
 * The Bolt connection module neo4j-driver itself loads (not some other copy), typed as far as
 * the caller uses it.
 */
export function driverBoltConnection<T>(): T {
  return createRequire(require.resolve('neo4j-driver'))('neo4j-driver-bolt-connection') as T;
}

function unpackMapWithSize(
  this: Unpacker,
  size: number,
  buffer: unknown,
  hydrateStructure: unknown,
): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) {
    const key = this.unpack(buffer, hydrateStructure) as string;
    const unpacked = this.unpack(buffer, hydrateStructure);
    if (key === '__proto__') {
      Object.defineProperty(value, key, { value: unpacked, writable: true, enumerable: true, configurable: true });
    } else {
      value[key] = unpacked;
    }
  }
  return value;
}

/**
 * Installs the decoder in the driver's unpacker (packstream v2, Bolt 5, inherits it from v1).
 * Returns false if the driver no longer has the method it replaces: then it decodes as it did.
 */
export function installBoltMapDecoding(): boolean {
  type Packstream = { packstream: { v1: { Unpacker: { prototype: Unpacker } } } };
  const unpacker = driverBoltConnection<Packstream>().packstream.v1.Unpacker.prototype;
  if (typeof unpacker._unpackMapWithSize !== 'function') return false;
  unpacker._unpackMapWithSize = unpackMapWithSize;
  return true;
}

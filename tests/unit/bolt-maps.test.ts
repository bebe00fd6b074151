import { driverBoltConnection, installBoltMapDecoding } from '../../src/graph/bolt-maps';

// The packstream of the Bolt connection neo4j-driver loads, to encode and decode as it does.
const { packstream, channel } = driverBoltConnection<any>();

/** A value written by the driver's packer and read back by its unpacker (Bolt 5's packstream). */
function roundTrip(value: unknown): unknown {
  const buffer = channel.alloc(1024);
  new packstream.v2.Packer(buffer).packable(value)();
  buffer.reset();
  return new packstream.v2.Unpacker(true, false).unpack(buffer, (x: unknown) => x);
}

describe('decoding Bolt maps', () => {
  beforeAll(() => expect(installBoltMapDecoding()).toBe(true));

  it('replaces the driver’s own map decoding, in the copy the driver loads', () => {
    const unpacker = packstream.v2.Unpacker.prototype;
    expect(unpacker._unpackMapWithSize.name).toBe('unpackMapWithSize');
  });

  it('gives maps, nested maps and lists with every key and value, as plain objects', () => {
    const value = { name: 'Git', count: 3, tags: ['a', 'b'], inner: { x: 1.5, ok: true, none: null } };
    const decoded = roundTrip(value) as Record<string, unknown>;
    expect(decoded).toEqual(value);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['name', 'count', 'tags', 'inner']);
  });

  it('keeps a key named __proto__ an own property: it cannot set the prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c", "toString": "s"}');
    const decoded = roundTrip(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect((decoded as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual({ polluted: true });
    expect(decoded.constructor).toBe('c');
    expect(decoded.toString).toBe('s');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

import neo4j from 'neo4j-driver';
import { toPlain } from '../../src/graph/mapping';

describe('toPlain', () => {
  it('turns driver integers into numbers, or strings beyond 2^53, and bigints into numbers', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain(BigInt(7))).toBe(7);
  });

  it('turns temporal values into their ISO text', () => {
    expect(toPlain(new neo4j.types.Date(2026, 12, 2))).toBe('2026-12-02');
  });

  it('gives a node or relationship as its properties, converted', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Role'], { id: 'r', year: neo4j.int(2020) }, 'e1');
    expect(toPlain(node)).toEqual({ id: 'r', year: 2020 });
    expect(node.properties.year).toEqual(neo4j.int(2020));
  });

  it('converts nested maps and lists in place, with missing values as null', () => {
    const row = { a: 'x', b: [{ c: neo4j.int(3), d: undefined }, null], e: { f: { g: BigInt(5) } }, h: 1.5 };
    const out = toPlain(row);
    expect(out).toBe(row);
    expect(out).toEqual({ a: 'x', b: [{ c: 3, d: null }, null], e: { f: { g: 5 } }, h: 1.5 });
  });

  it('gives any other driver value as a plain map of its fields', () => {
    const point = new neo4j.types.Point(neo4j.int(7203), 1, 2);
    expect(toPlain(point)).toEqual({ srid: 7203, x: 1, y: 2, z: null });
  });

  it('maps null and undefined to null and leaves scalars alone', () => {
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(null)).toBeNull();
    expect(toPlain('s')).toBe('s');
    expect(toPlain(false)).toBe(false);
  });
});

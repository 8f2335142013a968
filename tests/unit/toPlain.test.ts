import neo4j from 'neo4j-driver';
import { toPlain } from '../../src/neo4j/toPlain';

/** What the driver hands back, turned into plain JavaScript: the types it makes, built here with its own constructors. */
describe('toPlain', () => {
  it('returns strings, numbers and booleans as they are, and null for null or undefined', () => {
    expect(toPlain('Pải Lủng')).toBe('Pải Lủng');
    expect(toPlain(0.5)).toBe(0.5);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
  });

  it('turns Integers into numbers, and those past 2^53 into strings', () => {
    expect(toPlain(neo4j.int(2023))).toBe(2023);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns temporals into ISO strings', () => {
    expect(toPlain(new neo4j.types.Date(2023, 4, 3))).toBe('2023-04-03');
    const duration = new neo4j.types.Duration(0, 2, 0, 0);
    expect(toPlain(duration)).toBe(duration.toString());
  });

  it('turns nodes and relationships into their properties, converted', () => {
    const node = new neo4j.types.Node(neo4j.int(7), ['Entity', 'Event'], { id: 'event:pai-lung', participants: neo4j.int(3) });
    expect(toPlain(node)).toEqual({ id: 'event:pai-lung', participants: 3 });
  });

  it('converts lists and maps at any depth into new plain values', () => {
    const row = { id: 'story:a', evidence: [{ degree: neo4j.int(4), on: new neo4j.types.Date(2024, 6, 10) }], none: null };
    const plain = toPlain(row);
    expect(plain).toEqual({ id: 'story:a', evidence: [{ degree: 4, on: '2024-06-10' }], none: null });
    expect(plain).not.toBe(row);
  });

  it('keeps a key named __proto__ as a property, never as the prototype', () => {
    const map: Record<string, unknown> = {};
    Object.defineProperty(map, '__proto__', { value: { polluted: true }, writable: true, enumerable: true, configurable: true });
    const plain = toPlain(map) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain)).toEqual(['__proto__']);
    expect((plain as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

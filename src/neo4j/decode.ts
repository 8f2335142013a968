import { MalformedRowError } from '../errors/domainErrors';
import { warnStoredData } from '../logging/storedDataWarnings';

/**
 * Small typed decoders for the rows that cross the database edge: each checks a value's shape and
 * returns it typed, or throws. They check in place and return the same object (a row is read once,
 * freshly built by toPlain or JSON.parse), so decoding a national movement's hundreds of thousands
 * of ids costs one typeof per value and no copy; zod would rebuild every object. A failure names
 * the path to the offending value; decode() adds the statement and throws MalformedRowError.
 *
 * Bad data already stored must degrade an answer, never fail it (docs/ARCHITECTURE.md): a list of
 * rows (decodeRows) or of items (skipMalformed) drops the one malformed element and logs it once;
 * a single row an answer cannot do without (decode) still throws.
 */
export type Decoder<T> = (value: unknown) => T;

/** A value of the wrong shape, with the path to it (filled in as the error leaves each container). */
class Mismatch extends Error {
  readonly path: (string | number)[] = [];
  constructor(
    readonly expected: string,
    readonly got: unknown,
  ) {
    super(`expected ${expected}`);
  }
}

export const string: Decoder<string> = (value) => {
  if (typeof value !== 'string') throw new Mismatch('a string', value);
  return value;
};

export const number: Decoder<number> = (value) => {
  if (typeof value !== 'number') throw new Mismatch('a number', value);
  return value;
};

export const boolean: Decoder<boolean> = (value) => {
  if (typeof value !== 'boolean') throw new Mismatch('a boolean', value);
  return value;
};

/** Accepts any value as it is (for a container whose values a later step decodes). */
export const anything: Decoder<unknown> = (value) => value;

/** Given a decoder, returns one that also accepts null (and a missing value, as null). */
export function nullable<T>(decoder: Decoder<T>): Decoder<T | null> {
  return (value) => (value === null || value === undefined ? null : decoder(value));
}

/** Given allowed values, returns a decoder of exactly those strings. */
export function oneOf<const V extends string>(values: readonly V[]): Decoder<V> {
  const allowed: ReadonlySet<string> = new Set(values);
  return (value) => {
    if (typeof value !== 'string' || !allowed.has(value)) throw new Mismatch(`one of ${values.join(', ')}`, value);
    return value as V;
  };
}

/** Given an element decoder, returns a decoder of lists of it. */
export function array<T>(decoder: Decoder<T>): Decoder<T[]> {
  return (value) => {
    if (!Array.isArray(value)) throw new Mismatch('a list', value);
    const list = value as unknown[];
    let i = 0;
    try {
      for (; i < list.length; i += 1) {
        const item = list[i];
        const decoded = decoder(item);
        if (decoded !== item) list[i] = decoded;
      }
    } catch (error) {
      if (error instanceof Mismatch) error.path.unshift(i);
      throw error;
    }
    return list as T[];
  };
}

/**
 * Given an element decoder and what the list holds (for the warning), returns a decoder of lists
 * that drops each element the decoder refuses, logging it once (logging/storedDataWarnings.ts),
 * instead of failing the whole answer: one malformed story does not hide the others.
 */
export function skipMalformed<T>(decoder: Decoder<T>, what: string): Decoder<T[]> {
  return (value) => {
    if (!Array.isArray(value)) throw new Mismatch('a list', value);
    const kept: T[] = [];
    (value as unknown[]).forEach((item, index) => {
      try {
        kept.push(decoder(item));
      } catch (error) {
        if (!(error instanceof Mismatch)) throw error;
        error.path.unshift(index);
        warnMalformed(what, error);
      }
    });
    return kept;
  };
}

function warnMalformed(what: string, mismatch: Mismatch): void {
  const path = pathText(mismatch.path.slice(1));
  warnStoredData(
    `row:${what}:${path}:${mismatch.expected}`,
    `Skipped a malformed ${what}: ${path} should be ${mismatch.expected}`,
    {
      got: describeGot(mismatch.got),
    },
  );
}

function describeGot(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
}

/** Given a decoder for each of two places, returns a decoder of two-element lists (a pair the statement builds). */
export function pair<A, B>(first: Decoder<A>, second: Decoder<B>): Decoder<[A, B]> {
  return (value) => {
    if (!Array.isArray(value) || value.length !== 2) throw new Mismatch('a pair', value);
    const list = value as unknown[];
    let i = 0;
    try {
      list[0] = first(list[0]);
      i = 1;
      list[1] = second(list[1]);
    } catch (error) {
      if (error instanceof Mismatch) error.path.unshift(i);
      throw error;
    }
    return list as [A, B];
  };
}

/** Given a decoder per field, returns a decoder of maps with at least those fields (others are left as they are). */
export function object<T extends object>(shape: { readonly [K in keyof T]-?: Decoder<T[K]> }): Decoder<T> {
  const fields: [string, Decoder<unknown>][] = Object.entries<Decoder<unknown>>(shape);
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Mismatch('a map', value);
    const map = value as Record<string, unknown>;
    let key = '';
    try {
      for (const [field, decoder] of fields) {
        key = field;
        const item = map[field];
        const decoded = decoder(item);
        if (decoded !== item) map[field] = decoded;
      }
    } catch (error) {
      if (error instanceof Mismatch) error.path.unshift(key);
      throw error;
    }
    return map as T;
  };
}

/** Given a value decoder, returns a decoder of maps whose every value it accepts (keyed counts). */
export function record<T>(decoder: Decoder<T>): Decoder<Record<string, T>> {
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Mismatch('a map', value);
    const map = value as Record<string, unknown>;
    let key = '';
    try {
      for (key of Object.keys(map)) {
        const decoded = decoder(map[key]);
        if (decoded !== map[key]) map[key] = decoded;
      }
    } catch (error) {
      if (error instanceof Mismatch) error.path.unshift(key);
      throw error;
    }
    return map as Record<string, T>;
  };
}

/** Given a JSON text decoder for what it holds, returns a decoder of the text that parses it first. */
export function json<T>(decoder: Decoder<T>): Decoder<T> {
  return (value) => {
    const text = string(value);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      throw new Mismatch('JSON text', text);
    }
    return decoder(parsed);
  };
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('') || '(row)';
}

/**
 * Given the statement's name (for the error), a value read from the database and its decoder,
 * returns the value typed, or throws MalformedRowError naming the statement and the path.
 */
export function decode<T>(statement: string, value: unknown, decoder: Decoder<T>): T {
  try {
    return decoder(value);
  } catch (error) {
    if (error instanceof Mismatch) throw new MalformedRowError(statement, pathText(error.path), error.expected, error.got);
    throw error;
  }
}

/**
 * Given the statement's name, its rows and a row decoder, returns the rows typed, without the
 * rows it refuses: each is skipped and logged once (stored data written before validation
 * existed, or around it, degrades the answer instead of failing it).
 */
export function decodeRows<T>(statement: string, rows: readonly unknown[], decoder: Decoder<T>): T[] {
  return decode(statement, [...rows], skipMalformed(decoder, `row of ${statement}`));
}

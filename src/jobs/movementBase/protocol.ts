import type { MovementImpact, MovementImpactPeriod } from '../../analytics/movement/movementImpact';
import type { ReadBase, WeighedAnswer } from '../../analytics/movement/movementImpactBases';
import type { AnalysisNode } from '../../analytics/shared/figures';

/**
 * The messages between the API and its movement base worker (main.ts), numbered so replies may
 * come back in any order. Sent with Node's advanced serialization: buffers and nested values
 * cross as they are.
 */
export type WorkRequest =
  | { readonly n: number; readonly op: 'read'; readonly id: string; readonly period: MovementImpactPeriod }
  | {
      readonly n: number;
      readonly op: 'derive';
      readonly movement: AnalysisNode;
      readonly packed: Uint8Array;
      readonly period: MovementImpactPeriod;
    };

/** A failure as it crosses: the error's class name, its message and the driver's code if any. */
export interface WorkFailure {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

export type WorkReply =
  | { readonly n: number; readonly value: ReadBase<MovementImpact> | WeighedAnswer<MovementImpact> | null }
  | { readonly n: number; readonly error: WorkFailure };

/**
 * Given a value about to cross, returns it with every string replaced by one String object per
 * distinct text (in place; views of bytes are left alone). Node's advanced serialization (V8's)
 * writes an object once and refers back to it after, but writes every primitive string anew: a
 * national movement's answer names each id in several lists (about 250,000 strings for 30,000
 * ids), which crossed as a 33 MB message and 80 MB of new strings in the API. Wrapped, each id
 * crosses once; unwrapStrings undoes it on the other side.
 */
export function wrapStrings<T>(value: T): T {
  const wrappers = new Map<string, string>();
  const wrap = (text: string): string => {
    let wrapper = wrappers.get(text);
    if (wrapper === undefined) {
      wrapper = new String(text) as unknown as string;
      wrappers.set(text, wrapper);
    }
    return wrapper;
  };
  return replaceStrings(value, (item) => (typeof item === 'string' ? wrap(item) : undefined));
}

/** Given a value that crossed wrapped (wrapStrings), returns it with each String object back to its text (in place), each distinct text held once. */
export function unwrapStrings<T>(value: T): T {
  return replaceStrings(value, (item) => (isStringObject(item) ? item.valueOf() : undefined));
}

/** Whether the item is a String object, from any realm (a test runner's sandbox has a String of its own). */
function isStringObject(item: unknown): item is string {
  return typeof item === 'object' && item !== null && Object.prototype.toString.call(item) === '[object String]';
}

/** Walks arrays and plain objects (not views of bytes), replacing each item the function maps to a string; returns the value. */
function replaceStrings<T>(value: T, replace: (item: unknown) => string | undefined): T {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        const replaced = replace(item);
        if (replaced !== undefined) node[i] = replaced;
        else if (isWalked(item)) visit(item);
      }
    } else if (isWalked(node)) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        const replaced = replace(item);
        if (replaced !== undefined) record[key] = replaced;
        else if (isWalked(item)) visit(item);
      }
    }
  };
  visit(value);
  return value;
}

/** Arrays and plain objects are walked; strings (wrapped or not), views of bytes and null are not. */
function isWalked(item: unknown): item is object {
  return typeof item === 'object' && item !== null && !isStringObject(item) && !ArrayBuffer.isView(item);
}

import { isStringObject, replaceStrings, type StringPool } from '../../analytics/shared/strings';
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
 * national movement's answer names each id in several lists, and one such answer at L crossed as a
 * 33 MB message and some 80 MB of new strings in the API (its /metrics). Wrapped, each id crosses
 * once; unwrapStrings undoes it on the other side.
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

/**
 * Given a value that crossed wrapped (wrapStrings), returns it with each String object back to its
 * text (in place), each distinct text held once; with a pool, the pool's equal text, so what the API
 * keeps from several messages (a movement's answers for several periods) holds each id once.
 */
export function unwrapStrings<T>(value: T, pool?: StringPool): T {
  const textOf = (item: unknown) => (isStringObject(item) ? item.valueOf() : undefined);
  return pool ? pool.replace(value, textOf) : replaceStrings(value, textOf);
}

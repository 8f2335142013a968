/**
 * Equal strings held once. The driver, JSON.parse and a worker's messages make a new string for
 * every occurrence of a text, and the answers a process keeps name the same ids, names, levels and
 * relationship types again and again: at L, after the bench's related rows, 55 of the API's 75 MB
 * of strings were copies ("MEMBER_OF" 72,000 times, "agency:syn-central-police" 26,000 times; a heap
 * snapshot of the bench's API process).
 */

/**
 * Given a value JSON.parse returned, makes every equal string in it the same string, in place, and
 * returns it. JSON.parse makes a new string for every occurrence: in a national movement's answer
 * at L each id comes back five times on average (1.5 million strings, 0.3 million distinct), once
 * as a fact and again in every list that names it (recipients, featured, events, homes). The row
 * and the answers derived from it (movementImpactBases.ts keeps a few) hold these strings; held
 * once each, the row of the largest national movement at L took 114 MB of heap before and the
 * answer kept from it 132 MB (bench/profileMovement.ts --memory).
 */
export function internStrings<T>(value: T): T {
  return new StringPool(Infinity).intern(value);
}

/**
 * The strings a cache's values share: a value interned here holds each text the pool has seen as
 * the pool's string, so values kept side by side (a story's reader context and its neighbour's, a
 * movement's answers for two periods) hold a name once between them. Bounded: once it holds more
 * than maxStrings texts, the next value starts a fresh pool (values kept before keep their strings,
 * and stay correct; they only stop sharing with later ones), so it never keeps much more than its
 * bound of texts alive after the values that used them are gone.
 */
export class StringPool {
  private strings = new Map<string, string>();

  /** Given how many distinct texts it may hold before it starts again (at least one value's worth). */
  constructor(private readonly maxStrings: number = 100_000) {}

  /** How many distinct texts it holds. */
  get size(): number {
    return this.strings.size;
  }

  /** Forgets every text (a cache dropping its values calls it: nothing it keeps uses them any more). */
  clear(): void {
    this.strings = new Map();
  }

  /** Given a value, replaces every string in it (through arrays and plain objects, in place) with the pool's equal one and returns the value. */
  intern<T>(value: T): T {
    return this.replace(value, (item) => (typeof item === 'string' ? item : undefined));
  }

  /**
   * Given a value and a function that returns the text an item stands for (undefined: none, and an
   * array or a plain object is walked), replaces every such item with the pool's equal text, in
   * place, and returns the value.
   */
  replace<T>(value: T, textOf: (item: unknown) => string | undefined): T {
    if (this.strings.size > this.maxStrings) this.clear();
    const strings = this.strings;
    return replaceStrings(value, (item) => {
      const text = textOf(item);
      if (text === undefined) return undefined;
      const kept = strings.get(text);
      if (kept !== undefined) return kept;
      strings.set(text, text);
      return text;
    });
  }
}

/**
 * Given a value and a function that maps an item to the string to put in its place (undefined: leave
 * it, and walk it when it is an array or a plain object), replaces items in place through arrays and
 * objects and returns the value. String objects and views of bytes are items, never walked.
 */
export function replaceStrings<T>(value: T, replace: (item: unknown) => string | undefined): T {
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

/** Whether the item is a String object, from any realm (a test runner's sandbox has a String of its own). */
export function isStringObject(item: unknown): item is string {
  return typeof item === 'object' && item !== null && Object.prototype.toString.call(item) === '[object String]';
}

/** Arrays and plain objects are walked; strings (wrapped or not), views of bytes and null are not. */
function isWalked(item: unknown): item is object {
  return typeof item === 'object' && item !== null && !isStringObject(item) && !ArrayBuffer.isView(item);
}

/**
 * A tiny deterministic PRNG (mulberry32) and the draws the generator needs. No dependency: the
 * same seed must give the same graph on every machine and Node version, for ever.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/** Given a 32-bit seed, returns a mulberry32 generator (period 2^32, good enough for test data). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      return items[int(items.length)] as T;
    },
  };
}

/**
 * Given the run's seed, a stream name and an index, returns an independent generator for that one
 * entity, so entity i of a stream can be recomputed anywhere (an award can re-derive the
 * participants of the event it honours) without keeping the graph in memory.
 */
export function rngFor(seed: number, stream: string, index: number): Rng {
  // FNV-1a over the stream name, then mixed with seed and index (murmur3's finaliser).
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ index, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return mulberry32(h);
}

/**
 * A sampler over a fixed list of weights: draws an index with probability weight / total, by
 * binary search over the cumulative sums (O(log n) per draw).
 */
export interface WeightedSampler {
  readonly size: number;
  draw(rng: Rng): number;
}

/** Given non-negative weights (at least one positive), returns a WeightedSampler over their indexes. */
export function weightedSampler(weights: readonly number[]): WeightedSampler {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new Error('weightedSampler needs a positive weight');
  return {
    size: weights.length,
    draw(rng) {
      const target = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] ?? 0) > target) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}

/** Given n and an exponent s, returns Zipf weights 1/k^s for ranks 1..n: a few heavy hubs, a long tail. */
export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, k) => 1 / Math.pow(k + 1, s));
}

/**
 * Given a total, weights and a floor per slot, returns integer shares that add up to the total
 * (largest remainder method), each at least the floor when the total allows it.
 */
export function apportion(total: number, weights: readonly number[], floor = 0): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map((r) => Math.max(floor, Math.floor(r)));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) {
    const slot = order[k]?.i ?? 0;
    out[slot] = (out[slot] ?? 0) + 1;
  }
  return out;
}

import { LRUCache } from 'lru-cache';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Graph } from '../../neo4j/createGraph';
import { decode, decodeRows, object, string } from '../../neo4j/decode';
import { editScope, INCREMENTAL_REVISIONS } from '../../writes/editScope';
import { loadCypher } from '../../neo4j/loadCypher';
import { decodeRevision, REVISION_LABEL } from '../../writes/revisionLayout';
import { decodeAnalysisNode, type AnalysisNode } from '../shared/figures';
import { readRevisionClock, type Clock } from '../shared/revisionClock';
import { impactRowOf, parseImpact, readImpactRow, type MovementImpactRow } from './movementColumns';
import type { MovementImpactPeriod } from './movementImpact';
import { restrictImpactRow } from './restrictImpactRow';

/**
 * The statement: a movement's facts for a period, in one round trip (movementImpact.ts states the
 * rule and how it reads).
 */
export const MOVEMENT_IMPACT_CYPHER = loadCypher(__dirname, 'movementImpact.cypher');

/**
 * A movement's base: the statement's answer for it without a period (every fact with every
 * detail), from which restrictImpactRow derives the row of any period; and the ids of every node
 * it read, which decide whether an edit can have changed it. The answer is kept as its JSON text
 * compressed (a national movement at L: 4–32 million characters, 0.6–4.6 MB compressed, where the
 * decoded row would take 6 bytes a character on the heap), and decoded again only to derive the
 * answer of a period not among those kept.
 */
export interface MovementBase<A> {
  readonly movement: AnalysisNode;
  readonly packed: Uint8Array;
  readonly touches: ReadonlySet<string>;
  /** The answers derived from it, by period and window, the last ANSWERS_PER_BASE asked for, with what each weighs. */
  readonly answers: Map<string, WeighedAnswer<A>>;
  /** Answers being derived now, by period and window: requests asking the same period share one derivation. */
  readonly deriving: Map<string, Promise<WeighedAnswer<A>>>;
  /** What the base weighs in bytes, roughly: its packed text, its ids and its answers; for the budget below. */
  weight: number;
}

/**
 * How many answers a base keeps: a dashboard asks for a movement over one period or two (this
 * year, the one before) again and again, and deriving one for a national movement at L takes
 * 0.5–4 s (decoding its base, then the summary) where a kept one is a lookup.
 */
export const ANSWERS_PER_BASE = 4;

/**
 * How much the bases of one process may weigh, in bytes, roughly (MovementBase.weight): all twelve
 * national movements of size L and every provincial one with a period or two each, within the
 * API's memory target (docs/ARCHITECTURE.md); the least recently used base goes first.
 */
export const MOVEMENT_BASES_BUDGET = 160 * 2 ** 20;

/**
 * How long reading a base may take: longer than a request's query timeout, because the read is
 * done once and kept for every request after it (a client that gave up meanwhile still leaves it
 * read for the next one). The largest national movement at L (32 million characters) took 16 s
 * cold on the shared 2-core machine, past the default 10 s of QUERY_TIMEOUT_MS.
 */
export const BASE_READ_TIMEOUT_MS = 120_000;

/** Bytes an id kept in a base's touches takes, roughly (the string and its place in the set). */
const BYTES_PER_ID = 64;

const decodeAnswer = object<{ movement: AnalysisNode; impact: string }>({ movement: decodeAnalysisNode, impact: string });

/** An answer derived from a base, with what it weighs in bytes, roughly (twice its JSON text). */
export interface WeighedAnswer<A> {
  readonly answer: A;
  readonly weight: number;
}

/** A base as it is read: the movement, its packed text, the ids it touches, and the answer for the period its reader asked. */
export interface ReadBase<A> {
  readonly movement: AnalysisNode;
  readonly packed: Uint8Array;
  readonly touches: readonly string[];
  readonly answer: WeighedAnswer<A>;
}

/**
 * What reads a movement's base and derives answers from it. Both steps hold a national movement's
 * whole row for a moment (at L up to 32 million characters of text, then the parsed row and the
 * derived answer: hundreds of megabytes at once): inProcessBaseWork does them in this process
 * (tests, seed-sized graphs, command-line tools), server/movementBaseWorker.ts in a child process
 * so the API only ever holds what is kept.
 */
export interface MovementBaseWork<A> {
  /** Given a movement id and a period, reads its base and derives that period's answer; null when no movement has that id. */
  read(graph: Graph, id: string, period: MovementImpactPeriod): Promise<ReadBase<A> | null>;
  /** Given a base's movement and packed text, and a period, derives that period's answer. */
  derive(movement: AnalysisNode, packed: Uint8Array, period: MovementImpactPeriod): Promise<WeighedAnswer<A>>;
}

/** Given how an answer is derived from a period's row, returns the work that reads and derives in this process. */
export function inProcessBaseWork<A>(derive: (row: MovementImpactRow, period: MovementImpactPeriod) => A): MovementBaseWork<A> {
  const weighed = (row: MovementImpactRow, period: MovementImpactPeriod): WeighedAnswer<A> => {
    const answer = derive(restrictImpactRow(row, period.from, period.to), period);
    return { answer, weight: heapBytes(answer) };
  };
  return {
    async read(graph, id, period) {
      const parts = await readBaseParts(graph.withTimeout(BASE_READ_TIMEOUT_MS), id);
      if (parts === null) return null;
      const row = impactRowOf(parts.movement, parts.parsed);
      return { movement: parts.movement, packed: parts.packed, touches: [...touchedBy(row)], answer: weighed(row, period) };
    },
    derive(movement, packed, period) {
      return Promise.resolve(weighed(readImpactRow(movement, inflateRawSync(packed).toString()), period));
    },
  };
}

/** A base as a request finds it (one read now also holds the answer for the period of the request that read it). */
interface FoundBase<A> {
  readonly base: MovementBase<A>;
  /** Whether it was read for this request or one sharing the read (not counted as a kept answer). */
  readonly readNow: boolean;
}

/**
 * Given an answer, returns what it holds on the heap in bytes, roughly (V8 on 64 bits: a header and
 * 8 bytes a slot for an array or object, a header and a byte a character for a string), each
 * distinct string counted once, since an answer's lists name the same ids again and again and hold
 * them once (they come from one row, or crossed from the worker each once). Twice its JSON text, the
 * estimate before, counted every mention: four times what the largest national answer holds.
 */
export function heapBytes(value: unknown): number {
  const strings = new Set<string>();
  let bytes = 0;
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      if (!strings.has(node)) {
        strings.add(node);
        bytes += 16 + node.length;
      }
    } else if (Array.isArray(node)) {
      bytes += 16 + 8 * node.length;
      for (const item of node) visit(item);
    } else if (typeof node === 'object' && node !== null) {
      const values = Object.values(node);
      bytes += 24 + 8 * values.length;
      for (const item of values) visit(item);
    }
  };
  visit(value);
  return bytes;
}

/** Given a base, returns what it weighs in bytes, roughly. */
function weigh(base: MovementBase<unknown>): number {
  let weight = base.packed.length + base.touches.size * BYTES_PER_ID;
  for (const kept of base.answers.values()) weight += kept.weight;
  return weight;
}

/** Given a period, returns the key of its answers. */
function periodKey(period: MovementImpactPeriod): string {
  return `${period.from ?? ''}|${period.to ?? ''}|${period.replicationWindowDays}`;
}

/** Given a row, returns the ids of every node it names: the movement, its facts, their fields, places and publishers. */
function touchedBy(row: MovementImpactRow): Set<string> {
  const ids = new Set<string>([row.movement.id]);
  const add = (list: Iterable<string>) => {
    for (const id of list) ids.add(id);
  };
  for (const a of row.awards) add([a.id, ...a.recipients]);
  add(row.heldUp.map((h) => h.id));
  for (const x of row.exemplars) add([x.id, ...x.fields, ...x.homes, ...x.events]);
  for (const e of row.events) add([e.id, ...e.places]);
  for (const f of row.fields) add([f.id, ...f.broader.map((b) => b.id)]);
  for (const s of row.stories) add([s.id, ...s.featured, ...s.publishedBy.map((g) => g.id)]);
  for (const r of row.rollups) add([r.place, ...r.then.map((c) => c.id), ...r.now.map((c) => c.id)]);
  return ids;
}

/**
 * The movement bases one API process has read, kept true to the graph by the revision history: a
 * request reads the revision clock (one small round trip) and, when it moved, the revisions since
 * (writes/revisionsSince's index); a base whose nodes an edit touched (writes/editScope.ts) is
 * dropped and read again by the next request that needs it, every base when the edit changed the
 * places' rollup or was a large import, or when the database was wiped. So an answer is never older
 * than the last commit its request could see, and an edit elsewhere in the graph costs a national
 * movement nothing. A base read while the clock moved on answers its request only, never kept. When
 * there is no clock with an epoch (the migrations did not run, or the write triggers are not
 * installed and so nothing moves it), nothing is kept and every request reads its period live.
 */
export class MovementImpactBases<A> {
  private epoch: string | null = null;
  private tx = 0;
  private readonly bases: LRUCache<string, MovementBase<A>>;
  private catchingUp: Promise<void> | undefined;
  /** Bases being read, by movement and the transaction they were read after: requests that saw the same clock share one read. */
  private readonly reading = new Map<string, Promise<FoundBase<A> | null>>();
  private readonly derive: (row: MovementImpactRow, period: MovementImpactPeriod) => A;
  private readonly work: MovementBaseWork<A>;
  /** How many bases were read from the database, how many times a kept one answered, and how many of those with a kept answer: for the tests and the bench. */
  reads = 0;
  hits = 0;
  answered = 0;

  /**
   * Given how an answer is derived from a period's row (movementImpact.ts: summariseImpact), the
   * budget, and what reads bases and derives their answers (in this process unless given; the same
   * rule either way). A period read live, when there is no clock, is derived here.
   */
  constructor(
    derive: (row: MovementImpactRow, period: MovementImpactPeriod) => A,
    budget: number = MOVEMENT_BASES_BUDGET,
    work: MovementBaseWork<A> = inProcessBaseWork(derive),
  ) {
    this.derive = derive;
    this.work = work;
    this.bases = new LRUCache<string, MovementBase<A>>({ maxSize: budget, sizeCalculation: (base) => Math.max(1, base.weight) });
  }

  /** How many bases are kept. */
  get size(): number {
    return this.bases.size;
  }

  /**
   * Given a movement id and a period, returns the answer derived from the row movementImpact.cypher
   * would answer for that period, or null when no movement has that id; the same answer object
   * again while the base is kept and the period is among its last few.
   */
  async answerFor(graph: Graph, id: string, period: MovementImpactPeriod): Promise<A | null> {
    const found = await this.baseFor(graph, id, period);
    if (found === null) return null;
    if ('live' in found) return this.derive(found.live, period);
    const { base } = found;
    const key = periodKey(period);
    const kept = base.answers.get(key);
    if (kept !== undefined) {
      if (!found.readNow) this.answered += 1;
      // Most recently asked last: the first key is the one to forget.
      base.answers.delete(key);
      base.answers.set(key, kept);
      return kept.answer;
    }
    let deriving = base.deriving.get(key);
    if (!deriving) {
      deriving = this.work.derive(base.movement, base.packed, period).finally(() => base.deriving.delete(key));
      base.deriving.set(key, deriving);
    }
    const derived = await deriving;
    if (!base.answers.has(key)) this.keepAnswer(id, base, key, derived);
    return derived.answer;
  }

  /** Keeps an answer in its base, forgets the least recently asked past ANSWERS_PER_BASE, and weighs the base again. */
  private keepAnswer(id: string, base: MovementBase<A>, key: string, derived: WeighedAnswer<A>): void {
    base.answers.set(key, derived);
    if (base.answers.size > ANSWERS_PER_BASE) base.answers.delete(base.answers.keys().next().value!);
    base.weight = weigh(base);
    // Set again to weigh it again; only if still kept (an edit may have dropped it meanwhile).
    if (this.bases.peek(id) === base) this.bases.set(id, base);
  }

  /**
   * The movement's base, kept or read now (a base read now holds the answer for the period of the
   * request that read it); or its row for the period read live when there is no clock; or null
   * when there is no such movement.
   */
  private async baseFor(
    graph: Graph,
    id: string,
    period: MovementImpactPeriod,
  ): Promise<FoundBase<A> | { live: MovementImpactRow } | null> {
    const clock = await readRevisionClock(graph);
    if (clock === null) {
      const live = await readRow(graph, id, period.from, period.to);
      return live === null ? null : { live };
    }
    await this.catchUp(graph, clock);
    const kept = this.epoch === clock.epoch ? this.bases.get(id) : undefined;
    if (kept) {
      this.hits += 1;
      return { base: kept, readNow: false };
    }
    const key = `${id}@${clock.epoch}:${clock.tx}`;
    let pending = this.reading.get(key);
    if (!pending) {
      pending = this.read(graph, id, clock, period).finally(() => this.reading.delete(key));
      this.reading.set(key, pending);
    }
    return pending;
  }

  private async read(graph: Graph, id: string, clock: Clock, period: MovementImpactPeriod): Promise<FoundBase<A> | null> {
    const read = await this.work.read(graph, id, period);
    if (read === null) return null;
    this.reads += 1;
    const base: MovementBase<A> = {
      movement: read.movement,
      packed: read.packed,
      touches: new Set(read.touches),
      answers: new Map([[periodKey(period), read.answer]]),
      deriving: new Map(),
      weight: 0,
    };
    base.weight = weigh(base);
    // Kept only when no later edit was examined meanwhile (it may have committed after this read).
    if (this.epoch === clock.epoch && this.tx === clock.tx) this.bases.set(id, base);
    return { base, readNow: true };
  }

  /** Brings the kept bases to the clock: drops those an edit since touched. One caller at a time. */
  private async catchUp(graph: Graph, clock: Clock): Promise<void> {
    while (this.catchingUp) await this.catchingUp;
    if (this.epoch !== clock.epoch) {
      this.bases.clear();
      this.epoch = clock.epoch;
      this.tx = clock.tx;
      return;
    }
    if (clock.tx <= this.tx) return;
    this.catchingUp = this.dropTouched(graph, clock).finally(() => (this.catchingUp = undefined));
    await this.catchingUp;
  }

  private async dropTouched(graph: Graph, clock: Clock): Promise<void> {
    try {
      const rows = await graph.read(
        `MATCH (r:${REVISION_LABEL}) WHERE r.tx > $after AND r.tx <= $upTo
         RETURN r {.*} AS revision ORDER BY r.tx LIMIT $limit`,
        { after: this.tx, upTo: clock.tx, limit: INCREMENTAL_REVISIONS + 1 },
      );
      const revisions = decodeRows(
        'movementImpactBases',
        rows.map((r) => r.revision),
        decodeRevision,
      );
      const scope = editScope(revisions);
      if (scope.whole) this.bases.clear();
      else {
        const touched = [...scope.ids, ...scope.fields];
        for (const [id, base] of this.bases.entries()) {
          if (touched.some((t) => base.touches.has(t))) this.bases.delete(id);
        }
      }
    } catch (error) {
      // What changed could not be read: nothing kept can be trusted.
      this.bases.clear();
      throw error;
    } finally {
      this.tx = Math.max(this.tx, clock.tx);
    }
  }
}

async function readAnswer(
  graph: Graph,
  id: string,
  from: string | null,
  to: string | null,
): Promise<{ movement: AnalysisNode; impact: string } | null> {
  const rows = await graph.read(MOVEMENT_IMPACT_CYPHER, { id, from, to });
  return rows[0] ? decode('movementImpact', rows[0], decodeAnswer) : null;
}

/**
 * Given a movement, returns its base as the statement answers it without a period, packed and
 * parsed, or null when there is no such movement. The text is not returned: it takes two bytes a
 * character on the heap (64 MB for the largest national movement at L), and is let go before the
 * row is built from what was parsed.
 */
async function readBaseParts(
  graph: Graph,
  id: string,
): Promise<{ movement: AnalysisNode; packed: Buffer; parsed: unknown } | null> {
  const answer = await readAnswer(graph, id, null, null);
  if (answer === null) return null;
  const packed = deflateRawSync(Buffer.from(answer.impact), { level: 1 });
  return { movement: answer.movement, packed, parsed: parseImpact(answer.impact) };
}

/** Given a movement and a period, returns the statement's row for that period read live, or null when there is no such movement. */
async function readRow(graph: Graph, id: string, from: string | null, to: string | null): Promise<MovementImpactRow | null> {
  const answer = await readAnswer(graph, id, from, to);
  return answer === null ? null : readImpactRow(answer.movement, answer.impact);
}

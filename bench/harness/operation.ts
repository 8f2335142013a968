import type { GraphQLSchema } from 'graphql';
import type { Label } from '../../src/domain/labels';
import type { Rng } from '../synthetic/prng';
import type { SizeName } from '../synthetic/profiles';

export type Variables = Record<string, unknown>;

/** What an operation's prepare step may use to build realistic variables from the loaded data. */
export interface BenchContext {
  readonly schema: GraphQLSchema;
  /** A generator seeded from the bench seed: the same variables on every run. */
  readonly rng: Rng;
  /** Given a label and an id prefix, returns up to n distinct ids spread over that id range. */
  randomIds(label: Label, prefix: string, n: number): Promise<string[]>;
  /** Runs one read statement through the project's Graph. */
  read(cypher: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/** A target for one operation (docs/ARCHITECTURE.md); latency targets are in milliseconds at 1 or 8 connections. */
export type Target =
  | {
      readonly kind: 'latency';
      readonly stat: 'p50' | 'p95' | 'p99';
      readonly connections: 1 | 8;
      readonly maxMs: number;
      readonly size: SizeName;
    }
  | { readonly kind: 'throughput'; readonly connections: 8; readonly minRps: number; readonly size: SizeName };

/** Every API operation is also held to these (docs/ARCHITECTURE.md): API/raw p50 ≤ 1.3× and one round trip per root field. */
export const MAX_API_RAW_RATIO = 1.3;

/**
 * One benchmarked operation. Adding one to the bench is adding one of these to OPERATIONS: a
 * name, the GraphQL document (or a GET path), a variables generator, the baseline (by default the
 * exact statements the API sent, replayed through a bare driver) and its DESIGN targets.
 */
export interface BenchOperation {
  readonly name: string;
  readonly what: string;
  /** While the schema lacks this root Query field (or the server this route), the operation is listed as pending, not run. */
  readonly needs?: { readonly queryField?: string; readonly route?: string };
  /**
   * The GraphQL document, or a function of the schema returning it (so a shape another engineer is
   * still designing can be read from the schema), or a reason it cannot run yet.
   */
  readonly document?: string | ((schema: GraphQLSchema) => BuiltDocument | { readonly pending: string });
  /** For an HTTP GET operation instead of GraphQL: the path and query for a variable set. */
  readonly path?: (variables: Variables) => string;
  /** Request headers sent with every request (the computed rows: `Cache-Control: no-cache`, no kept answer). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Builds the variable sets the run cycles through, round-robin. */
  prepare(context: BenchContext): Promise<Variables[]>;
  /**
   * An explicit baseline statement; when omitted (the default, and the fairest), the statements
   * the API sent for each variable set are captured at the driver and replayed verbatim.
   */
  readonly baseline?: { readonly cypher: string; params(variables: Variables): Record<string, unknown> };
  readonly targets: readonly Target[];
  /**
   * Most database round trips one request may take: 1 (one per root field, docs/ARCHITECTURE.md) when
   * omitted; null to report the count without a verdict (an operation designed to take more).
   */
  readonly maxRoundTrips?: number | null;
}

/** A document built against the schema, with a function that shapes prepared variables to its arguments. */
export interface BuiltDocument {
  readonly document: string;
  readonly variables: (prepared: Variables) => Variables;
}

import type { LoadMarker } from '../synthetic/benchDatabase';
import type { Machine } from './machine';
import type { PhaseStats } from './stats';

/** One number held to one target (docs/ARCHITECTURE.md); met is null when there is no verdict to give. */
export interface TargetResult {
  readonly label: string;
  readonly value: number | null;
  readonly unit: string;
  readonly limit: string;
  readonly met: boolean | null;
  readonly note?: string | undefined;
}

export interface OperationResult {
  readonly name: string;
  readonly what: string;
  /** measured; pending (its field or route has not landed); failed (it answered with errors). */
  readonly status: 'measured' | 'pending' | 'failed';
  readonly reason?: string;
  readonly variableSets?: number;
  /** The first request body or path, to rerun by hand. */
  readonly sample?: string | undefined;
  readonly api?: { readonly c1: PhaseStats; readonly c8: PhaseStats };
  readonly raw?: { readonly c1: PhaseStats; readonly c8: PhaseStats };
  readonly apiRawP50?: number | null;
  /** Statements per request at the driver (all of them), through the Graph (custom resolvers), and transactions. */
  readonly roundTrips?: {
    readonly perRequest: number;
    readonly max: number;
    readonly viaGraph: number;
    readonly transactions: number;
  };
  readonly rssMaxMb?: number;
  /** Peak resident memory of the API's child processes in the same phases (the movement base worker), when the API ran in a process of its own. */
  readonly childRssMaxMb?: number;
  /** Peak V8 heap in use in the same phases: what the API really holds, as opposed to what V8 keeps reserved. */
  readonly heapUsedMaxMb?: number;
  readonly targets: readonly TargetResult[];
}

/** What `npm run bench` writes to bench/results/<size>.json and prints as tables. */
export interface BenchResult {
  readonly command: string;
  readonly startedAt: string;
  readonly elapsedSeconds: number;
  readonly size: string;
  readonly seed: number;
  readonly generatorVersion: number;
  readonly phaseSeconds: number;
  readonly machine: Machine;
  readonly data: { readonly nodes: number; readonly relationships: number; readonly labels: Record<string, number> };
  readonly import: LoadMarker | null;
  /** The same data through neo4j-admin's offline importer, when measured (npm run synthetic:load -- --admin-import). */
  readonly adminImport: LoadMarker | null;
  /** The measured API's resident memory; measuredIn says which process held it (older results: the bench process). */
  readonly rss: {
    readonly idleMb: number;
    readonly maxMb: number;
    readonly measuredIn?: 'api process' | 'bench process';
    /** The peak of the API's child processes (the movement base worker) over the run; absent in older results. */
    readonly childMaxMb?: number;
  };
  /** 1-minute load average when the run ended. */
  readonly loadAverageAtEnd: number;
  readonly operations: readonly OperationResult[];
  /** Targets that belong to the whole run: import time and API memory. */
  readonly targets: readonly TargetResult[];
}

import { buildAwards } from './awards';
import { buildEvents } from './events';
import { buildGeography } from './geography';
import { buildPopulation } from './population';
import type { SizeProfile } from './profiles';
import { Sink, type SyntheticBatch } from './records';
import { buildStories } from './stories';
import { buildTaxonomy } from './taxonomy';

export interface SyntheticOptions {
  readonly profile: SizeProfile;
  readonly seed: number;
  /** Entities per streamed batch (the fixed part comes as one batch first). */
  readonly entitiesPerBatch?: number;
}

/** What a run will produce, known before it starts: for progress bars and sanity checks. */
export interface SyntheticPlan {
  /** Nodes of the fixed part: places, agencies, fields, movements. */
  readonly fixedNodes: number;
  /** Entities of each stream, in the order they are generated. */
  readonly streams: readonly { readonly label: string; readonly count: number }[];
  readonly totalNodes: number;
}

function build(options: SyntheticOptions) {
  const { profile, seed } = options;
  const fixed = new Sink();
  const geography = buildGeography(seed, profile, fixed);
  const taxonomy = buildTaxonomy(seed, profile, geography, fixed);
  const population = buildPopulation(seed, profile, geography, taxonomy);
  const events = buildEvents(seed, profile, geography, taxonomy, population);
  const awards = buildAwards(seed, profile, geography, taxonomy, population, events);
  const stories = buildStories(seed, profile, geography, population, events, awards);
  // Collectives before people (people are MEMBER_OF them); everything an entity points at is
  // generated before it, so a batch never refers to a node of a later batch.
  const streams = [
    { label: 'Collective', count: population.collectives, emit: population.emitCollective },
    { label: 'Person', count: population.people, emit: population.emitPerson },
    { label: 'Event', count: events.count, emit: events.emitEvent },
    { label: 'Award', count: awards.count, emit: awards.emitAward },
    { label: 'Story', count: stories.count, emit: stories.emitStory },
  ];
  return { fixed, streams };
}

/** Given a size and seed, returns the plan: node counts per stream, without generating the streams. */
export function planSynthetic(options: SyntheticOptions): SyntheticPlan {
  const { fixed, streams } = build(options);
  const fixedNodes = fixed.nodes.length;
  return {
    fixedNodes,
    streams: streams.map(({ label, count }) => ({ label, count })),
    totalNodes: fixedNodes + streams.reduce((sum, s) => sum + s.count, 0),
  };
}

/**
 * Given a size and a seed, yields the synthetic graph in batches: first the fixed part (places,
 * agencies, fields, movements), then collectives, people, events, awards and stories, a bounded
 * number of entities at a time, so memory stays flat at any size. Every node and relationship
 * cites SYNTHETIC_SOURCE with confidence UNVERIFIED and every id starts with `syn-` after its
 * label prefix. The same seed gives the same graph, whatever the batch size.
 */
export function* generateSynthetic(options: SyntheticOptions): Generator<SyntheticBatch> {
  const perBatch = options.entitiesPerBatch ?? 5_000;
  const { fixed, streams } = build(options);
  yield fixed;
  for (const stream of streams) {
    for (let start = 0; start < stream.count; start += perBatch) {
      const batch = new Sink();
      const end = Math.min(stream.count, start + perBatch);
      for (let i = start; i < end; i++) stream.emit(i, batch);
      yield batch;
    }
  }
}

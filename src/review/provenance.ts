import type { CONFIDENCE } from '../domain/enums';

export type Confidence = (typeof CONFIDENCE)[number];

/** Given sources (story ids and URLs), returns them with the story added once, in the order they came. */
export function withSource(sources: readonly string[] | null, storyId: string): string[] {
  const list = [...(sources ?? [])];
  return list.includes(storyId) ? list : [...list, storyId];
}

/** Given a URL, returns its host (the publisher of a source cited by URL), or the text itself. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * Given a fact's confidence before (null for a new fact) and the publishers behind its sources
 * after a story was added (one entry per source: a story's publisher, a URL's host), returns its
 * confidence: CONFIRMED once two different publishers support it (a second independent story),
 * or when it already was; SINGLE_SOURCE otherwise. An UNVERIFIED fact stays UNVERIFIED: it was
 * inferred or its sources disagree, which one more story does not settle; an editor does.
 */
export function confidenceAfter(before: Confidence | null, publishers: readonly string[]): Confidence {
  if (before === 'UNVERIFIED') return 'UNVERIFIED';
  if (before === 'CONFIRMED') return 'CONFIRMED';
  const distinct = new Set(publishers.map((p) => p.trim().toLowerCase()).filter((p) => p !== ''));
  return distinct.size >= 2 ? 'CONFIRMED' : 'SINGLE_SOURCE';
}

/**
 * Given the confidences of two records of one fact being merged into one, and the publishers
 * behind their sources together, returns the merged fact's confidence: UNVERIFIED if either was
 * (a doubt is not merged away), CONFIRMED if either was or two publishers now support it.
 */
export function mergedConfidence(a: Confidence | null, b: Confidence | null, publishers: readonly string[]): Confidence {
  if (a === 'UNVERIFIED' || b === 'UNVERIFIED') return 'UNVERIFIED';
  if (a === 'CONFIRMED' || b === 'CONFIRMED') return 'CONFIRMED';
  return confidenceAfter(null, publishers);
}

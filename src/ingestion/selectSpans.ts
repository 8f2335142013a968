import type { PatternMention } from './patternMention';
import type { Resolution } from './resolveMentions';

/** A span kept for proposals: a gazetteer mention that linked or stayed ambiguous, or a pattern's new entity. */
export type Selected =
  | { readonly source: 'GAZETTEER'; readonly resolution: Exclude<Resolution, { outcome: 'NONE' }> }
  | { readonly source: 'PATTERN'; readonly pattern: PatternMention };

const spanOf = (s: Selected) =>
  s.source === 'GAZETTEER'
    ? {
        start: s.resolution.mention.start,
        end: s.resolution.mention.end,
        words: s.resolution.mention.last - s.resolution.mention.first,
      }
    : { start: s.pattern.start, end: s.pattern.end, words: s.pattern.last - s.pattern.first };

/**
 * Given resolutions and pattern mentions, returns the spans that become proposals: longest first,
 * never two overlapping; at equal length the gazetteer wins over a pattern, so a name the graph
 * knows is linked, not proposed again ("Công an xã Pải Lủng"). Award forms never compete with
 * names: they are kept beside them.
 */
export function selectSpans(resolutions: readonly Resolution[], patterns: readonly PatternMention[]): Selected[] {
  const all: Selected[] = [
    ...resolutions.flatMap((resolution): Selected[] =>
      resolution.outcome === 'NONE' ? [] : [{ source: 'GAZETTEER', resolution }],
    ),
    ...patterns.filter((p) => p.kind !== 'Award').map((pattern): Selected => ({ source: 'PATTERN', pattern })),
  ];
  all.sort(
    (a, b) =>
      spanOf(b).words - spanOf(a).words ||
      spanOf(b).end - spanOf(b).start - (spanOf(a).end - spanOf(a).start) ||
      (a.source === 'GAZETTEER' ? -1 : 1),
  );
  const kept: Selected[] = [];
  for (const candidate of all) {
    const span = spanOf(candidate);
    if (kept.some((k) => span.start < spanOf(k).end && span.end > spanOf(k).start)) continue;
    kept.push(candidate);
  }
  const awards = patterns.filter((p) => p.kind === 'Award').map((pattern): Selected => ({ source: 'PATTERN', pattern }));
  return [...kept, ...awards].sort((a, b) => spanOf(a).start - spanOf(b).start);
}

import { createHash } from 'node:crypto';
import packageJson from '../../package.json';
import type { Evidence, Extractor } from './proposal';
import type { Reason } from './reason';

/** The extractor every proposal names; its version follows the project's (package.json). */
export const EXTRACTOR: Extractor = { name: `${packageJson.name}/ingestion`, version: packageJson.version };

/** Characters of context kept on each side of a quote: enough to find it again after small edits. */
const CONTEXT = 32;

/**
 * Given the normalised text, a range and the confidence and reasons, returns the evidence: the
 * exact quote with its prefix and suffix (TextQuoteSelector) and its offsets (TextPositionSelector).
 */
export function makeEvidence(text: string, start: number, end: number, confidence: number, reasons: readonly Reason[]): Evidence {
  return {
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - CONTEXT), start),
        suffix: text.slice(end, end + CONTEXT),
      },
      { type: 'TextPositionSelector', start, end },
    ],
    extractor: EXTRACTOR,
    confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100,
    reasons,
  };
}

/** Given the parts that make a proposal what it is, returns a stable id ("link:3f2a…"). */
export function proposalId(kind: string, ...parts: ReadonlyArray<string | number>): string {
  return `${kind.toLowerCase()}:${createHash('sha1')
    .update([kind, ...parts].join('|'))
    .digest('hex')
    .slice(0, 16)}`;
}

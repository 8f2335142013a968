import type { Label } from '../../domain/labels';

/** A node named as evidence in a reason. */
export interface SharedNode {
  readonly id: string;
  readonly kind: Label;
  readonly name: string;
}

/**
 * Bounds on how much of the graph one related* query may touch; every expansion is capped, so the
 * cost per source id is at most about maxAnchors × hubDegree relationships.
 */
export interface ExpansionBounds {
  /** A node with more relationships than this is a hub: it is never expanded to find candidates. */
  readonly hubDegree: number;
  /** How many of the source's neighbours are kept as anchors, rarest first. */
  readonly maxAnchors: number;
  /** How many of the source's relationships are read at most before choosing anchors. */
  readonly scanCap: number;
}

/**
 * At 1M nodes a field of 100,000 exemplars is common; 1,000 keeps one expansion under a few
 * milliseconds while every event, award, agency and story of the real data stays below it.
 * scanCap 500 bounds how many of a hub source's neighbours get their degree read (relatedStories for
 * a synthetic field of 200k people: p50 16 ms at 2,000, 3.5 ms at 500, on the 2-core machine).
 */
export const DEFAULT_BOUNDS: ExpansionBounds = { hubDegree: 1_000, maxAnchors: 50, scanCap: 500 };

/** Candidates ranked in Cypher per source: limit × this, so the hub reasons added after may still reorder them. */
export const OVERFETCH = 2;

/**
 * Given a shared node's degree (its relationship count, read from the degree store), returns its
 * rarity 1 / ln(2 + degree): Adamic–Adar with +2 so it stays finite. A node shared by few is worth
 * more than one shared by many: degree 3 gives 0.62, degree 100,000 gives 0.087.
 */
export function rarity(degree: number): number {
  return 1 / Math.log(2 + Math.max(0, degree));
}

/** Given a score, returns it rounded to 6 decimals, so equal sums compare equal in any order. */
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/** Given two ids, orders them by code unit, as Cypher's ORDER BY does (stable across locales). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

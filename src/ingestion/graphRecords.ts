import type { Label } from '../domain/labels';

/**
 * A node as ingestion reads it: the seed files' records and, in production, the rows of the
 * gazetteer query have this shape (properties flat, dates as ISO strings).
 */
export interface GraphNodeRecord {
  readonly id: string;
  readonly label: Label;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly title?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly level?: string;
  readonly kind?: string;
  readonly unitType?: string;
  readonly form?: string;
  readonly date?: string;
  readonly period?: string;
  readonly year?: number;
  readonly publishedAt?: string;
  readonly decisionNo?: string;
  readonly rank?: string;
  readonly rankAsInSource?: string;
  readonly honorific?: string;
  readonly diedOn?: string;
}

export interface GraphRelationshipRecord {
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

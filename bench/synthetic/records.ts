import type { RelationshipRecord } from '../../src/importer/seedSchema';
import type { NodeRow } from '../../src/importer/validateDataset';
import type { Label } from '../../src/domain/labels';
import { SYNTHETIC_SOURCE } from './profiles';

/** A slice of synthetic graph: nodes first, then relationships whose ends are in it or earlier. */
export interface SyntheticBatch {
  readonly nodes: NodeRow[];
  readonly relationships: RelationshipRecord[];
}

/** Given a label prefix and a tag, returns a synthetic id: `person` + `0000123` → `person:syn-0000123`. */
export function synId(prefix: string, tag: string): string {
  return `${prefix}:syn-${tag}`;
}

/** Given an index and a width, returns it zero-padded (ids sort in creation order). */
export function pad(index: number, width = 7): string {
  return String(index).padStart(width, '0');
}

/** Given a day count from 1 Jan 2015, returns that day as YYYY-MM-DD (dates stay in 2015 … 2026). */
export function dayToDate(day: number): string {
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Days from 1 Jan 2015 to 31 Dec 2025. */
export const DAYS_2015_2025 = 4_017;

/** Collects the records of one entity or one batch; every record carries the synthetic provenance. */
export class Sink implements SyntheticBatch {
  readonly nodes: NodeRow[] = [];
  readonly relationships: RelationshipRecord[] = [];

  /** Adds a node with the synthetic source and UNVERIFIED confidence; returns its id. */
  node(label: Label, record: Record<string, unknown> & { id: string; name: string }): string {
    this.nodes.push({ label, record: { ...record, sources: [SYNTHETIC_SOURCE], confidence: 'UNVERIFIED' } });
    return record.id;
  }

  /** Adds a relationship with the synthetic source and UNVERIFIED confidence. */
  rel(type: string, from: string, to: string, properties: Partial<RelationshipRecord> = {}): void {
    this.relationships.push({ type, from, to, ...properties, sources: [SYNTHETIC_SOURCE], confidence: 'UNVERIFIED' });
  }

  /** Moves everything collected into another sink (or batch), leaving this one empty. */
  drainInto(target: SyntheticBatch): void {
    for (const node of this.nodes) target.nodes.push(node);
    for (const rel of this.relationships) target.relationships.push(rel);
    this.nodes.length = 0;
    this.relationships.length = 0;
  }
}

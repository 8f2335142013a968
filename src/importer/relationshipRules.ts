import { LABELS, type Label } from '../migrations/migrate';

export interface RelationshipRule {
  readonly from: readonly Label[];
  readonly to: readonly Label[];
  /** Properties allowed besides sources, confidence and note. */
  readonly properties: readonly string[];
  readonly required?: readonly string[];
}

const EXEMPLARS: readonly Label[] = ['Person', 'Collective'];
const VALIDITY = ['validFrom', 'validTo'];

/** Which relationship types may join which labels, and with which properties (DESIGN.md). */
export const RELATIONSHIP_RULES: Readonly<Record<string, RelationshipRule>> = {
  MEMBER_OF: { from: ['Person'], to: ['Agency', 'Collective'], properties: ['role', 'since', 'until'] },
  ACTIVE_IN: { from: EXEMPLARS, to: ['Field'], properties: [] },
  TOOK_PART_IN: { from: ['Person', 'Collective', 'Agency'], to: ['Event'], properties: ['role'] },
  OCCURRED_IN: { from: ['Event'], to: ['Place'], properties: [] },
  RECEIVED: { from: ['Person', 'Collective', 'Agency'], to: ['Award'], properties: [] },
  CONFERRED_BY: { from: ['Award'], to: ['Agency'], properties: [] },
  FOR_EVENT: { from: ['Award'], to: ['Event'], properties: [] },
  UNDER_MOVEMENT: { from: ['Award', 'Event'], to: ['Movement'], properties: [] },
  EXEMPLAR_OF: { from: EXEMPLARS, to: ['Movement'], properties: [] },
  LAUNCHED_BY: { from: ['Movement'], to: ['Agency'], properties: [] },
  FEATURES: { from: ['Story'], to: LABELS, properties: [] },
  PUBLISHED_BY: { from: ['Story'], to: ['Agency'], properties: [] },
  PART_OF: { from: ['Place', 'Agency', 'Field'], to: ['Place', 'Agency', 'Field'], properties: VALIDITY },
  LOCATED_IN: { from: ['Agency', 'Person', 'Place'], to: ['Place'], properties: VALIDITY },
  SUCCEEDED_BY: { from: ['Place', 'Agency'], to: ['Place', 'Agency'], properties: ['date', 'instrument'], required: ['date'] },
  FLOWS_THROUGH: { from: ['Place'], to: ['Place'], properties: [] },
};

/** Types whose two ends must carry the same label (a place is part of a place, never of an agency). */
export const SAME_LABEL_TYPES = new Set(['PART_OF', 'SUCCEEDED_BY']);

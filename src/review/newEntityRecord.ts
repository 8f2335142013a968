import type { Label } from '../domain/labels';
import { BadInputError } from '../errors/domainErrors';
import { nodeProperties } from '../importer/importDataset';
import { NODE_SCHEMAS } from '../importer/seedSchema';
import type { NewEntityProposal } from '../ingestion/proposal';
import type { ProposalEdits } from './acceptEdits';

/** Forms that are not State forms (the domain's AWARD_CATEGORY NON_STATE). */
const NON_STATE_FORMS = new Set(['ORG_BADGE', 'ORG_BANG_KHEN', 'PRAISE']);

/**
 * Given a NEW_ENTITY proposal, the editor's edits, the new node's id and the story, returns the
 * node's label and stored properties: the proposal's properties the label's schema knows (the
 * importer's NODE_SCHEMAS, so ingestion writes what seeding would accept), then the edits, the
 * story as the only source and SINGLE_SOURCE; an award is not yet known to have named recipients.
 * Throws BAD_USER_INPUT naming the edit that would fix a property the schema refuses or misses.
 */
export function newEntityRecord(
  proposal: NewEntityProposal,
  edits: ProposalEdits,
  id: string,
  storyId: string,
): { label: Label; properties: Record<string, unknown> } {
  const label = edits.label ?? proposal.label;
  const schema = NODE_SCHEMAS[label];
  const known = new Set(Object.keys(schema.shape));
  // The proposal's kind and level describe its own label; for another label they must come from the edits.
  const proposed = label === proposal.label ? Object.entries(proposal.properties).filter(([key]) => known.has(key)) : [];
  const record: Record<string, unknown> = {
    ...Object.fromEntries(proposed),
    id,
    name: edits.name ?? proposal.name,
    sources: [storyId],
    confidence: 'SINGLE_SOURCE',
  };
  if (edits.kind) record.kind = edits.kind;
  if (edits.level) record.level = edits.level;
  if (edits.form) record.form = edits.form;
  if (edits.validFrom) record.validFrom = edits.validFrom;
  if (edits.validTo) record.validTo = edits.validTo;
  if (edits.note) record.note = edits.note;
  if (edits.date) {
    record.date = edits.date;
    if (label === 'Event') record.period = edits.date;
    if (label === 'Award') record.legalBasis = edits.date >= '2024-01-01' ? 'LAW_2022' : 'LAW_2003';
  }
  // The text may date an award by month or year only: the schema keeps those as year.
  if (label === 'Award' && typeof record.date === 'string' && record.date.length < 10) {
    record.year = Number(record.date.slice(0, 4));
    delete record.date;
  }
  if (label === 'Award') {
    record.category ??= NON_STATE_FORMS.has(String(record.form)) ? 'NON_STATE' : 'STATE';
    record.recipientsResolved = false;
  }
  const checked = schema.safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = String(issue?.path[0] ?? 'name');
    throw new BadInputError(
      `edits.${field}`,
      record[field] ?? null,
      `${label} ${field} ${issue?.message ?? 'is not valid'} (give it in edits)`,
    );
  }
  return { label, properties: nodeProperties({ label, record: { ...(checked.data as Record<string, unknown>), id } }) };
}

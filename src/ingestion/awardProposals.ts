import { checkConferral, type IssuerKind, type RecipientKind } from '../domain/conferralAuthority';
import type { AwardForm, AwardLevel } from './awardForms';
import type { FindAwardResult } from './awardReading';
import type { Item } from './item';
import { makeEvidence, proposalId } from './makeEvidence';
import type { AwardMatch } from './matchAwards';
import { position } from './position';
import type { Flag, LinkProposal, NewEntityProposal } from './proposal';
import { reason } from './reason';

/**
 * Given the text, an award reading, its match in the graph (if any), the issuer office (from the
 * words or the linked body) and the award's date, returns a LINK to the known award, or a
 * NEW_ENTITY award with its form, level, issuer, decision number and date, flagged when Law
 * 06/2022 does not let that office confer that form on that date (checkConferral).
 */
export function awardProposal(
  text: string,
  reading: FindAwardResult,
  match: AwardMatch | undefined,
  issuer: IssuerKind | undefined,
  date: string | undefined,
): { proposal: LinkProposal | NewEntityProposal; item: Item } {
  const p = reading.pattern;
  const itemOf = (ref: Item['ref'], confidence: number): Item => ({
    ref,
    label: 'Award',
    name: p.name,
    sentence: p.sentence,
    first: p.first,
    last: p.last,
    start: p.start,
    end: p.end,
    confidence,
    ...(match ? { entry: match.entry } : {}),
  });
  if (match) {
    const confidence = Math.min(0.95, 0.5 + 0.1 * match.score);
    return {
      proposal: {
        id: proposalId('LINK', match.entry.id),
        kind: 'LINK',
        status: 'PENDING',
        entity: { id: match.entry.id, label: 'Award', name: match.entry.name },
        alternatives: [],
        occurrences: [position(p)],
        evidence: makeEvidence(text, p.start, p.end, confidence, match.reasons),
        flags: [],
      },
      item: itemOf({ kind: 'ENTITY', id: match.entry.id, label: 'Award' }, confidence),
    };
  }
  const form = p.properties.form as AwardForm;
  const level = p.properties.level as AwardLevel | undefined;
  const flags: Flag[] = [];
  const reasons = [...p.reasons];
  const properties: Record<string, string | number | boolean> = { ...p.properties };
  if (reading.decision) properties.decisionNo = reading.decision.number;
  if (date) {
    properties.date = date;
    properties.legalBasis = date >= '2024-01-01' ? 'LAW_2022' : 'LAW_2003';
  }
  if (issuer) {
    properties.issuerKind = issuer;
    const recipient: RecipientKind | undefined = p.properties.collective === true ? 'COLLECTIVE' : undefined;
    const check = checkConferral({
      form,
      issuer,
      ...(level ? { level } : {}),
      ...(date ? { on: date } : {}),
      ...(recipient ? { recipient } : {}),
    });
    reasons.push(reason(`thẩm quyền: ${check.vi}`, `authority: ${check.en}`));
    if (check.status === 'NOT_ALLOWED') flags.push({ code: 'ISSUER_MAY_NOT_CONFER', vi: check.vi, en: check.en });
    if (check.status === 'UNKNOWN') flags.push({ code: 'CONFERRAL_UNCHECKED', vi: check.vi, en: check.en });
  }
  const id = proposalId('NEW_ENTITY', 'Award', p.start, p.name);
  return {
    proposal: {
      id,
      kind: 'NEW_ENTITY',
      status: 'PENDING',
      label: 'Award',
      name: p.name,
      properties,
      occurrences: [position(p)],
      evidence: makeEvidence(text, p.start, p.end, p.confidence, reasons),
      flags,
    },
    item: itemOf({ kind: 'PROPOSAL', proposalId: id, label: 'Award' }, p.confidence),
  };
}

import {
  conferralAuthority,
  conferrableBy,
  ISSUER_KIND_VI,
  type ConferralRule,
  type IssuerKind,
} from '../domain/conferralAuthority';
import type { AWARD_FORM, AWARD_LEVEL } from '../domain/enums';
import { BadInputError, NotFoundError } from '../errors/domainErrors';
import { issuerOfAgency } from '../ingestion/issuerOfAgency';
import { isoDate } from '../ingestion/partialDate';
import type { Graph } from '../neo4j/createGraph';
import { decodeRows, nullable, object, string } from '../neo4j/decode';

/** One power to confer, as the API shows it: the rule and the office in Vietnamese. */
export type ConferralRuleView = ConferralRule & { readonly issuerName: string };

export interface ConferrableByAnswer {
  /** The office that signs the issuer's awards, when its kind and level say. */
  readonly issuer: IssuerKind | null;
  readonly issuerName: string | null;
  /** The agency asked about, when asked by id. */
  readonly agency: { readonly id: string; readonly name: string } | null;
  readonly rules: readonly ConferralRuleView[];
}

const view = (rule: ConferralRule): ConferralRuleView => ({ ...rule, issuerName: ISSUER_KIND_VI[rule.issuer] });

function onDate(on: string | null | undefined): string | undefined {
  if (on === null || on === undefined) return undefined;
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!parts || !isoDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) {
    throw new BadInputError('on', on, 'must be a calendar date YYYY-MM-DD');
  }
  return on;
}

/** Given a form, optionally its level and a date, returns who may confer it then (the rule data of src/domain/conferralAuthority.ts). */
export function conferralAuthorityAnswer(
  form: (typeof AWARD_FORM)[number],
  level: (typeof AWARD_LEVEL)[number] | null | undefined,
  on: string | null | undefined,
): ConferralRuleView[] {
  const date = onDate(on);
  return conferralAuthority(form, { ...(level ? { level } : {}), ...(date ? { on: date } : {}) }).map(view);
}

/**
 * Given an issuer (an agency's id, or an agency level and kind) and optionally a date, returns
 * what its office may confer then: the office is the one issuerOfAgency reads from the agency's
 * kind and level (a People's Committee's chair at its level, a unit's head …), the same reading
 * ingestion uses to check awards.
 */
export async function conferrableByAnswer(
  graph: Graph,
  args: { issuerId?: string | null; level?: string | null; kind?: string | null; on?: string | null },
): Promise<ConferrableByAnswer> {
  const date = onDate(args.on);
  let agency: { kind?: string; level?: string; name: string; id?: string };
  if (args.issuerId) {
    if (args.level || args.kind) {
      throw new BadInputError('issuerId', args.issuerId, 'give an issuerId or a level and kind, not both');
    }
    const rows = await graph.read(
      'MATCH (a:Agency {id: $id}) RETURN a.id AS id, a.name AS name, a.kind AS kind, a.level AS level',
      {
        id: args.issuerId,
      },
    );
    const [row] = decodeRows(
      'issuer',
      rows,
      object({ id: string, name: string, kind: nullable(string), level: nullable(string) }),
    );
    if (!row) throw new NotFoundError('Agency', args.issuerId);
    agency = { id: row.id, name: row.name, ...(row.kind ? { kind: row.kind } : {}), ...(row.level ? { level: row.level } : {}) };
  } else {
    if (!args.level || !args.kind) {
      throw new BadInputError(args.level ? 'kind' : 'level', null, 'give an issuerId, or both level and kind');
    }
    agency = { name: '', level: args.level, kind: args.kind };
  }
  const issuer = issuerOfAgency(agency) ?? null;
  return {
    issuer,
    issuerName: issuer ? ISSUER_KIND_VI[issuer] : null,
    agency: agency.id ? { id: agency.id, name: agency.name } : null,
    rules: issuer ? conferrableBy(issuer, date).map(view) : [],
  };
}

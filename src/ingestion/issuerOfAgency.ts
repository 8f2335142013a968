import type { IssuerKind } from '../domain/conferralAuthority';
import { foldKey } from './foldKey';

/**
 * Given a body's kind, level and name, returns the office that signs its awards: a People's
 * Committee's chair at its level, the State President, the Minister for a central police or
 * ministry body, the head of a unit with legal status for any other state body, and mass
 * organisations as such.
 */
export function issuerOfAgency(agency: { kind?: string; level?: string; name: string }): IssuerKind | undefined {
  const name = foldKey(agency.name);
  if (name.startsWith('chu tich nuoc')) return 'PRESIDENT';
  switch (agency.kind) {
    case 'PEOPLES_COMMITTEE':
      return agency.level === 'PROVINCE'
        ? 'PROVINCE_CHAIR'
        : agency.level === 'DISTRICT'
          ? 'DISTRICT_CHAIR'
          : agency.level === 'COMMUNE'
            ? 'COMMUNE_CHAIR'
            : undefined;
    case 'MASS_ORGANISATION':
      return 'MASS_ORGANISATION';
    case 'POLICE':
    case 'STATE_OFFICE':
      return agency.level === 'CENTRAL' ? (name.startsWith('bo ') ? 'MINISTER' : undefined) : 'UNIT_HEAD';
    case 'HOSPITAL':
    case 'PRESS':
      return 'UNIT_HEAD';
    case undefined:
    default:
      return undefined;
  }
}

import type { AwardLevel } from './awardForms';
import type { IssuerKind } from '../domain/conferralAuthority';

/** Who conferred, as far as the words say: the kind of office of Law 06/2022 Arts. 77–80, or a mass organisation. */
export interface IssuerReading {
  readonly issuerKind: IssuerKind;
  readonly level: AwardLevel;
}

/** Checked in order on the folded issuer phrase; the first that occurs wins (the most specific office first). */
const RULES: ReadonlyArray<readonly [RegExp, IssuerReading]> = [
  [/\bchu tich nuoc\b/, { issuerKind: 'PRESIDENT', level: 'NATIONAL' }],
  [/\bthu tuong\b/, { issuerKind: 'PRIME_MINISTER', level: 'NATIONAL' }],
  [/\bchinh phu\b/, { issuerKind: 'GOVERNMENT', level: 'NATIONAL' }],
  [
    /\b(tinh doan|huyen doan|trung uong doan|doan thanh nien|hoi |mat tran)/,
    { issuerKind: 'MASS_ORGANISATION', level: 'ORGANISATION' },
  ],
  [
    /\b(ubnd|uy ban nhan dan) (tinh|thanh pho ha noi|thanh pho ho chi minh)\b/,
    { issuerKind: 'PROVINCE_CHAIR', level: 'PROVINCE' },
  ],
  [/\b(ubnd|uy ban nhan dan) (huyen|quan|thi xa)\b/, { issuerKind: 'DISTRICT_CHAIR', level: 'DISTRICT' }],
  [/\b(ubnd|uy ban nhan dan) (xa|phuong|thi tran)\b/, { issuerKind: 'COMMUNE_CHAIR', level: 'COMMUNE' }],
  [/\b(bo truong|thu truong co quan ngang bo)\b|^bo [a-z]/, { issuerKind: 'MINISTER', level: 'MINISTRY' }],
  [/\b(giam doc|truong|chi huy truong|cong an tinh|cong an huyen|cong an xa)\b/, { issuerKind: 'UNIT_HEAD', level: 'UNIT' }],
];

/** The suffix of a decision number names the issuing office (DOMAIN §1.9: CTN, TTg, UBND). */
const DECISION_CODES: Readonly<Record<string, IssuerReading>> = {
  ctn: { issuerKind: 'PRESIDENT', level: 'NATIONAL' },
  ttg: { issuerKind: 'PRIME_MINISTER', level: 'NATIONAL' },
};

/** Given a folded issuer phrase ("chu tich ubnd tinh ha giang"), returns the kind of issuer it names, if the words say. */
export function classifyIssuer(foldedPhrase: string): IssuerReading | undefined {
  return RULES.find(([pattern]) => pattern.test(foldedPhrase))?.[1];
}

/** Given a decision number ("237/QĐ-CTN"), returns the issuer its code names, if it is one of the codes DOMAIN lists. */
export function issuerFromDecision(decisionNo: string): IssuerReading | undefined {
  const code = /QĐ-([\p{L}]+)/u.exec(decisionNo)?.[1]?.toLowerCase();
  return code ? DECISION_CODES[code] : undefined;
}
